import datetime

import pytest
import time_machine
from django.urls import reverse

from contests.models import Entry
from tests.agreements.helpers import main_html
from tests.factories import ContestFactory, CuratorFactory, EntryFactory, LibraryFactory, NominationFactory

pytestmark = pytest.mark.django_db
LIST = reverse("contests:list")
TODAY = datetime.datetime(2025, 6, 15, 12, 0, tzinfo=datetime.UTC)


def detail(contest):
    return reverse("contests:detail", args=[contest.slug])


def period(start, end, results=None):
    return {"submissions_from": start, "submissions_until": end, "results_on": results or end}


@time_machine.travel(TODAY, tick=False)
def test_open_contests_first_then_upcoming_then_finished(client, host):
    ContestFactory(title="Завершённый давно", **period(datetime.date(2020, 1, 1), datetime.date(2020, 2, 1)))
    ContestFactory(title="Завершённый недавно", **period(datetime.date(2025, 1, 1), datetime.date(2025, 5, 1)))
    ContestFactory(title="Скоро начнётся", **period(datetime.date(2025, 9, 1), datetime.date(2025, 10, 1)))
    ContestFactory(title="Идёт приём", **period(datetime.date(2025, 6, 1), datetime.date(2025, 7, 1)))
    html = main_html(client.get(LIST))
    order = [
        "Идёт приём работ",
        "Идёт приём",
        "Скоро",
        "Скоро начнётся",
        "Завершённые",
        "Завершённый недавно",
        "Завершённый давно",
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)


def test_list_hides_drafts_and_has_age_badges(client, host):
    ContestFactory(title="Черновик конкурса", is_published=False)
    ContestFactory(title="Открытый конкурс", age_rating="12+")
    html = main_html(client.get(LIST))
    assert "Черновик конкурса" not in html
    assert "Открытый конкурс" in html
    assert "Возрастная маркировка: 12+" in html


def test_detail_shows_rules_theme_dates_groups_nominations_and_curators(client, host):
    contest = ContestFactory(
        title="Мы — наследники Победы",
        theme="Посвящается 80-летию Победы",
        rules_url="https://example.org/polozhenie.pdf",
        age_groups="7–10 лет; 11–14 лет",
        age_rating="6+",
        **period(datetime.date(2025, 2, 1), datetime.date(2025, 4, 1), datetime.date(2025, 5, 9)),
    )
    NominationFactory(contest=contest, name="Стихотворение", position=2)
    NominationFactory(contest=contest, name="Рисунок", position=1)
    CuratorFactory(contest=contest, library=LibraryFactory(short_name="Томская ОДЮБ"), region="Томская область")
    html = main_html(client.get(detail(contest)))
    assert "Посвящается 80-летию Победы" in html
    assert 'href="https://example.org/polozhenie.pdf"' in html
    assert "1 февраля 2025" in html and "9 мая 2025" in html
    assert "7–10 лет; 11–14 лет" in html
    assert "<li>Рисунок</li><li>Стихотворение</li>" in html
    assert "Томская область" in html and "Томская ОДЮБ" in html
    assert "Возрастная маркировка: 6+" in html


def test_search_finds_a_contest_by_its_nomination(client, host):
    contest = ContestFactory(title="Мы — наследники Победы")
    NominationFactory(contest=contest, name="Рисунок")
    NominationFactory(contest=contest, name="Стихотворение")
    NominationFactory(contest=ContestFactory(is_published=False), name="Стихотворение о войне")
    html = main_html(client.get(reverse("site:search"), {"q": "стихотворение"}))
    assert "Мы — наследники Победы" in html
    assert html.count('href="/contests/') == 1


def test_results_show_only_entrants_with_consent(client, host):
    contest = ContestFactory()
    EntryFactory(
        contest=contest,
        entrant_name="Анна Согласная",
        work_title="Мой край",
        locality="Тайга",
        result=Entry.Result.WINNER,
        place=1,
        public_consent=True,
    )
    for name in ["Борис Скрытый", "Вера Скрытая", "Глеб Скрытый"]:
        EntryFactory(
            contest=contest,
            entrant_name=name,
            work_title=f"Работа {name}",
            locality="Секретное",
            result=Entry.Result.WINNER,
            public_consent=False,
        )
    EntryFactory(contest=contest, entrant_name="Дина Финалистка", result=Entry.Result.FINALIST, public_consent=False)
    html = client.get(detail(contest)).content.decode()
    assert "Анна Согласная" in html and "«Мой край»" in html and "Тайга" in html
    assert "Скрыт" not in html
    assert "Секретное" not in html
    assert "Дина Финалистка" not in html
    assert "и ещё 3 участника без согласия на публикацию" in html
    assert "1 участник без согласия на публикацию имени" in html


def test_plain_participants_are_not_listed_in_results(client, host):
    contest = ContestFactory()
    EntryFactory(contest=contest, entrant_name="Просто Участник", result=Entry.Result.PARTICIPANT, public_consent=True)
    html = main_html(client.get(detail(contest)))
    assert "Просто Участник" not in html
    assert "Итоги" not in html


def test_results_use_russian_plurals_for_anonymous_counts(client, host):
    contest = ContestFactory()
    EntryFactory(contest=contest, result=Entry.Result.LAUREATE, public_consent=True)
    for _ in range(5):
        EntryFactory(contest=contest, result=Entry.Result.LAUREATE, public_consent=False)
    assert "и ещё 5 участников без согласия на публикацию" in main_html(client.get(detail(contest)))


def test_detail_never_shows_staff_notes(client, host):
    contest = ContestFactory(notes="служебная заметка о конкурсе")
    assert "служебная заметка" not in client.get(detail(contest)).content.decode()


def test_draft_is_404(client, host):
    assert client.get(detail(ContestFactory(is_published=False))).status_code == 404


def test_unknown_slug_is_404(client, host):
    assert client.get(reverse("contests:detail", args=["no-such-contest"])).status_code == 404


@pytest.mark.parametrize("rows", [5, 50])
def test_list_query_count_is_constant(client, host, django_assert_max_num_queries, rows):
    for _ in range(rows):
        CuratorFactory(contest=ContestFactory())
    with django_assert_max_num_queries(2):
        response = client.get(LIST)
    assert response.status_code == 200
    assert main_html(response).count('class="card contest-card"') == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_detail_query_count_is_constant(client, host, django_assert_max_num_queries, rows):
    contest = ContestFactory()
    for index in range(rows):
        CuratorFactory(contest=contest, library=LibraryFactory(), region=f"Регион {index}")
        nomination = NominationFactory(contest=contest)
        EntryFactory(contest=contest, result=Entry.Result.WINNER, nomination=nomination, public_consent=True)
        EntryFactory(contest=contest, result=Entry.Result.FINALIST, public_consent=False)
    # The contest, its nominations, its curators, its entries by result (with their nominations), and the
    # agreements it serves with their overrides.
    with django_assert_max_num_queries(8):
        response = client.get(detail(contest))
    assert response.status_code == 200
    html = main_html(response)
    assert html.count("Регион ") == rows
    assert f"{rows} участник" in html
