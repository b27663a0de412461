"""A backup of the demo site, with a cover and an agreement scan, restored into a new database and new media
directories: every row and every file comes back."""

import json
import shutil
import tarfile
import uuid

import pytest

from tests.backup.conftest import ADD_FILES, postgres_server_url, run_manage, site_env, stored_files, with_database


def read_manifest(archive):
    with tarfile.open(archive, "r:gz") as tar:
        return json.load(tar.extractfile("manifest.json"))


def only_archive(folder):
    archives = list(folder.glob("*.tar.gz"))
    assert len(archives) == 1, archives
    return archives[0]


def stored_checksums(manifest):
    return {name: digest for name, digest in manifest["files"].items() if name.startswith("storages/")}


def back_up_demo_site(env, tmp_path):
    run_manage(env, "load_demo")
    run_manage(env, "shell", "-c", ADD_FILES)
    run_manage(env, "backup", "--output", str(tmp_path / "backups"))
    return only_archive(tmp_path / "backups")


def restore_and_compare(source_root, archive, target_env, target_root, tmp_path):
    restored = run_manage(target_env, "restore", str(archive), "--yes")
    assert "совпадает с копией" in restored.stdout
    assert "файлов 2" in restored.stdout

    run_manage(target_env, "backup", "--output", str(tmp_path / "again"))
    original, again = read_manifest(archive), read_manifest(only_archive(tmp_path / "again"))
    assert again["rows"] == original["rows"]
    assert original["rows"]["agreements.library"] == 11
    assert stored_checksums(again) == stored_checksums(original)
    assert stored_files(target_root) == stored_files(source_root)
    assert len(stored_files(target_root)) == 2


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory):
    """The demo site on SQLite, backed up; beside it a database freshly migrated and nothing more, to restore into.
    Migrating takes a while, so the tests of this module share it."""
    tmp_path = tmp_path_factory.mktemp("sqlite-site")
    source_root, target_root = tmp_path / "site", tmp_path / "restored"
    source_root.mkdir()
    source = site_env(f"sqlite:///{source_root}/db.sqlite3", source_root)
    run_manage(source, "migrate", "--noinput", "-v0")
    target_root.mkdir()
    shutil.copyfile(source_root / "db.sqlite3", target_root / "db.sqlite3")
    return source, tmp_path, back_up_demo_site(source, tmp_path)


@pytest.mark.sqlite
def test_sqlite_backup_restores_every_row_and_file(sqlite_site):
    source, tmp_path, archive = sqlite_site
    source_root, target_root = tmp_path / "site", tmp_path / "restored"

    assert run_manage(source, "backup", "--check", str(archive)).stdout.startswith(f"Архив {archive} цел")
    target = site_env(f"sqlite:///{target_root}/db.sqlite3", target_root)
    restore_and_compare(source_root, archive, target, target_root, tmp_path)


@pytest.mark.sqlite
def test_restore_into_the_database_backed_up_is_refused(sqlite_site):
    env, _, archive = sqlite_site

    refused = run_manage(env, "restore", str(archive), "--yes", check=False)

    assert refused.returncode == 1
    assert "не пуста" in refused.stderr
    assert "agreements.library: 11" in refused.stderr


@pytest.mark.postgresql_server
def test_postgresql_backup_restores_every_row_and_file(tmp_path):
    import psycopg2

    server = postgres_server_url()
    names = [f"coopnet_backup_{uuid.uuid4().hex[:12]}_{side}" for side in ("source", "target")]
    admin = psycopg2.connect(with_database(server, "postgres"))
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            for name in names:
                cursor.execute(f'CREATE DATABASE "{name}"')
        source_root, target_root = tmp_path / "site", tmp_path / "restored"
        source = site_env(with_database(server, names[0]), source_root)
        run_manage(source, "migrate", "--noinput", "-v0")
        archive = back_up_demo_site(source, tmp_path)
        assert read_manifest(archive)["database"] == {"vendor": "postgresql", "dump": "database.pgdump"}

        target = site_env(with_database(server, names[1]), target_root)
        restore_and_compare(source_root, archive, target, target_root, tmp_path)

        sqlite_site = site_env(f"sqlite:///{tmp_path}/other.sqlite3", tmp_path / "other")
        mismatch = run_manage(sqlite_site, "restore", str(archive), "--yes", check=False)
        assert mismatch.returncode == 1
        assert "PostgreSQL" in mismatch.stderr and "SQLite" in mismatch.stderr
    finally:
        with admin.cursor() as cursor:
            for name in names:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
