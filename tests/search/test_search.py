import pytest
from django.urls import reverse

from contests.models import Entry
from events.models import Event
from tests.agreements.helpers import main_html
from tests.factories import (
    AgreementFactory,
    ContactFactory,
    ContestFactory,
    EntryFactory,
    EpisodeFactory,
    EventFactory,
    ExhibitionFactory,
    LibraryFactory,
    ProjectFactory,
    TelebridgeFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("site:search")


def search(client, q, **extra):
    return client.get(URL, {"q": q, **extra})


# --- common behaviour (both databases) -----------------------------------------------------------


def test_empty_query_shows_the_form_without_results(client, host):
    EventFactory(title="Любое мероприятие")
    response = client.get(URL)
    assert response.status_code == 200
    html = main_html(response)
    assert 'name="q"' in html
    assert "Любое мероприятие" not in html
    assert "найдено" not in html


def test_blank_query_is_like_an_empty_one(client, host):
    response = search(client, "   ")
    assert response.status_code == 200
    assert "найдено" not in main_html(response)


def test_too_long_query_is_a_form_error_not_500(client, host):
    response = search(client, "телемост " * 40)
    assert response.status_code == 400
    assert "Слишком длинный запрос" in main_html(response)


@pytest.mark.parametrize("q", ["\x00телемост", "'; DROP TABLE events_event; --", "%_%", "(((", "🙂", "a\u0301", "[["])
def test_odd_queries_never_give_a_server_error(client, host, q):
    TelebridgeFactory(title="Телемост")
    assert search(client, q).status_code < 500


def test_finds_every_kind_of_public_thing_grouped_with_counts(client, host):
    EventFactory(title="Вебинар «Радуга» для библиотекарей")
    EventFactory(title="Семинар «Радуга» второй")
    ExhibitionFactory(title="Выставка «Радуга»")
    ContestFactory(title="Конкурс «Радуга»")
    ProjectFactory(title="Проект «Радуга»")
    EpisodeFactory(title="Сказка «Радуга»")
    AgreementFactory(partner=LibraryFactory(short_name="Библиотека «Радуга»", slug="raduga"))
    html = main_html(search(client, "радуга"))
    assert "найдено: 7 результатов" in html
    assert "Мероприятия</a> — 2 мероприятия" in html
    assert "Выставки</a> — 1 выставка" in html
    assert "Конкурсы</a> — 1 конкурс" in html
    assert "Проекты</a> — 1 проект" in html
    assert "Выпуски проектов</a> — 1 выпуск" in html
    assert "Библиотеки-партнёры</a> — 1 библиотека" in html
    assert reverse("agreements:partner_detail", args=["raduga"]) in html


def test_drafts_and_the_host_library_are_never_found(client, host):
    EventFactory(title="Черновик радуги", is_published=False)
    ExhibitionFactory(title="Черновик радуги выставки", is_published=False)
    ContestFactory(title="Черновик радуги конкурса", is_published=False)
    ProjectFactory(title="Черновик радуги проекта", is_published=False)
    EpisodeFactory(title="Черновик радуги выпуска", is_published=False)
    EpisodeFactory(title="Радуга в скрытом проекте", project__is_published=False)
    host.short_name = "Наша радуга"
    host.save()
    html = main_html(search(client, "радуга"))
    assert "ничего не найдено" in html
    assert "Черновик" not in html


def test_contacts_agreement_notes_and_entrants_without_consent_are_never_found(client, host):
    partner = LibraryFactory(short_name="Партнёр")
    ContactFactory(library=partner, full_name="Радуга Контактная", email="raduga@partner.example")
    AgreementFactory(partner=partner, notes="радуга в заметках")
    contest = ContestFactory(title="Конкурс рисунка")
    EntryFactory(contest=contest, entrant_name="Радуга Скрытая", result=Entry.Result.WINNER, public_consent=False)
    EventFactory(title="Вебинар", notes="радуга в служебных заметках")
    html = search(client, "радуга").content.decode()
    assert "raduga@partner.example" not in html
    assert "Радуга Контактная" not in html
    assert "Радуга Скрытая" not in html
    assert "ничего не найдено" in html


def test_event_kind_is_searchable_even_if_the_title_does_not_say_it(client, host):
    TelebridgeFactory(title="Путь к Солнцу")
    EventFactory(title="Другое", kind=Event.Kind.WEBINAR)
    html = main_html(search(client, "телемост"))
    assert "Путь к Солнцу" in html
    assert "Другое" not in html


def test_results_link_to_the_pages(client, host):
    exhibition = ExhibitionFactory(title="Город дружбы")
    contest = ContestFactory(title="Город дружбы: конкурс")
    html = main_html(search(client, "дружбы"))
    assert exhibition.get_absolute_url() in html
    assert contest.get_absolute_url() in html


@pytest.mark.parametrize("rows", [5, 50])
def test_query_count_is_constant(client, host, django_assert_max_num_queries, rows):
    for index in range(rows):
        TelebridgeFactory(title=f"Телемост дружбы {index}")
        ExhibitionFactory(title=f"Выставка дружбы {index}")
        ContestFactory(title=f"Конкурс дружбы {index}")
        EpisodeFactory(title=f"Сказка дружбы {index}")
        LibraryFactory(short_name=f"Библиотека дружбы {index}")
    ProjectFactory(title="Проект дружбы")
    with django_assert_max_num_queries(12):
        response = search(client, "дружбы")
    assert response.status_code == 200
    assert f"Мероприятия</a> — {rows} мероприят" in main_html(response)


# --- PostgreSQL: Russian full-text search --------------------------------------------------------


@pytest.mark.postgresql
def test_postgresql_plural_finds_singular(client, host):
    TelebridgeFactory(title="Литературный телемост «Путь к Солнцу»")
    html = main_html(search(client, "телемосты"))
    assert "Путь к Солнцу" in html


@pytest.mark.postgresql
def test_postgresql_exhibitions_finds_exhibition(client, host):
    ExhibitionFactory(title="Передвижная выставка о родном крае")
    html = main_html(search(client, "выставки"))
    assert "Передвижная выставка о родном крае" in html


@pytest.mark.postgresql
def test_postgresql_ranks_title_matches_first(client, host):
    EventFactory(title="Семинар", description="Поговорим о сказках, сказки и ещё раз сказки народов")
    EventFactory(title="Сказки народов Кузбасса", description="")
    html = main_html(search(client, "сказки"))
    assert html.index("Сказки народов Кузбасса") < html.index("Семинар")


@pytest.mark.postgresql
def test_postgresql_websearch_syntax_excludes_words(client, host):
    ExhibitionFactory(title="Выставка книг о Кузбассе")
    ExhibitionFactory(title="Выставка книг о Хабаровске")
    html = main_html(search(client, "выставка -Хабаровск"))
    assert "Кузбассе" in html
    assert "Хабаровске" not in html


# --- SQLite: case-insensitive containment --------------------------------------------------------


@pytest.mark.sqlite
def test_sqlite_upper_case_cyrillic_finds_lower_case(client, host):
    TelebridgeFactory(title="Литературный телемост")
    assert "Литературный телемост" in main_html(search(client, "ТЕЛЕМОСТ"))


@pytest.mark.sqlite
def test_sqlite_every_word_must_match_somewhere(client, host):
    ExhibitionFactory(title="Книги о Кузбассе", description="передвижная")
    ExhibitionFactory(title="Книги о Хабаровске")
    html = main_html(search(client, "книги передвижная"))
    assert "Книги о Кузбассе" in html
    assert "Книги о Хабаровске" not in html


@pytest.mark.sqlite
def test_sqlite_regex_characters_are_taken_literally(client, host):
    ExhibitionFactory(title="Выставка (новая)")
    ExhibitionFactory(title="Выставка новая")
    html = main_html(search(client, "(новая)"))
    assert "Выставка (новая)" in html
    assert "Выставка новая<" not in html


def test_a_cancelled_event_is_found_and_marked(client, host):
    from core.models import Status

    EventFactory(title="Вебинар «Гроза»", status=Status.CANCELLED)
    html = main_html(search(client, "гроза"))
    assert "Вебинар «Гроза»" in html
    assert "· отменено" in html
