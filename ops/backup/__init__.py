"""Backups that restore: `create_backup()` writes one archive (database, stored files, manifest), `check()` verifies
one without touching anything, `restore_backup()` brings one back into an empty database and checks the result.

The management commands `backup` and `restore` are thin wrappers; the README's "Backups" part says how to run them.
"""

import errno
import os
import sqlite3
import subprocess
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from . import database
from .archive import FORMAT, ArchiveWriter, CheckResult, check, members, open_archive
from .errors import BackupError

__all__ = ["BackupError", "CheckResult", "check", "create_backup", "restore_backup"]

# Collected static files are rebuilt from the code by collectstatic: nothing to keep.
NOT_BACKED_UP = {"staticfiles"}


@dataclass
class BackupResult:
    path: Path
    rows: int
    files: int
    size: int


@dataclass
class RestoreResult:
    rows: int
    tables: int
    files: int
    notes: list[str] = field(default_factory=list)


def filesystem_storages() -> dict[str, Path]:
    """Each storage of settings.STORAGES that keeps files in a directory: covers, agreement and amendment scans."""
    found = {}
    for alias in settings.STORAGES:
        if alias in NOT_BACKED_UP:
            continue
        storage = storages[alias]
        if isinstance(storage, FileSystemStorage):
            found[alias] = Path(storage.location)
    return found


def coopnet_version() -> dict[str, str | None]:
    with (Path(settings.BASE_DIR) / "pyproject.toml").open("rb") as stream:
        version = tomllib.load(stream).get("project", {}).get("version")
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=10, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = None  # not a git checkout, or no git installed: the version alone
    return {"version": version, "commit": commit or None}


def archive_name(now=None) -> str:
    return f"coopnet-backup-{timezone.localtime(now).strftime('%Y-%m-%d_%H-%M-%S')}.tar.gz"


def create_backup(output_dir: Path) -> BackupResult:
    """Write the archive under a temporary name and rename it when complete: a failure leaves no half archive."""
    vendor = database.check_supported()
    final = output_dir / archive_name()
    partial = output_dir / f".{final.name}.partial"
    try:
        _private_directory(output_dir)
        if final.exists():
            raise BackupError(f"Файл {final} уже существует.")
        with tempfile.TemporaryDirectory(dir=output_dir, prefix=".coopnet-backup-") as scratch:
            rows, files = _write_archive(partial, Path(scratch) / database.DUMP_NAMES[vendor], vendor)
        _sync(partial)
        os.replace(partial, final)
    except BaseException as error:
        partial.unlink(missing_ok=True)
        if isinstance(error, OSError) and error.errno == errno.ENOSPC:
            raise BackupError(f"Не хватило места на диске для резервной копии в {output_dir}.") from error
        if isinstance(error, OSError):
            raise BackupError(f"Резервная копия не записана: {error}") from error
        if isinstance(error, DatabaseError | sqlite3.Error):
            raise BackupError(f"База данных не читается: {error}") from error
        raise
    return BackupResult(path=final, rows=rows, files=files, size=final.stat().st_size)


