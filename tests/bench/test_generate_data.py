"""The benchmark data generator: requested counts, valid rows, reproducible, and --clear leaves people's data alone."""

import datetime
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db.models import Count

from agreements.models import Agreement, Library
from contests.models import Contest, Curator, Entry
from core.vocabulary import AgeRating, Scope
from events.models import Episode, Event, Participation, Person, Project
from exhibitions.models import Exhibition, ExhibitionStop
from tests.factories import AgreementFactory, EventFactory, LibraryFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

END_YEAR = 2025


def generate(*args: str) -> str:
    out = io.StringIO()
    call_command("generate_data", *args, stdout=out)
    return out.getvalue()


def small(seed: int = 7, partners: int = 5, events: int = 200, *extra: str) -> str:
    return generate(
        "--partners", str(partners), "--events", str(events), "--seed", str(seed), "--end-year", str(END_YEAR), *extra
    )


def fingerprint() -> dict:
    """Everything generated, by natural keys (no primary keys, no timestamps)."""
    return {
        "libraries": list(
            Library.objects.filter(slug__startswith="gen-")
            .order_by("slug")
            .values_list("slug", "name", "short_name", "country", "region", "city", "timezone", "latitude", "longitude")
        ),
        "agreements": list(
            Agreement.objects.filter(number__startswith="gen-")
            .order_by("number")
            .values_list(
                "number",
                "partner__slug",
                "signed_on",
                "valid_from",
                "valid_until",
                "status",
                "terminated_on",
                "auto_prolongation",
            )
        ),
        "events": list(
            Event.objects.filter(slug__startswith="gen-")
            .order_by("slug")
            .values_list(
                "slug",
                "title",
                "kind",
                "format",
                "scope",
                "organiser__slug",
                "starts_at",
                "ends_at",
                "audience",
                "age_rating",
                "target_group",
                "venue",
                "participants_count",
                "is_published",
            )
        ),
        "participations": list(
            Participation.objects.filter(event__slug__startswith="gen-")
            .order_by("event__slug", "library__slug")
            .values_list("event__slug", "library__slug", "role", "participants_count")
        ),
        "stops": list(
            ExhibitionStop.objects.order_by("exhibition__slug", "starts_on").values_list(
                "exhibition__slug", "venue__slug", "starts_on", "ends_on", "visitors"
            )
        ),
        "entries": list(
            Entry.objects.order_by("contest__slug", "entrant_name", "work_title").values_list(
                "contest__slug", "entrant_name", "age", "result", "place", "public_consent"
            )
        ),
        "episodes": list(
            Episode.objects.order_by("project__slug", "number").values_list(
                "project__slug", "number", "library__slug", "published_on"
            )
        ),
    }


def test_small_run_creates_the_requested_numbers_of_partners_and_events(host):
    small(partners=5, events=200)

    assert Library.objects.filter(slug__startswith="gen-", is_host=False).count() == 5
    assert Event.objects.filter(slug__startswith="gen-").count() == 200


def test_every_event_has_one_to_four_participating_libraries(host):
    small()

    per_event = Event.objects.annotate(n=Count("participations")).values_list("n", flat=True)
    assert set(per_event) <= {1, 2, 3, 4}
    assert len(set(per_event)) > 1


def test_activities_of_every_other_kind_are_generated(host):
    small()

    assert Agreement.objects.filter(number__startswith="gen-").count() >= 5
    assert Exhibition.objects.filter(slug__startswith="gen-").exists()
    assert ExhibitionStop.objects.filter(exhibition__slug__startswith="gen-").exists()
    assert Contest.objects.filter(slug__startswith="gen-").exists()
    assert Curator.objects.filter(contest__slug__startswith="gen-").exists()
    assert Entry.objects.filter(contest__slug__startswith="gen-").exists()
    assert Project.objects.filter(slug__startswith="gen-").exists()
    assert Episode.objects.filter(project__slug__startswith="gen-").exists()
    assert Person.objects.filter(slug__startswith="gen-", events__isnull=False).exists()


