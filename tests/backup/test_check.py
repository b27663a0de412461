"""`backup --check` and `restore` read an archive's checksums first: a damaged archive restores nothing."""

import errno
import io
import json
import shutil
import tarfile
from datetime import datetime
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from agreements.models import Library
from ops.backup import archive as backup_archive
from ops.backup import database as backup_database
from tests.backup.conftest import run_manage, site_env
from tests.factories import LibraryFactory


@pytest.fixture
def archive(sqlite_demo_site, tmp_path):
    """A copy of the demo site's backup (with a cover and an agreement scan), for this test to damage."""
    return Path(shutil.copy(sqlite_demo_site.archive, tmp_path))


def rewrite(path, change):
    """Copy the archive member by member, letting `change(name, data)` alter what each member holds."""
    with tarfile.open(path, "r:gz") as tar:
        members = [(member, tar.extractfile(member).read()) for member in tar.getmembers()]
    with tarfile.open(path, "w:gz") as tar:
        for member, data in members:
            data = change(member.name, data)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))


def manifest_of(path):
    with tarfile.open(path, "r:gz") as tar:
        return json.load(tar.extractfile("manifest.json"))


def test_manifest_describes_the_backup(archive):
    manifest = manifest_of(archive)

    assert manifest["database"] == {"vendor": "sqlite", "dump": "database.sqlite3"}
    assert manifest["rows"]["agreements.library"] == 11
    assert manifest["rows"]["agreements.agreement"] == 10
    assert manifest["migrations"]["agreements"].startswith("00")
    assert manifest["coopnet"]["version"]
    assert datetime.fromisoformat(manifest["created_at"]).tzinfo is not None
    files = sorted(manifest["files"])
    assert files[0] == "database.sqlite3"
    assert files[1].startswith("storages/default/") and files[1].endswith(".png")
    assert files[2].startswith("storages/scans/agreements/") and files[2].endswith(".pdf")
    assert len(files) == 3
    assert all(len(digest) == 64 for digest in manifest["files"].values())


def test_intact_archive_passes_the_check(archive):
    out = io.StringIO()

    call_command("backup", check=str(archive), stdout=out)

    assert out.getvalue().startswith(f"Архив {archive} цел: файлов 3")


def test_changed_file_fails_the_check(archive):
    rewrite(archive, lambda name, data: data.replace(b"%PDF", b"%PDX") if name.endswith(".pdf") else data)

    with pytest.raises(CommandError, match=r"повреждён:\n.*scan.*\.pdf: контрольная сумма не совпадает"):
        call_command("backup", check=str(archive))


def test_missing_file_fails_the_check(archive):
    with tarfile.open(archive, "r:gz") as tar:
        kept = [
            (member, tar.extractfile(member).read()) for member in tar.getmembers() if member.name != "database.sqlite3"
        ]
    with tarfile.open(archive, "w:gz") as tar:
        for member, data in kept:
            tar.addfile(member, io.BytesIO(data))

    with pytest.raises(CommandError, match="database.sqlite3: нет в архиве"):
        call_command("backup", check=str(archive))


def test_truncated_archive_fails_the_check(archive):
    archive.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])

    with pytest.raises(CommandError, match="повреждён или обрезан"):
        call_command("backup", check=str(archive))


def test_other_file_is_not_taken_for_an_archive(tmp_path):
    other = tmp_path / "notes.tar.gz"
    other.write_text("не архив")

    with pytest.raises(CommandError, match="не архив резервной копии coopnet"):
        call_command("backup", check=str(other))


def test_corrupted_archive_is_not_restored(archive, tmp_path):
    rewrite(archive, lambda name, data: data[:-1] + b"!" if name == "database.sqlite3" else data)
    target = site_env(f"sqlite:///{tmp_path}/new.sqlite3", tmp_path / "new")

    refused = run_manage(target, "restore", str(archive), "--yes", check=False)

    assert refused.returncode == 1
    assert "database.sqlite3: контрольная сумма не совпадает" in refused.stderr
    assert not (tmp_path / "new.sqlite3").exists()
    assert not (tmp_path / "new").exists()


@pytest.mark.sqlite  # restores into the test database itself, which is SQLite in this pass
def test_restore_into_a_database_in_use_is_refused(archive, db):
    LibraryFactory(short_name="Новая библиотека")

    with pytest.raises(CommandError, match=r"не пуста \(agreements.library: 1, history.historicallibrary: 1\)"):
        call_command("restore", str(archive), yes=True)

    assert Library.objects.filter(short_name="Новая библиотека").exists()


@pytest.mark.sqlite  # restores into the test database itself, which is SQLite in this pass
def test_postgresql_archive_is_not_restored_into_sqlite(archive):
    def as_postgresql(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["database"] = {"vendor": "postgresql", "dump": "database.sqlite3"}
        return json.dumps(manifest).encode()

    rewrite(archive, as_postgresql)

    with pytest.raises(CommandError, match="из базы PostgreSQL, а настроена база SQLite"):
        call_command("restore", str(archive), yes=True)


@pytest.mark.sqlite  # restores into the test database itself, which is SQLite in this pass
def test_answering_no_cancels_the_restore(archive, db, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "нет")

    with pytest.raises(CommandError, match="Восстановление отменено"):
        call_command("restore", str(archive))


def test_full_disk_leaves_no_half_archive(tmp_path, monkeypatch):
    def dump(target):
        target.write_bytes(b"database")
        return {}

    def full_disk(self, name, source):
        self.tar.fileobj.write(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_database, "dump", dump)
    monkeypatch.setattr(backup_archive.ArchiveWriter, "add_file", full_disk)

    with pytest.raises(CommandError, match="Не хватило места на диске для резервной копии"):
        call_command("backup", output=str(tmp_path / "backups"))

    assert list((tmp_path / "backups").iterdir()) == []


@pytest.mark.sqlite  # restores into the test database itself, which is SQLite in this pass
def test_sqlite_backup_inside_a_transaction_is_refused_not_waited_for(db, tmp_path):
    with pytest.raises(CommandError, match="не выполняются внутри транзакции"):
        call_command("backup", output=str(tmp_path / "backups"))


def test_missing_pg_dump_is_named(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))

    with pytest.raises(backup_database.BackupError, match="Не найдена программа pg_dump"):
        backup_database._pg_tool("pg_dump")
