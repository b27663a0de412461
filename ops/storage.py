"""File storage that leaves nothing half-written: a failed write (full disk, read-only or failing disk) removes
what it had begun and says so in Russian; the request's database transaction is rolled back with it."""

import contextlib
import errno

from django.core.files.storage import FileSystemStorage

WRITE_FAILURES = {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS, errno.EFBIG}


class FileNotSaved(OSError):
    """A file could not be written; nothing of it is left on disk."""


class SafeFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except OSError as error:
            if error.errno not in WRITE_FAILURES:
                raise
            with contextlib.suppress(OSError):
                self.delete(name)
            raise FileNotSaved(error.errno, "Не удалось сохранить файл: " + (error.strerror or "")) from error
