"""Covers: checked as images, bounded in size, stored under random names, served only while their record is public."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from events.models import Event
from tests.factories import EventFactory, ExhibitionFactory

pytestmark = pytest.mark.django_db


def png(name="Афиша черновика.png", size=(4, 3)):
    data = io.BytesIO()
    Image.new("RGB", size, "red").save(data, "PNG")
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/png")


def test_a_cover_is_stored_under_a_random_name_not_the_uploaded_one():
    event = EventFactory(cover=png())
    assert re.fullmatch(r"events/covers/\d{4}/[0-9a-f]{32}\.png", event.cover.name)
    assert "Афиша" not in event.cover.url


def test_a_cover_over_5_mb_is_refused_with_a_russian_message():
    event = EventFactory()
    event.cover = SimpleUploadedFile("big.png", b"\0" * (5 * 1024 * 1024 + 1), content_type="image/png")
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["cover"] == ["Файл обложки слишком большой: 5,0 МБ. Можно не больше 5 МБ."]


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name():
    field = Event._meta.get_field("cover").formfield()
    fake = SimpleUploadedFile("cover.jpg", b"<html>not an image</html>", content_type="image/jpeg")
    with pytest.raises(ValidationError):
        field.clean(fake)
    script = SimpleUploadedFile("cover.svg", b"<svg onload='alert(1)'/>", content_type="image/svg+xml")
    with pytest.raises(ValidationError):
        field.clean(script)


def test_a_published_records_cover_is_served_and_kept_long_by_browsers(client):
    event = EventFactory(cover=png())
    response = client.get(event.cover.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"]
    exhibition = ExhibitionFactory(cover=png("выставка.png"))
    assert client.get(exhibition.cover.url).status_code == 200


def test_a_drafts_cover_is_404_for_readers_and_shown_to_staff(client, admin_client):
    draft = EventFactory(cover=png(), is_published=False)
    assert client.get(draft.cover.url).status_code == 404
    response = admin_client.get(draft.cover.url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_replaced_cover_is_served_to_no_one(client, admin_client):
    event = EventFactory(cover=png())
    old = event.cover.url
    event.cover = png("новая.png")
    event.save()
    assert client.get(event.cover.url).status_code == 200
    assert client.get(old).status_code == 404
    assert admin_client.get(old).status_code == 404


def test_paths_outside_the_covers_are_404(client):
    for path in ("/media/../coopnet/settings.py", "/media/events/covers/2026/missing.png", "/media/"):
        assert client.get(path).status_code == 404, path


def huge_png(size=(12_000, 12_000)) -> SimpleUploadedFile:
    """A PNG of one colour: a few kilobytes on disk, `size` once decoded."""
    data = io.BytesIO()
    Image.new("1", size, 0).save(data, "PNG", optimize=True)
    return SimpleUploadedFile("огромная.png", data.getvalue(), content_type="image/png")


def test_a_cover_over_40_megapixels_is_refused_with_the_limit_in_the_message():
    upload = huge_png()
    assert upload.size < 100 * 1024  # small on disk: only the pixel count gives it away
    event = EventFactory()
    event.cover = upload
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["cover"] == [
        "Изображение слишком большое: 12000 × 12000 пикс. (144 Мп). Можно не больше 40 Мп: уменьшите его."
    ]


def test_the_admin_refuses_a_cover_over_40_megapixels(admin_client):
    event = EventFactory()
    url = reverse("admin:events_event_change", args=[event.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    response = admin_client.post(url, {**data, "cover": huge_png((8000, 5001))})
    assert response.status_code == 200
    assert "Можно не больше 40 Мп" in response.content.decode()
    event.refresh_from_db()
    assert not event.cover


def test_a_cover_of_40_megapixels_is_accepted():
    event = EventFactory()
    event.cover = huge_png((8000, 5000))
    event.full_clean()
