"""events 0008: the stored participation rows are made to agree with each event's organiser."""

import datetime

import pytest

from tests.migrations.helpers import apps_at, migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("events", "0007_project_with_episodes_is_protected")]
AFTER = [("events", "0008_organiser_takes_part")]


@pytest.fixture
def old_apps():
    with apps_at(BEFORE) as apps:
        yield apps


def test_every_event_gets_its_organisers_row_and_only_the_organiser_keeps_the_role(old_apps):
    Library = old_apps.get_model("agreements", "Library")
    Event = old_apps.get_model("events", "Event")
    Participation = old_apps.get_model("events", "Participation")

    def library(slug):
        return Library.objects.create(
            name=slug, short_name=slug, region="—", city="—", timezone="Asia/Novokuznetsk", slug=slug
        )

    tomsk, omsk, perm = library("tomsk"), library("omsk"), library("perm")
    start = datetime.datetime(2020, 3, 10, 7, 0, tzinfo=datetime.UTC)
    common = {"kind": "webinar", "format": "online", "starts_at": start, "ends_at": start, "status": "held"}
    missing = Event.objects.create(title="A", slug="a", organiser=tomsk, **common)
    Participation.objects.create(event=missing, library=omsk, role="site", participants_count=10)
    as_site = Event.objects.create(title="B", slug="b", organiser=tomsk, **common)
    Participation.objects.create(event=as_site, library=tomsk, role="site", participants_count=20)
    two = Event.objects.create(title="C", slug="c", organiser=tomsk, **common)
    Participation.objects.create(event=two, library=tomsk, role="organiser", participants_count=5)
    Participation.objects.create(event=two, library=perm, role="organiser", participants_count=6)
    agreeing = Event.objects.create(title="D", slug="d", organiser=omsk, **common)
    Participation.objects.create(event=agreeing, library=omsk, role="organiser")

    new_apps = migrate(AFTER)
    Participation = new_apps.get_model("events", "Participation")

    def rows(event):
        return {
            (p.library.slug, p.role, p.participants_count)
            for p in Participation.objects.filter(event_id=event.pk).select_related("library")
        }

    assert rows(missing) == {("tomsk", "organiser", None), ("omsk", "site", 10)}
    assert rows(as_site) == {("tomsk", "organiser", 20)}
    assert rows(two) == {("tomsk", "organiser", 5), ("perm", "co_organiser", 6)}
    assert rows(agreeing) == {("omsk", "organiser", None)}