def _private_directory(path: Path) -> None:
    """The backups' directory, created or narrowed to its owner only (0700); one owned by another account (a
    mounted share, say) is left as it is: the archives in it are 0600 anyway."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_uid == os.geteuid():
        path.chmod(0o700)


def _write_archive(partial: Path, dump_file: Path, vendor: str) -> tuple[int, int]:
    """The dump first, then the stored files, then the manifest; the number of rows and of stored files."""
    counts = database.dump(dump_file)
    writer = ArchiveWriter(partial)
    try:
        writer.add_file(dump_file.name, dump_file)
        dump_file.unlink()  # the dump is in the archive now: do not hold the space twice
        storages_described = _add_storages(writer)
        writer.close(_manifest(vendor, counts, storages_described))
    except BaseException:
        writer.abort()
        raise
    return sum(counts.values()), sum(storage["files"] for storage in storages_described.values())


def _add_storages(writer: ArchiveWriter) -> dict[str, dict]:
    described = {}
    for alias, location in filesystem_storages().items():
        count = 0
        if location.is_dir():
            for path in sorted(location.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    writer.add_file(f"storages/{alias}/{path.relative_to(location).as_posix()}", path)
                    count += 1
        described[alias] = {"location": str(location), "files": count}
    return described


def _manifest(vendor: str, counts: dict[str, int], storages_described: dict[str, dict]) -> dict:
    return {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "coopnet": coopnet_version(),
        "database": {"vendor": vendor, "dump": database.DUMP_NAMES[vendor]},
        "migrations": database.latest_migrations(),
        "rows": counts,
        "storages": storages_described,
    }


def _sync(path: Path) -> None:
    with path.open("rb") as stream:
        os.fsync(stream.fileno())


def verified_manifest(path: Path) -> dict:
    """The manifest of an archive whose every checksum matches; otherwise a BackupError listing what is wrong."""
    result = check(path)
    if not result.ok:
        listed = "\n".join(f"  {problem}" for problem in result.problems[:20])
        raise BackupError(f"Архив {path} повреждён, восстанавливать из него нельзя:\n{listed}")
    return result.manifest


def restore_backup(path: Path, *, confirm: Callable[[dict], bool] | None = None) -> RestoreResult:
    """Restore into an empty database only; then the row counts must equal the manifest's."""
    manifest = verified_manifest(path)
    vendor = database.check_supported()
    archived = manifest["database"]["vendor"]
    if archived != vendor:
        raise BackupError(
            f"Копия сделана из базы {database.vendor_name(archived)}, а настроена база "
            f"{database.vendor_name(vendor)}: восстанавливайте в базу того же типа."
        )
    in_use = database.rows_in_use(database.live_row_counts())
    if in_use:
        listed = ", ".join(f"{label}: {count}" for label, count in list(in_use.items())[:8])
        raise BackupError(
            f"База данных {describe_database()} не пуста ({listed}). Восстанавливать можно только в пустую базу: "
            f"создайте новую базу и укажите её в DATABASE_URL."
        )
    if confirm is not None and not confirm(manifest):
        raise BackupError("Восстановление отменено.")
    try:
        files = _restore_database_and_files(path, manifest)
    except OSError as error:
        raise BackupError(f"Восстановление прервано: {error}") from error
    counts = database.live_row_counts()
    differ = {
        label: (expected, counts.get(label))
        for label, expected in manifest["rows"].items()
        if counts.get(label) != expected
    }
    if differ:
        listed = "\n".join(f"  {label}: в копии {want}, в базе {got}" for label, (want, got) in differ.items())
        raise BackupError(f"После восстановления число записей не совпадает с копией:\n{listed}")
    return RestoreResult(
        rows=sum(counts.values()), tables=len(manifest["rows"]), files=files, notes=_migration_notes(manifest)
    )


def _restore_database_and_files(path: Path, manifest: dict) -> int:
    targets = filesystem_storages()
    missing = sorted(set(manifest.get("storages", {})) - set(targets))
    if missing:
        raise BackupError(f"В настройках нет хранилищ файлов {', '.join(missing)}, которые есть в копии.")
    with open_archive(path) as tar, tempfile.TemporaryDirectory(prefix="coopnet-restore-") as scratch:
        dump_name = manifest["database"]["dump"]
        tar.extract(dump_name, scratch, filter="data")
        database.restore(Path(scratch) / dump_name)
        restored = 0
        for alias, location in targets.items():
            for member, relative in members(tar, "storages"):
                if relative.parts[0] == alias:
                    _write_file(tar, member, location, relative.relative_to(alias))
                    restored += 1
    return restored


def _write_file(tar, member, location: Path, relative) -> None:
    target = location.joinpath(*relative.parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    with tar.extractfile(member) as source, partial.open("wb") as stream:
        while chunk := source.read(1024 * 1024):
            stream.write(chunk)
    os.replace(partial, target)


def _migration_notes(manifest: dict) -> list[str]:
    """A copy from another version of coopnet: say which way, since `migrate` fixes only one of them."""
    on_disk = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [f"{app}.{name}" for app, name in manifest.get("migrations", {}).items() if (app, name) not in on_disk]
    if unknown:
        return [
            "Копия сделана более новой версией coopnet (неизвестные миграции: "
            f"{', '.join(unknown)}): обновите код до той версии."
        ]
    newest = {}
    for app, name in on_disk:
        newest[app] = max(newest.get(app, name), name)
    if any(manifest.get("migrations", {}).get(app, "") < name for app, name in newest.items()):
        return ["Код новее копии: выполните python manage.py migrate."]
    return []


def describe_database() -> str:
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":
        return str(db["NAME"])
    return f"{db['NAME']} на {db.get('HOST') or 'localhost'}"
