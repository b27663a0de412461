"""A full disk while staff upload a file: a clear Russian page, nothing half-written, nothing saved."""

import errno
import io
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from events.models import Event
from ops.storage import FileNotSaved, SafeFileSystemStorage
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


class FillsTheDisk(ContentFile):
    """Content whose writing stops half-way: the disk fills up after the first chunk."""

    def chunks(self, chunk_size=None):
        yield b"x" * 1000
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_failed_write_leaves_no_partial_file(tmp_path):
    storage = SafeFileSystemStorage(location=tmp_path)
    with pytest.raises(FileNotSaved):
        storage.save("covers/big.png", FillsTheDisk(b"x" * 10_000))
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_full_disk_during_an_admin_save_answers_507_in_russian_and_saves_nothing(admin_client, settings):
    event = EventFactory(title="Было")
    data = io.BytesIO()
    Image.new("RGB", (2, 2)).save(data, "PNG")
    change = reverse("admin:events_event_change", args=[event.pk])
    form = admin_client.get(change).context["adminform"].form
    post = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    for name in ("starts_at", "ends_at"):
        moment = timezone.localtime(getattr(event, name))
        post.pop(name, None)
        post.update({f"{name}_0": moment.strftime("%d.%m.%Y"), f"{name}_1": moment.strftime("%H:%M")})
    post.update({"title": "Стало", "cover": SimpleUploadedFile("cover.png", data.getvalue(), content_type="image/png")})
    inline_prefixes = [f.formset.prefix for f in admin_client.get(change).context["inline_admin_formsets"]]
    for prefix in inline_prefixes:
        post.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})

    full = OSError(errno.ENOSPC, "No space left on device")
    with mock.patch.object(FileSystemStorage, "_save", side_effect=full):
        response = admin_client.post(change, post)
    assert response.status_code == 507
    assert "Файл не удалось сохранить" in response.content.decode()
    assert Event.objects.get(pk=event.pk).title == "Было"
