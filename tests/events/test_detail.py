import datetime
import json
import re

import pytest
from django.urls import reverse

from tests.factories import (
    KEMEROVO,
    AgreementFactory,
    EventFactory,
    LibraryFactory,
    ParticipationFactory,
    PersonFactory,
    TelebridgeFactory,
)

pytestmark = pytest.mark.django_db


def page(client, event):
    response = client.get(reverse("events:detail", args=[event.slug]))
    assert response.status_code == 200
    return response


def text_of(html, css_class):
    """The visible text of the first element with that class, tags stripped, spaces collapsed."""
    match = re.search(rf'<(\w+) class="{css_class}"[^>]*>(.*?)</\1>', html, re.S)
    assert match, css_class
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(2)).split())


@pytest.fixture
def telebridge(kemerovo, moscow, ust_kamenogorsk, khabarovsk):
    event = TelebridgeFactory(
        title="Читаем вместе",
        organiser=kemerovo,
        starts_at=datetime.datetime(2030, 3, 10, 14, 0, tzinfo=KEMEROVO),
    )
    for library in (khabarovsk, moscow, ust_kamenogorsk):
        ParticipationFactory(event=event, library=library)
    return event


def test_local_time_in_every_site_organiser_first(client, telebridge):
    html = page(client, telebridge).content.decode()

    assert text_of(html, "site-times") == "Кемерово 14:00 · Москва 10:00 · Усть-Каменогорск 12:00 · Хабаровск 17:00"


def test_sites_in_the_same_zone_are_shown_once(client, telebridge, moscow):
    ParticipationFactory(
        event=telebridge, library=LibraryFactory(city="Москва", timezone="Europe/Moscow", short_name="Вторая")
    )
    ParticipationFactory(
        event=telebridge, library=LibraryFactory(city="Подольск", timezone="Europe/Moscow", short_name="Третья")
    )

    line = text_of(page(client, telebridge).content.decode(), "site-times")

    assert line.count("10:00") == 1
    assert "Москва, Подольск 10:00" in line


def test_local_date_is_shown_when_it_differs_from_kemerovo(client, kemerovo, moscow, khabarovsk):
    event = TelebridgeFactory(organiser=kemerovo, starts_at=datetime.datetime(2030, 3, 10, 23, 0, tzinfo=KEMEROVO))
    ParticipationFactory(event=event, library=moscow)
    ParticipationFactory(event=event, library=khabarovsk)

    line = text_of(page(client, event).content.decode(), "site-times")

    assert line == "Кемерово 23:00 · Москва 19:00 · Хабаровск 02:00 (11 марта)"


def test_reader_time_placeholder_carries_the_iso_start_for_the_script(client, telebridge):
    html = page(client, telebridge).content.decode()

    assert 'data-local-time="2030-03-10T14:00:00+07:00"' in html
    assert "js/local-time.js" in html


def test_shows_kemerovo_date_in_russian(client, telebridge):
    assert "10 марта 2030, 14:00" in page(client, telebridge).content.decode()


def test_russian_date_even_when_the_browser_asks_for_english(client, telebridge):
    response = client.get(reverse("events:detail", args=[telebridge.slug]), HTTP_ACCEPT_LANGUAGE="en-US,en")

    assert "10 марта 2030, 14:00" in response.content.decode()


def test_organiser_and_participants_link_to_partner_pages_but_not_the_host(client, telebridge, moscow):
    html = page(client, telebridge).content.decode()

    assert moscow.name in html
    moscow_url = reverse("agreements:partner_detail", args=[moscow.slug])
    assert f'href="{moscow_url}"' in html
    host_url = reverse("agreements:partner_detail", args=[telebridge.organiser.slug])
    assert f'href="{host_url}"' not in html


def test_guests_format_age_rating_and_links(client):
    event = EventFactory(
        format="hybrid",
        age_rating="12+",
        online_url="https://example.org/live",
        recording_url="https://example.org/rec",
        description="Разговор о книгах.",
    )
    event.guests.add(PersonFactory(full_name="Анна Писательница", occupation="поэт"))

    html = page(client, event).content.decode()

    assert "Анна Писательница" in html
    assert "поэт" in html
    assert "смешанный" in html
    assert "Возрастная маркировка: 12+" in html
    assert 'href="https://example.org/live"' in html
    assert 'href="https://example.org/rec"' in html
    assert "Разговор о книгах." in html


