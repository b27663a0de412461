"""`manage.py backup`: one archive with the database, the stored files and a manifest; `--check FILE` verifies one."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, check, create_backup


def human_size(size: int) -> str:
    for unit in ("Б", "КБ", "МБ"):
        if size < 1024:
            return f"{size:.0f} {unit}" if unit == "Б" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} ГБ"


class Command(BaseCommand):
    help = (
        "Write a backup: one tar.gz named with the date and time, holding the database (pg_dump on PostgreSQL, "
        "a consistent copy on SQLite), the uploaded files (covers, agreement and amendment scans) and a manifest "
        "with a sha256 of every file. With --check FILE, verify an existing archive instead, restoring nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", metavar="DIR", default="backups", help="Directory for the archive (default: ./backups)."
        )
        parser.add_argument("--check", metavar="FILE", help="Verify this archive's checksums and manifest.")

    def handle(self, *args, output, check=None, **options):
        if check:
            return self.check_archive(Path(check))
        try:
            result = create_backup(Path(output))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Резервная копия: {result.path} ({human_size(result.size)}): записей {result.rows}, файлов {result.files}."
        )

    def check_archive(self, path: Path) -> None:
        try:
            result = check(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if not result.ok:
            listed = "\n".join(f"  {problem}" for problem in result.problems)
            raise CommandError(f"Архив {path} повреждён:\n{listed}")
        manifest = result.manifest
        self.stdout.write(
            f"Архив {path} цел: файлов {result.files} ({human_size(result.size)}), контрольные суммы совпадают. "
            f"Создан {manifest.get('created_at')}, база {manifest['database']['vendor']}, "
            f"записей {sum(manifest.get('rows', {}).values())}."
        )
