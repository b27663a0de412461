"""`manage.py restore FILE`: bring a backup back into an empty database, then check every table's row count."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, describe_database, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into the configured database, which must be empty (a new "
        "database, migrated or not), and the uploaded files into their directories. The archive's checksums are "
        "verified first and the row counts after. PostgreSQL copies restore into PostgreSQL, SQLite into SQLite."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="The archive (coopnet-backup-….tar.gz).")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, file, yes=False, **options):
        confirm = None if yes else self.confirm
        try:
            result = restore_backup(Path(file), confirm=confirm)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Восстановлено из {file}: записей {result.rows} в {result.tables} таблицах, файлов {result.files}; "
            f"число записей каждой таблицы совпадает с копией."
        )
        for note in result.notes:
            self.stdout.write(self.style.WARNING(note))

    def confirm(self, manifest: dict) -> bool:
        try:
            answer = input(
                f"Восстановить копию от {manifest.get('created_at')} в базу {describe_database()}? "
                f"Введите «да», чтобы продолжить (или запустите с --yes): "
            )
        except EOFError:  # nobody at the terminal to answer
            return False
        return answer.strip().lower() in {"да", "yes"}
