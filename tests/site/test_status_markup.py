"""Pages showing cancelled and postponed activities, «итоги» and unknown figures pass the Nu HTML checker.

The demo data need not hold every status, so these pages are built here and checked in one run.
"""

import datetime

import pytest
from django.urls import reverse

from core.models import Status
from tests.factories import (
    ContestFactory,
    EpisodeFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    LibraryFactory,
    TelebridgeFactory,
)
from tests.site.test_html_validity import check

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2029, 6, 1)  # see tests/events/conftest.NOW
NEW_DATE = datetime.date(2030, 4, 15)
CALLED_OFF = [
    {"status": Status.CANCELLED},
    {"status": Status.POSTPONED, "rescheduled_to": NEW_DATE},
    {"status": Status.POSTPONED},
]


def build(kemerovo):
    urls = [reverse("site:home"), reverse("events:list"), reverse("events:telebridges"), reverse("exhibitions:list")]
    for fields in CALLED_OFF:
        event = TelebridgeFactory(organiser=kemerovo, results="Итоги.\n\nЕщё абзац.", **fields)
        exhibition = ExhibitionFactory(results="Итоги выставки.", **fields)
        ExhibitionStopFactory(exhibition=exhibition, venue=LibraryFactory(), starts_on=TODAY, ends_on=TODAY)
        contest = ContestFactory(submissions_from=TODAY, submissions_until=TODAY, results_on=TODAY, **fields)
        urls += [event.get_absolute_url(), exhibition.get_absolute_url(), contest.get_absolute_url()]
    exhibition = ExhibitionFactory()
    ExhibitionStopFactory(exhibition=exhibition, visitors=640, excursions=None)
    ExhibitionStopFactory(exhibition=exhibition, venue=LibraryFactory(), visitors=None, status=Status.CANCELLED)
    ExhibitionStopFactory(exhibition=exhibition, venue=LibraryFactory(), starts_on=TODAY, ends_on=TODAY)
    episode = EpisodeFactory(status=Status.CANCELLED)
    EventFactory(results="Итоги.")
    return [*urls, exhibition.get_absolute_url(), episode.project.get_absolute_url(), reverse("contests:list")]


def test_pages_with_called_off_activities_pass_the_nu_html_checker(client, kemerovo, tmp_path):
    files = {}
    for number, url in enumerate(build(kemerovo)):
        response = client.get(url)
        assert response.status_code == 200, url
        file = tmp_path / f"page-{number:03}.html"
        file.write_bytes(response.content)
        files[str(file)] = url

    returncode, output = check(files)

    assert returncode == 0, output
