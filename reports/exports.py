"""Files of the annual report (XLSX, CSV, DOCX), each rendered from an AnnualReport and nothing else."""

from reports.report import AnnualReport


def to_xlsx(report: AnnualReport) -> bytes:
    raise NotImplementedError


def to_csv(report: AnnualReport) -> bytes:
    raise NotImplementedError


def to_docx(report: AnnualReport) -> bytes:
    raise NotImplementedError
