"""Existing rows get a status when statuses arrive: past → held, future → planned; the 6-НК place follows the
format where it was only the old default."""

import datetime

import pytest
from django.utils import timezone

from tests.migrations.helpers import apps_at, migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [
    ("events", "0003_cover_upload_by_app"),
    ("exhibitions", "0002_cover_upload_by_app"),
    ("contests", "0001_initial"),
]
AFTER = [
    ("events", "0004_status_attendance_results"),
    ("exhibitions", "0003_status_results"),
    ("contests", "0002_status"),
]


@pytest.fixture
def old_apps():
    with apps_at(BEFORE) as apps:
        yield apps


def test_statuses_and_venues_of_existing_rows(old_apps):
    Library = old_apps.get_model("agreements", "Library")
    Event = old_apps.get_model("events", "Event")
    Exhibition = old_apps.get_model("exhibitions", "Exhibition")
    ExhibitionStop = old_apps.get_model("exhibitions", "ExhibitionStop")
    Contest = old_apps.get_model("contests", "Contest")
    host = Library.objects.create(
        name="Хост",
        short_name="Хост",
        region="Кузбасс",
        city="Кемерово",
        timezone="Asia/Novokuznetsk",
        slug="host",
        is_host=True,
    )
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    past = Event.objects.create(
        title="Было",
        slug="past",
        kind="webinar",
        format="online",
        organiser=host,
        starts_at=now - 3 * hour,
        ends_at=now - 2 * hour,
        venue="in_library",
    )
    future = Event.objects.create(
        title="Будет",
        slug="future",
        kind="seminar",
        format="offline",
        organiser=host,
        starts_at=now + 2 * hour,
        ends_at=now + 3 * hour,
        venue="off_site",
    )
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    exhibition = Exhibition.objects.create(title="Выставка", slug="ex", provider=host)
    closed = ExhibitionStop.objects.create(
        exhibition=exhibition, venue=host, starts_on=today - 9 * day, ends_on=today - 5 * day
    )
    coming = ExhibitionStop.objects.create(
        exhibition=exhibition, venue=host, starts_on=today + day, ends_on=today + 5 * day
    )
    contest = Contest.objects.create(
        title="Конкурс", slug="c", organiser=host, submissions_until=today - 30 * day, results_on=today - day
    )

    new_apps = migrate(AFTER)
    Event = new_apps.get_model("events", "Event")
    ExhibitionStop = new_apps.get_model("exhibitions", "ExhibitionStop")
    Exhibition = new_apps.get_model("exhibitions", "Exhibition")
    Contest = new_apps.get_model("contests", "Contest")
    assert Event.objects.get(pk=past.pk).status == "held"
    assert Event.objects.get(pk=past.pk).venue == ""  # online: remote, by its format
    assert Event.objects.get(pk=future.pk).status == "planned"
    assert Event.objects.get(pk=future.pk).venue == "off_site"  # chosen by staff, kept
    assert ExhibitionStop.objects.get(pk=closed.pk).status == "held"
    assert ExhibitionStop.objects.get(pk=coming.pk).status == "planned"
    assert Exhibition.objects.get(pk=exhibition.pk).status == "planned"  # one stop still to come
    assert Contest.objects.get(pk=contest.pk).status == "held"
