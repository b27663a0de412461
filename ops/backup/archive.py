"""The backup archive: one tar.gz with the database dump, the stored files and a manifest.json that lists a sha256 of
every other member, so an archive can be checked without restoring it.

    manifest.json                 written last, once every checksum is known
    database.pgdump | database.sqlite3
    storages/<alias>/<path>       the files of each filesystem storage named in settings.STORAGES
"""

import contextlib
import hashlib
import io
import json
import os
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

from .errors import BackupError

MANIFEST = "manifest.json"
FORMAT = 1
CHUNK = 1024 * 1024


def sha256_of(stream: IO[bytes]) -> str:
    digest = hashlib.sha256()
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


class _Hashing:
    """A file that hashes what tarfile reads from it, so each file is read once."""

    def __init__(self, stream: IO[bytes]):
        self.stream = stream
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        chunk = self.stream.read(size)
        self.digest.update(chunk)
        return chunk


class ArchiveWriter:
    """Adds files and remembers their checksums; `close()` writes the manifest with them.

    The archive is created readable and writable by its owner only (0600): it holds contacts' personal data and
    the signed scans."""

    def __init__(self, path: Path):
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.fchmod(descriptor, 0o600)  # whatever the umask
        self.file = os.fdopen(descriptor, "wb")
        try:
            self.tar = tarfile.open(fileobj=self.file, mode="w:gz")  # noqa: SIM115 — closed by close()
        except BaseException:
            self.file.close()
            raise
        self.checksums: dict[str, str] = {}
        self.sizes: dict[str, int] = {}

    def add_file(self, name: str, source: Path) -> None:
        info = self.tar.gettarinfo(str(source), arcname=name)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        with source.open("rb") as stream:
            hashing = _Hashing(stream)
            self.tar.addfile(info, hashing)
        self.checksums[name] = hashing.digest.hexdigest()
        self.sizes[name] = info.size

    def close(self, manifest: dict) -> None:
        data = json.dumps({**manifest, "files": self.checksums}, ensure_ascii=False, indent=2).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mode = 0o644
        info.mtime = int(time.time())
        self.tar.addfile(info, io.BytesIO(data))
        self.tar.close()
        self.file.close()

    def abort(self) -> None:
        with contextlib.suppress(OSError, tarfile.TarError):
            self.tar.close()
        with contextlib.suppress(OSError):
            self.file.close()


@dataclass
class CheckResult:
    manifest: dict
    files: int = 0
    size: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def safe_member_name(name: str) -> PurePosixPath:
    """A member name that stays inside wherever it is unpacked."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"Недопустимое имя файла в архиве: {name!r}.")
    return path


def open_archive(path: Path) -> tarfile.TarFile:
    if not path.is_file():
        raise BackupError(f"Файл {path} не найден.")
    try:
        return tarfile.open(path, "r:gz")
    except (OSError, tarfile.TarError, EOFError) as error:
        raise BackupError(f"{path} — не архив резервной копии coopnet (tar.gz): {error}") from error


def read_manifest(tar: tarfile.TarFile) -> dict:
    try:
        stream = tar.extractfile(MANIFEST)
        manifest = json.load(stream) if stream else None
    except KeyError:
        raise BackupError("В архиве нет manifest.json: это не резервная копия coopnet или она неполная.") from None
    except (OSError, tarfile.TarError, EOFError, ValueError) as error:
        raise BackupError(f"Архив повреждён или обрезан: manifest.json не читается ({error}).") from error
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise BackupError("manifest.json повреждён: в нём нет списка файлов с контрольными суммами.")
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Неизвестная версия формата резервной копии: {manifest.get('format')!r}.")
    return manifest


def check(path: Path) -> CheckResult:
    """Read the manifest, then every member, comparing sha256 sums; the archive is never unpacked to disk."""
    with open_archive(path) as tar:
        result = CheckResult(manifest=read_manifest(tar))
        expected: dict[str, str] = result.manifest["files"]
        seen: set[str] = set()
        try:
            for member in tar:
                if member.name == MANIFEST:
                    continue
                safe_member_name(member.name)
                if not member.isfile():
                    result.problems.append(f"{member.name}: не обычный файл")
                    continue
                seen.add(member.name)
                actual = sha256_of(tar.extractfile(member))
                if member.name not in expected:
                    result.problems.append(f"{member.name}: нет в manifest.json")
                elif actual != expected[member.name]:
                    result.problems.append(f"{member.name}: контрольная сумма не совпадает")
                result.files += 1
                result.size += member.size
        except (OSError, tarfile.TarError, EOFError) as error:
            result.problems.append(f"архив повреждён: {error}")
        result.problems.extend(f"{name}: нет в архиве" for name in sorted(set(expected) - seen))
    return result


def members(tar: tarfile.TarFile, prefix: str) -> Iterator[tuple[tarfile.TarInfo, PurePosixPath]]:
    """Regular files under `prefix/`, with their path relative to it."""
    for member in tar.getmembers():
        path = safe_member_name(member.name)
        if member.isfile() and path.parts[0] == prefix and len(path.parts) > 1:
            yield member, path.relative_to(prefix)
