"""A backup of the demo site, with a cover and an agreement scan, restored into a new database and new media
directories: every row and every file comes back."""

import json
import shutil
import tarfile
import uuid

import pytest

from tests.backup.conftest import (
    back_up_demo_site,
    postgres_server_url,
    run_manage,
    site_env,
    stored_files,
    with_database,
)


def read_manifest(archive):
    with tarfile.open(archive, "r:gz") as tar:
        return json.load(tar.extractfile("manifest.json"))


def stored_checksums(manifest):
    return {name: digest for name, digest in manifest["files"].items() if name.startswith("storages/")}


def restore_and_compare(source_root, archive, target_env, target_root, tmp_path):
    restored = run_manage(target_env, "restore", str(archive), "--yes")
    assert "совпадает с копией" in restored.stdout
    assert "файлов 2" in restored.stdout

    run_manage(target_env, "backup", "--output", str(tmp_path / "again"))
    [again_archive] = (tmp_path / "again").glob("*.tar.gz")
    original, again = read_manifest(archive), read_manifest(again_archive)
    assert again["rows"] == original["rows"]
    assert original["rows"]["agreements.library"] == 11
    assert stored_checksums(again) == stored_checksums(original)
    assert stored_files(target_root) == stored_files(source_root)
    assert len(stored_files(target_root)) == 2


@pytest.mark.sqlite
def test_sqlite_backup_restores_into_a_new_database(sqlite_demo_site, tmp_path):
    target_root = tmp_path / "restored"
    target = site_env(f"sqlite:///{target_root}/db.sqlite3", target_root)
    target_root.mkdir()

    restore_and_compare(sqlite_demo_site.root, sqlite_demo_site.archive, target, target_root, tmp_path)


@pytest.mark.sqlite
def test_sqlite_backup_restores_into_a_migrated_empty_database(sqlite_demo_site, tmp_path):
    target_root = tmp_path / "restored"
    target_root.mkdir()
    shutil.copyfile(sqlite_demo_site.migrated, target_root / "db.sqlite3")
    target = site_env(f"sqlite:///{target_root}/db.sqlite3", target_root)

    restore_and_compare(sqlite_demo_site.root, sqlite_demo_site.archive, target, target_root, tmp_path)


@pytest.mark.sqlite
def test_restore_into_the_database_backed_up_is_refused(sqlite_demo_site):
    refused = run_manage(sqlite_demo_site.env, "restore", str(sqlite_demo_site.archive), "--yes", check=False)

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
        archive = back_up_demo_site(source, tmp_path / "backups")
        assert read_manifest(archive)["database"] == {"vendor": "postgresql", "dump": "database.pgdump"}

        target = site_env(with_database(server, names[1]), target_root)
        restore_and_compare(source_root, archive, target, target_root, tmp_path)

        sqlite_site = site_env(f"sqlite:///{tmp_path}/other.sqlite3", tmp_path / "other")
        mismatch = run_manage(sqlite_site, "restore", str(archive), "--yes", check=False)
        assert mismatch.returncode == 1
        assert "из базы PostgreSQL, а настроена база SQLite" in mismatch.stderr
    finally:
        with admin.cursor() as cursor:
            for name in names:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
