"""The single `agreement` link of each activity becomes the derived credit; a link the rule would not give is
kept as a staff override, so no activity loses the agreement it was entered under."""

import datetime

import pytest

from tests.migrations.helpers import apps_at, migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("events", "0004_status_attendance_results")]
AFTER = [("events", "0005_credit")]


@pytest.fixture
def old_apps():
    with apps_at(BEFORE) as apps:
        yield apps


def test_links_the_rule_gives_need_nothing_and_the_others_become_overrides(old_apps):
    Library = old_apps.get_model("agreements", "Library")
    Agreement = old_apps.get_model("agreements", "Agreement")
    Event = old_apps.get_model("events", "Event")
    Participation = old_apps.get_model("events", "Participation")

    def library(slug, **fields):
        return Library.objects.create(
            name=slug, short_name=slug, region="—", city="—", timezone="Asia/Novokuznetsk", slug=slug, **fields
        )

    host, taking_part, elsewhere = library("host", is_host=True), library("omsk"), library("tomsk")
    signed = datetime.date(2019, 1, 10)
    ours = Agreement.objects.create(host=host, partner=taking_part, signed_on=signed, valid_from=signed)
    theirs = Agreement.objects.create(host=host, partner=elsewhere, signed_on=signed, valid_from=signed)
    start = datetime.datetime(2020, 3, 10, 7, 0, tzinfo=datetime.UTC)
    end = start + datetime.timedelta(hours=1)
    common = {"kind": "telebridge", "format": "online", "organiser": host, "starts_at": start, "ends_at": end}
    derived = Event.objects.create(title="A", slug="a", agreement=ours, **common)
    Participation.objects.create(event=derived, library=taking_part)
    by_hand = Event.objects.create(title="B", slug="b", agreement=theirs, **common)
    Participation.objects.create(event=by_hand, library=taking_part)

    new_apps = migrate(AFTER)
    Event = new_apps.get_model("events", "Event")
    assert list(Event.objects.get(pk=derived.pk).agreements_added.values_list("pk", flat=True)) == []
    assert list(Event.objects.get(pk=by_hand.pk).agreements_added.values_list("pk", flat=True)) == [theirs.pk]
