"""A file chosen in an admin form survives the form's other errors.

A browser never fills a file input in again: when a form comes back with an error (a date, a required field), the
scan chosen a moment ago is gone and must be found and chosen again. `KeptFileInput` keeps it: when the form is
shown again with a file that passed its own checks, the file is put aside in the field's own storage (a private
scan stays private), under `kept/`, and the form says so and carries a signed note of where it lies. Sent again
without a new file, the kept one is taken as if chosen; a new file replaces it, and «очистить» clears it. Files
put aside more than a day ago are removed whenever another is put aside; a file that failed its checks is not
kept.
"""

import contextlib
import datetime
import posixpath
import uuid

from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import get_valid_filename
from django.utils.translation import gettext

KEPT_DIR = "kept"
KEPT_FOR = datetime.timedelta(days=1)
SALT = "adminkit.uploads.kept"
SUFFIX = "__kept"


class KeptFileInput(AdminFileWidget):
    def __init__(self, storage, attrs=None):
        super().__init__(attrs)
        self.storage = storage
        self.kept: dict[str, tuple[str, str]] = {}  # by input name: (signed note, file name)
        self.sent: dict[str, UploadedFile] = {}  # by input name: the file this request carried

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        copy.kept, copy.sent = {}, {}
        return copy

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        if isinstance(value, UploadedFile):
            self.sent[name] = value
        if value is None:  # nothing chosen, «очистить» not ticked
            note = data.get(name + SUFFIX)
            kept = self._taken_back(note)
            if kept is not None:
                self.kept[name] = (note, kept.name)
                return kept
        return value

    def _put_aside(self, name: str, upload: UploadedFile) -> None:
        if name in self.kept:
            return  # already put aside: taken back, and the form has another error still
        self._sweep()
        file_name = get_valid_filename(posixpath.basename(upload.name)) or "file"
        path = self.storage.save(posixpath.join(KEPT_DIR, uuid.uuid4().hex, file_name), upload)
        upload.seek(0)
        note = signing.dumps({"path": path, "name": file_name, "type": upload.content_type or ""}, salt=SALT)
        self.kept[name] = (note, file_name)

    def _taken_back(self, note: str | None):
        if not note:
            return None
        try:
            kept = signing.loads(note, salt=SALT, max_age=KEPT_FOR)
            with self.storage.open(kept["path"], "rb") as stored:
                content = stored.read()
        except (signing.BadSignature, KeyError, TypeError, OSError):
            return None  # forged, too old or swept: as if nothing was chosen
        return SimpleUploadedFile(kept["name"], content, kept.get("type") or None)

    def _sweep(self) -> None:
        """Remove what was put aside more than a day ago."""
        with contextlib.suppress(OSError, NotImplementedError):
            folders, _files = self.storage.listdir(KEPT_DIR)
            for folder in folders:
                path = posixpath.join(KEPT_DIR, folder)
                _dirs, names = self.storage.listdir(path)
                for file_name in names:
                    full = posixpath.join(path, file_name)
                    if timezone.now() - self.storage.get_modified_time(full) > KEPT_FOR:
                        self.storage.delete(full)

    def render(self, name, value, attrs=None, renderer=None):
        """The form shown again (a bound form is rendered only then): put the file this request carried aside,
        unless the field refused it."""
        html = super().render(name, value, attrs, renderer)
        if _refused(self.build_attrs(self.attrs, attrs)):
            return html
        if name in self.sent:
            self._put_aside(name, self.sent[name])
        note, file_name = self.kept.get(name, ("", ""))
        if not note:
            return html
        said = gettext(
            "Выбранный файл «%(name)s» сохранён: он будет записан вместе с формой. Чтобы заменить его, выберите другой."
        ) % {"name": file_name}
        kept = format_html(
            '<p class="file-upload file-kept"><input type="hidden" name="{}" value="{}">{}</p>',
            name + SUFFIX,
            note,
            said,
        )
        return format_html("{}{}", html, kept)


def _refused(attrs) -> bool:
    """The field has an error (Django marks its input aria-invalid): the file itself was refused, nothing to keep."""
    return (attrs or {}).get("aria-invalid") == "true"