def test_public_agreement_is_shown(client):
    agreement = AgreementFactory(is_public=True)
    event = EventFactory(agreement=agreement)

    response = page(client, event)

    assert response.context["agreements"] == [agreement]
    assert "В рамках соглашения" in response.content.decode()


def test_every_agreement_a_telebridge_serves_is_named(client, host):
    first, second = LibraryFactory(), LibraryFactory()
    one, two = AgreementFactory(partner=first), AgreementFactory(partner=second)
    event = TelebridgeFactory(organiser=host)
    ParticipationFactory(event=event, library=first)
    ParticipationFactory(event=event, library=second)

    response = page(client, event)

    assert set(response.context["agreements"]) == {one, two}
    assert "В рамках соглашений" in response.content.decode()


@pytest.mark.parametrize("fields", [{"is_public": False}, {"status": "draft"}])
def test_hidden_or_draft_agreement_is_not_shown(client, fields):
    agreement = AgreementFactory(number="СЕКРЕТ-1", **fields)
    event = EventFactory(agreement=agreement)

    response = page(client, event)

    assert response.context["agreements"] == []
    assert "В рамках соглашения" not in response.content.decode()


def test_draft_event_is_404(client):
    event = EventFactory(is_published=False)

    assert client.get(reverse("events:detail", args=[event.slug])).status_code == 404


def test_unknown_slug_is_404(client, db):
    assert client.get(reverse("events:detail", args=["no-such-event"])).status_code == 404


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


@pytest.mark.parametrize(
    ("event_format", "mode"),
    [
        ("online", "https://schema.org/OnlineEventAttendanceMode"),
        ("offline", "https://schema.org/OfflineEventAttendanceMode"),
        ("hybrid", "https://schema.org/MixedEventAttendanceMode"),
    ],
)
def test_json_ld_attendance_mode(client, event_format, mode):
    event = EventFactory(format=event_format, online_url="https://example.org/live", location="ул. Весенняя, 15")

    data = json_ld(page(client, event).content.decode())

    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"] == mode
    assert data["startDate"] == "2030-03-10T14:00:00+07:00"
    assert data["organizer"]["name"] == event.organiser.name


def test_json_ld_location_is_virtual_online_and_a_place_offline(client):
    online = EventFactory(format="online", online_url="https://example.org/live")
    offline = EventFactory(format="offline", location="ул. Весенняя, 15")
    hybrid = EventFactory(format="hybrid", location="ул. Весенняя, 15", online_url="https://example.org/live")

    assert json_ld(page(client, online).content.decode())["location"] == {
        "@type": "VirtualLocation",
        "url": "https://example.org/live",
    }
    place = json_ld(page(client, offline).content.decode())["location"]
    assert place["@type"] == "Place"
    assert place["address"]["streetAddress"] == "ул. Весенняя, 15"
    assert {item["@type"] for item in json_ld(page(client, hybrid).content.decode())["location"]} == {
        "Place",
        "VirtualLocation",
    }


def test_json_ld_cannot_be_broken_out_of_by_a_title(client):
    event = EventFactory(title="</script><script>alert(1)</script>")

    html = page(client, event).content.decode()

    assert "<script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>"


def test_open_graph_tags(client, telebridge):
    html = page(client, telebridge).content.decode()

    assert '<meta property="og:title" content="Читаем вместе">' in html
    assert f'<meta property="og:url" content="http://testserver/events/{telebridge.slug}/">' in html


def test_calendar_links(client, telebridge):
    html = page(client, telebridge).content.decode()

    assert reverse("events:ics", args=[telebridge.slug]) in html
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html
    assert "dates=20300310T070000Z%2F20300310T090000Z" in html
    assert "https://calendar.yandex.ru/event?" in html
    assert "Добавить в Google Календарь" in html
    assert "Добавить в Яндекс Календарь" in html
