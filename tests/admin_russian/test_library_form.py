"""The library form: time zones by city and offset, coordinates from the gazetteer when left empty."""

import datetime
from decimal import Decimal
from importlib import resources

import pytest
from django.urls import reverse

from agreements.models import Library
from core import gazetteer, timezones
from demo.libraries import HOST_LIBRARY, PARTNERS
from tests import factories

from .html_forms import form_data

UTC = datetime.UTC
TODAY = datetime.datetime(2026, 12, 1, 12, tzinfo=UTC)


def tz_table_rows() -> dict[str, set[str]]:
    """Zone name → its country codes, from the tz database's zone1970.tab and zone.tab."""
    rows: dict[str, set[str]] = {}
    for table in ["zone1970.tab", "zone.tab"]:
        text = resources.files("tzdata.zoneinfo").joinpath(table).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            codes, _coordinates, name, *_comment = line.split("\t")
            rows.setdefault(name, set()).update(codes.split(","))
    return rows


def choices_by_zone(choices) -> dict[str, tuple[str, str]]:
    """Zone name → (group title, label)."""
    found = {}
    for title, options in choices[1:]:
        for name, label in options:
            assert name not in found, f"{name} offered twice"
            found[name] = (str(title), label)
    return found


def test_each_listed_zone_is_a_zone_of_its_country_in_the_tz_database():
    rows = tz_table_rows()
    for zone in timezones.LISTED.values():
        assert zone.country in rows.get(zone.name, set()), zone


def test_each_listed_zone_was_read_from_the_comment_the_tz_database_gives_it():
    comments = {}
    text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.startswith("#") and line.strip():
            _code, _coordinates, name, *comment = line.split("\t")
            comments[name] = comment[0] if comment else ""
    for zone in timezones.LISTED.values():
        assert comments[zone.name] == zone.tab, zone


def test_every_zone_of_the_tz_table_is_offered_once():
    offered = choices_by_zone(timezones.timezone_choices(TODAY))
    assert set(tz_table_rows()) | {"UTC"} <= set(offered)
    assert offered["America/New_York"] == ("Другие часовые пояса", "Нью-Йорк, США (UTC−5)")
    assert offered["Africa/Abidjan"] == ("Другие часовые пояса", "Абиджан, Кот-д’Ивуар (UTC)")


def test_every_zone_of_russia_and_kazakhstan_is_in_its_countrys_group():
    offered = choices_by_zone(timezones.timezone_choices(TODAY))
    for name, countries in tz_table_rows().items():
        if countries & {"RU", "KZ"} and name != "Europe/Simferopol":
            assert offered[name][0] in {"Россия", "Казахстан"}, name


def test_older_names_of_a_zone_are_offered_only_to_a_library_that_has_one():
    assert "Asia/Calcutta" not in choices_by_zone(timezones.timezone_choices(TODAY))
    kept = choices_by_zone(timezones.timezone_choices(TODAY, keep=("Asia/Calcutta",)))
    assert kept["Asia/Calcutta"] == ("Другие часовые пояса", "Калькутта, Индия (UTC+5:30)")


def test_labels_name_the_cities_and_the_offset_of_the_day():
    offered = choices_by_zone(timezones.timezone_choices(TODAY))
    assert offered["Asia/Novokuznetsk"] == ("Россия", "Кемерово, Новокузнецк (UTC+7)")
    assert offered["Asia/Vladivostok"] == ("Россия", "Владивосток, Хабаровск (UTC+10)")
    assert offered["Europe/Kaliningrad"] == ("Россия", "Калининград (UTC+2)")
    assert offered["Asia/Almaty"][1].endswith("(UTC+5)")
    assert offered["Asia/Kolkata"][1] == "Калькутта, Индия (UTC+5:30)"
    assert offered["Europe/Minsk"] == ("Соседние страны", "Минск, Беларусь (UTC+3)")


def test_kazakhstan_offsets_come_from_the_tz_database_before_and_after_its_2024_change():
    before = choices_by_zone(timezones.timezone_choices(datetime.datetime(2024, 1, 15, tzinfo=UTC)))
    after = choices_by_zone(timezones.timezone_choices(TODAY))
    assert before["Asia/Almaty"][1].endswith("(UTC+6)")
    assert after["Asia/Almaty"][1].endswith("(UTC+5)")


@pytest.mark.parametrize("library", [HOST_LIBRARY, *PARTNERS], ids=lambda library: library["slug"])
def test_each_demo_librarys_city_is_named_in_its_zones_label(library):
    assert library["city"] in str(timezones.LISTED[library["timezone"]].cities)


