"""python manage.py annual_report YEAR --format xlsx|csv|docx --output FILE"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports import exports
from reports.report import ReportYearError, build_report, parse_year

WRITERS = {"xlsx": exports.to_xlsx, "csv": exports.to_csv, "docx": exports.to_docx}


class Command(BaseCommand):
    help = "Строит годовой отчёт о сотрудничестве и сохраняет его в файл XLSX, CSV или DOCX."

    def add_arguments(self, parser):
        parser.add_argument("year", help="год отчёта, например 2020")
        parser.add_argument("--format", dest="fmt", default="xlsx", help="xlsx, csv или docx (по умолчанию xlsx)")
        parser.add_argument("--output", "-o", help="куда сохранить файл (по умолчанию coopnet-report-ГОД.формат)")

    def handle(self, *args, year, fmt, output, **options):
        try:
            year = parse_year(year)
        except ReportYearError as error:
            raise CommandError(str(error)) from error
        fmt = (fmt or "").lower()
        if fmt not in WRITERS:
            raise CommandError(f"Неизвестный формат «{fmt}». Укажите xlsx, csv или docx.")
        path = Path(output or f"coopnet-report-{year}.{fmt}")
        if path.is_dir():
            example = path / f"coopnet-report-{year}.{fmt}"
            raise CommandError(f"«{path}» — это папка. Укажите имя файла, например {example}.")
        if not path.parent.exists():
            raise CommandError(f"Папки «{path.parent}» нет. Создайте её или укажите другой путь.")
        report = build_report(year)
        content = WRITERS[fmt](report)
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(f"Не удалось записать «{path}»: {error.strerror or error}.") from error
        self.stdout.write(
            f"Отчёт за {year} год ({fmt.upper()}, {len(content)} байт) сохранён в {path}: "
            f"мероприятий и проектов — {report.partner_matrix.total}, "
            f"действующих соглашений — {report.agreements.in_force}, активных партнёров — {report.partners.active}."
        )
