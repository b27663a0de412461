"""People read time zones by Russian city and country names (CLDR through Babel), never by IANA name."""

import datetime
import re
import zoneinfo

import pytest
from django.urls import reverse

from core import timezones
from core.management.commands.write_zone_names import TARGET, zone_names_script
from tests.factories import LibraryFactory

from .html_forms import form_data

TODAY = datetime.datetime(2026, 12, 1, 12, tzinfo=datetime.UTC)
IANA = re.compile(r"\b[A-Z][a-z]+/[A-Z][A-Za-z_-]+")


def test_the_library_list_names_zones_by_city_and_offset(admin_client):
    LibraryFactory(timezone="Asia/Novokuznetsk")
    LibraryFactory(timezone="Asia/Vladivostok")
    page = admin_client.get("/admin/agreements/library/").content.decode()
    assert "Кемерово, Новокузнецк (UTC+7)" in page
    assert "Владивосток, Хабаровск (UTC+10)" in page
    assert "Asia/Novokuznetsk" not in page


@pytest.mark.parametrize("name", sorted(zoneinfo.available_timezones()))
def test_every_zone_has_a_russian_label(name):
    label = timezones.label_of(name, TODAY)
    assert not re.search("[A-Za-z]{2,}", label.replace("UTC", "")), label


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Europe/Moscow", "Москва, Санкт-Петербург (UTC+3)"),
        ("W-SU", "Москва, Санкт-Петербург (UTC+3)"),
        ("Asia/Calcutta", "Калькутта, Индия (UTC+5:30)"),
        ("US/Eastern", "Нью-Йорк, США (UTC−5)"),
        ("Atlantic/Bermuda", "Бермудские острова (UTC−4)"),
        ("UTC", "Всемирное координированное время (UTC)"),
        ("Etc/GMT+5", "Время UTC−5"),
        ("America/Coyhaique", "Чили (UTC−3)"),
    ],
)
def test_older_names_and_zones_without_a_city_read_as_places(name, label):
    assert timezones.label_of(name, TODAY) == label


def test_the_choice_list_shows_no_iana_name(admin_client):
    page = admin_client.get(reverse("admin:agreements_library_add")).content.decode()
    options = re.findall(r"<option value=\"[^\"]*\"[^>]*>([^<]*)</option>", page)
    assert len(options) > 400
    assert not [text for text in options if IANA.search(text)]
    assert '<optgroup label="Другие часовые пояса">' in page
    assert ">Абиджан, Кот-д’Ивуар (UTC)</option>" in page


def test_a_library_with_an_older_zone_name_keeps_it_on_saving(admin_client):
    library = LibraryFactory(timezone="Asia/Calcutta")
    address = reverse("admin:agreements_library_change", args=[library.pk])
    page = admin_client.get(address)
    assert '<option value="Asia/Calcutta" selected>Калькутта, Индия (UTC+5:30)</option>' in page.content.decode()
    data = form_data(page, "library_form")
    data["_save"] = ["1"]
    assert admin_client.post(address, data).status_code == 302
    library.refresh_from_db()
    assert library.timezone == "Asia/Calcutta"


def test_the_readers_zone_names_are_current():
    """static/js/zone-names.js is what `manage.py write_zone_names` writes today."""
    assert TARGET.read_text(encoding="utf-8") == zone_names_script()


def test_the_readers_zone_names_cover_every_place_and_no_iana_name_is_shown():
    names = timezones.zone_names()
    assert names["Europe/Moscow"] == "Москва, Санкт-Петербург"
    assert names["Asia/Almaty"].startswith("Астана, Алматы")
    assert names["Europe/Berlin"] == "Берлин, Германия"
    assert not [place for place in names.values() if IANA.search(place)]
    script = (TARGET.parent / "local-time.js").read_text(encoding="utf-8")
    assert "coopnetZoneNames" in script
    assert "zone.replace(" not in script