@pytest.mark.parametrize("library", [HOST_LIBRARY, *PARTNERS], ids=lambda library: library["slug"])
def test_the_gazetteer_knows_each_demo_librarys_city(library):
    place = gazetteer.find(library["city"], library["country"])
    assert place is not None
    assert abs(place.latitude - Decimal(library["latitude"])) < Decimal("0.01")
    assert abs(place.longitude - Decimal(library["longitude"])) < Decimal("0.01")


def test_gazetteer_reads_a_city_the_way_staff_type_it():
    assert gazetteer.find("г. Орел").city == "Орёл"
    assert gazetteer.find("  усть-каменогорск ").country == "KZ"
    assert gazetteer.find("Петропавловск", "KZ").region == "Северо-Казахстанская область"
    assert gazetteer.find("Петропавловск", "RU") is None
    assert gazetteer.find("Атлантида") is None


def test_gazetteer_places_lie_in_russia_and_kazakhstan():
    for rows in gazetteer.places().values():
        for place in rows:
            assert place.country in {"RU", "KZ"}
            assert Decimal(40) < place.latitude < Decimal(70), place
            assert Decimal(19) < place.longitude < Decimal(180), place


@pytest.fixture
def staff(client, methodologist):
    client.force_login(methodologist)
    return client


def test_time_zone_select_offers_kemerovo_with_its_offset(staff):
    page = staff.get(reverse("admin:agreements_library_add")).content.decode()
    assert '<optgroup label="Россия">' in page
    assert '<option value="Asia/Novokuznetsk">Кемерово, Новокузнецк (UTC+7)</option>' in page
    assert '<optgroup label="Другие часовые пояса">' in page


def test_form_says_empty_coordinates_are_filled_from_the_city(staff):
    page = staff.get(reverse("admin:agreements_library_add")).content.decode()
    assert "примерными координатами центра" in page
    assert 'id="coopnet-gazetteer"' in page
    assert "admin_extra/city_coordinates.js" in page
    assert 'id="coopnet-coordinates-map"' in page
    assert "Выберите город с тем же временем" in page


def add_library(client, **values):
    address = reverse("admin:agreements_library_add")
    data = form_data(client.get(address), "library_form")
    fields = {
        "name": "Краевая детская библиотека",
        "short_name": "КДБ Хабаровск",
        "slug": "kdb-khabarovsk",
        "country": "RU",
        "region": "Хабаровский край",
        "city": "Хабаровск",
        "timezone": "Asia/Vladivostok",
        "latitude": "",
        "longitude": "",
        **values,
    }
    data.update({name: [value] for name, value in fields.items()})
    data["_save"] = ["1"]
    return client.post(address, data)


def test_library_saved_without_coordinates_gets_its_citys(staff):
    response = add_library(staff)
    assert response.status_code == 302, response.content.decode()[:3000]
    library = Library.objects.get(slug="kdb-khabarovsk")
    assert (library.latitude, library.longitude) == (Decimal("48.48020"), Decimal("135.07190"))
    assert library.timezone == "Asia/Vladivostok"


def test_coordinates_staff_typed_are_kept(staff):
    response = add_library(staff, latitude="48.47", longitude="135.06")
    assert response.status_code == 302
    library = Library.objects.get(slug="kdb-khabarovsk")
    assert (library.latitude, library.longitude) == (Decimal("48.47"), Decimal("135.06"))


def test_unknown_city_leaves_the_coordinates_empty(staff):
    response = add_library(staff, city="Бикин")
    assert response.status_code == 302
    library = Library.objects.get(slug="kdb-khabarovsk")
    assert library.latitude is None and library.longitude is None


def test_a_half_entered_pair_is_not_completed_from_the_city(staff):
    """Typed and looked-up halves would make a point that is neither; staff finish what they began."""
    response = add_library(staff, latitude="48.47")
    assert response.status_code == 302
    library = Library.objects.get(slug="kdb-khabarovsk")
    assert (library.latitude, library.longitude) == (Decimal("48.47"), None)


def test_editing_a_library_keeps_its_coordinates(staff):
    library = factories.LibraryFactory(city="Хабаровск", latitude="48.5", longitude="135.1")
    address = reverse("admin:agreements_library_change", args=[library.pk])
    data = form_data(staff.get(address), "library_form")
    data["_save"] = ["1"]
    assert staff.post(address, data).status_code == 302
    library.refresh_from_db()
    assert (library.latitude, library.longitude) == (Decimal("48.5"), Decimal("135.1"))
