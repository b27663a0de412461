"""manage.py annual_report: the same files as the page, and clear errors on bad arguments."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from reports.exports import to_csv
from reports.report import build_report, headline_labels
from tests.reports.conftest import HEADLINE_2020


def _run(*args):
    out = io.StringIO()
    call_command("annual_report", *args, stdout=out)
    return out.getvalue()


def test_xlsx_file_with_the_report_figures(scenario, tmp_path):
    path = tmp_path / "r.xlsx"
    out = _run("2020", "--format", "xlsx", "--output", str(path))
    rows = {r[0]: r[1] for r in load_workbook(path)["Сводка"].iter_rows(min_row=2, values_only=True)}
    assert rows[str(headline_labels()["activities"])] == HEADLINE_2020["activities"][0]
    assert out.count("\n") == 1
    assert str(path) in out and "мероприятий и проектов — 8" in out


def test_csv_file_is_the_same_as_the_download(scenario, tmp_path):
    path = tmp_path / "r.csv"
    _run("2020", "--format", "csv", "--output", str(path))
    content = path.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    # generated_at is not in the CSV, so two renderings of the same year are identical
    assert content == to_csv(build_report(2020))
    lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == ["section", "row", "column", "value"]


def test_docx_file_opens(scenario, tmp_path):
    path = tmp_path / "r.docx"
    _run("2020", "--format", "docx", "--output", str(path))
    headings = [p.text for p in Document(str(path)).paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Участие в профессиональных мероприятиях"


def test_default_output_name(scenario, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _run("2020", "--format", "csv")
    assert (tmp_path / "coopnet-report-2020.csv").exists()


@pytest.mark.parametrize("year", ["1989", "2101", "abc"])
def test_bad_year_is_a_command_error(db, tmp_path, year):
    with pytest.raises(CommandError, match="год"):
        _run(year, "--output", str(tmp_path / "x.xlsx"))
    assert not (tmp_path / "x.xlsx").exists()


def test_bad_format_is_a_command_error(db, tmp_path):
    with pytest.raises(CommandError, match="Неизвестный формат «pdf»"):
        _run("2020", "--format", "pdf", "--output", str(tmp_path / "x.pdf"))


def test_missing_folder_is_a_command_error(db, tmp_path):
    with pytest.raises(CommandError, match="Папки"):
        _run("2020", "--output", str(tmp_path / "no" / "such" / "x.xlsx"))


def test_a_folder_as_output_is_a_command_error(db, tmp_path):
    with pytest.raises(CommandError, match="это папка"):
        _run("2020", "--output", str(tmp_path))


def test_unwritable_output_is_a_command_error(db, tmp_path):
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("")
    with pytest.raises(CommandError, match="Не удалось записать"):
        _run("2020", "--format", "csv", "--output", str(not_a_folder / "x.csv"))


def test_bad_arguments_exit_non_zero(db, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "manage.py", "annual_report", "abc", "--output", str(tmp_path / "x.csv")],
        cwd=root,
        capture_output=True,
        text=True,
        env={"DJANGO_DEBUG": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0
    assert "это не год" in result.stderr