def test_events_cover_every_choice_of_every_field(host):
    small()

    events = Event.objects.filter(slug__startswith="gen-")
    for field, choices in [
        ("kind", Event.Kind.values),
        ("format", Event.Format.values),
        ("scope", Scope.values),
        ("audience", Event.Audience.values),
        ("age_rating", AgeRating.values),
        ("target_group", Event.TargetGroup.values),
        ("venue", Event.Venue.values),
    ]:
        assert set(events.values_list(field, flat=True)) == set(choices), field


def test_events_spread_over_ten_years_ending_with_the_requested_one(host):
    small()

    years = {starts.year for starts in Event.objects.values_list("starts_at", flat=True)}
    # Starts are stored in UTC: a New Year's Eve evening may land in the neighbouring year.
    assert set(range(END_YEAR - 9, END_YEAR + 1)) <= years <= set(range(END_YEAR - 10, END_YEAR + 2))


def test_about_five_percent_of_events_are_drafts(host):
    small(events=1000)

    drafts = Event.objects.filter(is_published=False).count()
    assert 20 <= drafts <= 90


def test_online_events_are_more_common_after_2020(host):
    small(events=1000)

    def online_share(years):
        events = Event.objects.filter(starts_at__year__in=years)
        return events.filter(format=Event.Format.ONLINE).count() / events.count()

    assert online_share(range(END_YEAR - 4, END_YEAR + 1)) > online_share(range(END_YEAR - 9, 2020)) + 0.2


def test_agreements_mix_in_force_open_ended_prolonging_terminated_and_expired(host):
    small(partners=60, events=20)

    agreements = Agreement.objects.filter(number__startswith="gen-")
    assert agreements.filter(status=Agreement.Status.IN_FORCE, valid_until__isnull=True).exists()
    assert agreements.filter(auto_prolongation=True).exists()
    assert agreements.filter(status=Agreement.Status.TERMINATED, terminated_on__isnull=False).exists()
    expired = agreements.filter(
        status=Agreement.Status.IN_FORCE, auto_prolongation=False, valid_until__lt=datetime.date(END_YEAR, 1, 1)
    )
    assert expired.exists()
    assert agreements.filter(status=Agreement.Status.IN_FORCE).count() > agreements.count() / 2
    assert len({signed.year for signed in agreements.values_list("signed_on", flat=True)}) >= 5


def test_partners_come_from_russia_and_kazakhstan(host):
    small(partners=40, events=10)

    assert set(Library.objects.filter(slug__startswith="gen-").values_list("country", flat=True)) == {"RU", "KZ"}


def test_a_sample_of_every_model_passes_full_clean(host):
    small(partners=10, events=300)

    samples = [
        Library.objects.filter(slug__startswith="gen-"),
        Agreement.objects.filter(number__startswith="gen-"),
        Event.objects.filter(slug__startswith="gen-")[:60],
        Participation.objects.filter(event__slug__startswith="gen-")[:60],
        Exhibition.objects.filter(slug__startswith="gen-"),
        ExhibitionStop.objects.all(),
        Contest.objects.all(),
        Curator.objects.all(),
        Entry.objects.all()[:60],
        Project.objects.all(),
        Episode.objects.all()[:30],
        Person.objects.all(),
    ]
    checked = 0
    for queryset in samples:
        for obj in queryset:
            obj.full_clean()
            checked += 1
    assert checked > 200


def test_existing_host_is_reused(host):
    small()

    assert list(Library.objects.filter(is_host=True)) == [host]
    assert set(Agreement.objects.values_list("host", flat=True)) == {host.pk}


def test_host_is_created_when_there_is_none():
    small()

    host = Library.objects.get(is_host=True)
    assert host.slug == "gen-host"
    assert host.timezone == "Asia/Novokuznetsk"


def test_same_seed_gives_the_same_data(host):
    small(seed=11)
    first = fingerprint()
    small(11, 5, 200, "--clear")

    assert fingerprint() == first


def test_another_seed_gives_other_data(host):
    small(seed=11)
    first = fingerprint()
    small(12, 5, 200, "--clear")

    assert fingerprint()["events"] != first["events"]


