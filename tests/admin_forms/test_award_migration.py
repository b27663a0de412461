"""Award levels and nominations arrive: a winner placed below the first becomes a prize-winner, keeping the place;
the nominations typed on the contest and on its entries become the contest's rows, each entry linked to its own."""

import datetime

import pytest

from tests.migrations.helpers import apps_at, migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("contests", "0003_credit")]
AFTER = [("contests", "0004_award_levels_nominations")]


@pytest.fixture
def old_apps():
    with apps_at(BEFORE) as apps:
        yield apps


def make_contest(apps, slug, nominations=""):
    Library = apps.get_model("agreements", "Library")
    Contest = apps.get_model("contests", "Contest")
    host, _ = Library.objects.get_or_create(
        slug="host",
        defaults={
            "name": "Хост",
            "short_name": "Хост",
            "region": "Кузбасс",
            "city": "Кемерово",
            "timezone": "Asia/Novokuznetsk",
            "is_host": True,
        },
    )
    return Contest.objects.create(
        title=slug, slug=slug, organiser=host, nominations=nominations, submissions_until=datetime.date(2020, 4, 1)
    )


def test_results_keep_their_meaning(old_apps):
    Entry = old_apps.get_model("contests", "Entry")
    contest = make_contest(old_apps, "c")
    first = Entry.objects.create(contest=contest, entrant_name="Первая", result="winner", place=1)
    unplaced = Entry.objects.create(contest=contest, entrant_name="Без места", result="winner")
    second = Entry.objects.create(contest=contest, entrant_name="Второй", result="winner", place=2)
    third = Entry.objects.create(contest=contest, entrant_name="Третья", result="winner", place=3)
    laureate = Entry.objects.create(contest=contest, entrant_name="Лауреат", result="laureate")
    finalist = Entry.objects.create(contest=contest, entrant_name="Финалист", result="finalist")
    participant = Entry.objects.create(contest=contest, entrant_name="Участник", result="participant")

    Entry = migrate(AFTER).get_model("contests", "Entry")
    stored = dict(Entry.objects.values_list("pk", "result"))
    assert stored[first.pk] == stored[unplaced.pk] == "winner"
    assert stored[second.pk] == stored[third.pk] == "prize_winner"
    assert Entry.objects.get(pk=third.pk).place == 3
    assert (stored[laureate.pk], stored[finalist.pk], stored[participant.pk]) == ("laureate", "finalist", "participant")


def test_nominations_become_rows_of_their_contest(old_apps):
    Entry = old_apps.get_model("contests", "Entry")
    drawing = make_contest(old_apps, "drawing", nominations="Рисунок\n\nКомикс\n")
    essay = make_contest(old_apps, "essay")
    comic = Entry.objects.create(contest=drawing, entrant_name="А", nomination="Комикс")
    typed_lower = Entry.objects.create(contest=drawing, entrant_name="Б", nomination=" рисунок ")
    poster = Entry.objects.create(contest=drawing, entrant_name="В", nomination="Плакат")
    none = Entry.objects.create(contest=drawing, entrant_name="Г", nomination="")
    essay_entry = Entry.objects.create(contest=essay, entrant_name="Д", nomination="Эссе")

    new_apps = migrate(AFTER)
    Entry = new_apps.get_model("contests", "Entry")
    Nomination = new_apps.get_model("contests", "Nomination")
    listed = Nomination.objects.filter(contest_id=drawing.pk).order_by("position")
    # The contest's own order first, then what only its entries named.
    assert [n.name for n in listed] == ["Рисунок", "Комикс", "Плакат"]
    assert list(Nomination.objects.filter(contest_id=essay.pk).values_list("name", flat=True)) == ["Эссе"]

    def nomination_of(entry):
        nomination = Entry.objects.get(pk=entry.pk).nomination
        return nomination and (nomination.contest_id, nomination.name)

    assert nomination_of(comic) == (drawing.pk, "Комикс")
    assert nomination_of(typed_lower) == (drawing.pk, "Рисунок")  # the same nomination, whatever the case
    assert nomination_of(poster) == (drawing.pk, "Плакат")
    assert nomination_of(none) is None
    assert nomination_of(essay_entry) == (essay.pk, "Эссе")


def test_going_back_restores_the_text_and_the_old_results(old_apps):
    contest = make_contest(old_apps, "c", nominations="Рисунок")
    Entry = old_apps.get_model("contests", "Entry")
    second = Entry.objects.create(
        contest=contest, entrant_name="Второй", result="winner", place=2, nomination="Рисунок"
    )

    Entry = migrate(AFTER).get_model("contests", "Entry")
    Entry.objects.filter(pk=second.pk).update(result="prize_winner")
    Entry = migrate(BEFORE).get_model("contests", "Entry")
    Contest = migrate(BEFORE).get_model("contests", "Contest")
    back = Entry.objects.get(pk=second.pk)
    assert (back.result, back.place, back.nomination) == ("winner", 2, "Рисунок")
    assert Contest.objects.get(pk=contest.pk).nominations == "Рисунок"
