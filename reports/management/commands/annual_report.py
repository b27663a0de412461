"""python manage.py annual_report YEAR --format xlsx|csv|docx --output FILE"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.exports import FORMATS, filename
from reports.report import ReportYearError, build_report, parse_year


def _one_of(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " или " + names[-1]


FORMAT_NAMES = _one_of(list(FORMATS))  # "xlsx, csv или docx"


class Command(BaseCommand):
    help = "Строит годовой отчёт о сотрудничестве и сохраняет его в файл XLSX, CSV или DOCX."

    def add_arguments(self, parser):
        parser.add_argument("year", help="год отчёта, например 2020")
        parser.add_argument("--format", dest="fmt", default="xlsx", help=f"{FORMAT_NAMES} (по умолчанию xlsx)")
        parser.add_argument("--output", "-o", help=f"куда сохранить файл (по умолчанию {filename('формат', 'ГОД')})")

    def handle(self, *args, year, fmt, output, **options):
        try:
            year = parse_year(year)
        except ReportYearError as error:
            raise CommandError(str(error)) from error
        fmt = (fmt or "").lower()
        if fmt not in FORMATS:
            raise CommandError(f"Неизвестный формат «{fmt}». Укажите {FORMAT_NAMES}.")
        path = Path(output or filename(fmt, year))
        if path.is_dir():
            example = path / filename(fmt, year)
            raise CommandError(f"«{path}» — это папка. Укажите имя файла, например {example}.")
        if not path.parent.exists():
            raise CommandError(f"Папки «{path.parent}» нет. Создайте её или укажите другой путь.")
        report = build_report(year)
        content = FORMATS[fmt].render(report)
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(f"Не удалось записать «{path}»: {error.strerror or error}.") from error
        self.stdout.write(
            f"Отчёт за {year} год ({fmt.upper()}, {len(content)} байт) сохранён в {path}: "
            f"совместных мероприятий и проектов — {report.partner_matrix.total}, "
            f"действующих соглашений — {report.agreements.in_force}, активных партнёров — {report.partners.active}."
        )