def test_clear_removes_only_generated_rows(host):
    partner = LibraryFactory(slug="tomsk")
    agreement = AgreementFactory(host=host, partner=partner)
    event = EventFactory(slug="hand-made", organiser=host, agreement=agreement)
    ParticipationFactory(event=event, library=partner)
    small()

    output = generate("--clear")

    assert not Library.objects.filter(slug__startswith="gen-").exists()
    assert not Event.objects.filter(slug__startswith="gen-").exists()
    for model in (Exhibition, Contest, Project, Person):
        assert not model.objects.filter(slug__startswith="gen-").exists()
    assert not Agreement.objects.filter(number__startswith="gen-").exists()
    assert list(Event.objects.all()) == [event]
    assert list(Participation.objects.values_list("event", "library")) == [(event.pk, partner.pk)]
    assert list(Agreement.objects.all()) == [agreement]
    assert set(Library.objects.all()) == {host, partner}
    assert "Удалено" in output


def test_clear_then_generate_replaces_the_data(host):
    small(events=100)
    small(7, 5, 150, "--clear")

    assert Event.objects.filter(slug__startswith="gen-").count() == 150
    assert Library.objects.filter(slug__startswith="gen-").count() == 5


def test_generating_twice_without_clear_is_refused(host):
    small(events=50)

    with pytest.raises(CommandError, match="--clear"):
        small(events=50)
    assert Event.objects.count() == 50


def test_clear_stops_when_a_hand_made_row_points_at_a_generated_library(host):
    small(events=50)
    generated = Library.objects.filter(slug__startswith="gen-", is_host=False).first()
    event = EventFactory(slug="hand-made", organiser=host)
    ParticipationFactory(event=event, library=generated)

    with pytest.raises(CommandError, match="вручную"):
        generate("--clear")
    assert Event.objects.filter(slug__startswith="gen-").count() == 50


def test_prints_one_summary_line(host):
    output = small(events=100)

    assert output.count("\n") == 1
    assert "мероприятий: 100" in output
    assert "библиотек-партнёров: 5" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--events", "-5"], "отрицательным"),
        (["--partners", "-1"], "отрицательным"),
        (["--events", "много"], "не целое число"),
        (["--years", "0"], "от 1 до 50"),
        (["--years", "51"], "от 1 до 50"),
        (["--end-year", "1985"], "1990–2100"),
        (["--end-year", "2101"], "1990–2100"),
        (["--partners", "0", "--events", "10"], "--partners"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_message(host, args, message):
    with pytest.raises(CommandError, match=message):
        generate(*args)
    assert not Event.objects.exists()


def test_negative_count_passed_as_keyword_is_refused(host):
    with pytest.raises(CommandError, match="неотрицательное"):
        call_command("generate_data", events=-3, stdout=io.StringIO())


def test_bad_arguments_exit_non_zero_from_the_command_line():
    env = {**os.environ, "DJANGO_DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "manage.py", "generate_data", "--events", "-5"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert "отрицательным" in result.stderr


def test_insert_rows_keeps_tabs_newlines_backslashes_and_nulls(host):
    from demo.generator.writing import insert_rows

    starts = datetime.datetime(2024, 12, 31, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=3)))
    title = "Tab\there, line\nbreak, back\\slash \\N «кавычки»"
    [pk] = insert_rows(
        Event,
        [
            {
                "title": title,
                "slug": "gen-escape",
                "kind": "webinar",
                "organiser_id": host.pk,
                "starts_at": starts,
                "ends_at": starts,
                "participants_count": None,
                "is_published": False,
            }
        ],
    )

    event = Event.objects.get(pk=pk)
    assert (event.title, event.starts_at, event.participants_count, event.is_published) == (title, starts, None, False)
    assert event.format == Event.Format.ONLINE  # a field left out gets the model's default
    assert event.created_at is not None


def test_help_explains_the_options():
    result = subprocess.run(
        [sys.executable, "manage.py", "generate_data", "--help"],
        cwd=Path(settings.BASE_DIR),
        env={**os.environ, "DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert "--clear" in result.stdout
    assert "gen-" in result.stdout
