"""A contest's page in the admin: award levels, nominations and curators of its own, entries stacked."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from contests.models import Entry, Nomination
from tests.admin_forms.helpers import add_rows, inline_formset, page_data
from tests.agreements.helpers import main_html
from tests.factories import ContestFactory, CuratorFactory, EntryFactory, LibraryFactory, NominationFactory

pytestmark = pytest.mark.django_db


def change_url(contest):
    return reverse("admin:contests_contest_change", args=[contest.pk])


def entry_change_url(entry):
    return reverse("admin:contests_entry_change", args=[entry.pk])


@pytest.fixture
def contest(host):
    contest = ContestFactory(title="Вдумчивый читатель")
    CuratorFactory(contest=contest, library=host, region="Кузбасс")
    return contest


def post_entry(client, contest, **row):
    """Open the contest's change page and save it with one entry added."""
    data = page_data(client.get(change_url(contest)))
    entry = {"entrant_name": "Анна Иванова", "age": "12", "locality": "Кемерово", "result": "participant", **row}
    return client.post(change_url(contest), add_rows(data, "entries", [entry]))


def errors_of(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("result", [value for value, _label in Entry.Result.choices])
def test_each_award_level_is_saved_from_the_contest_page(client, methodologist, contest, result):
    client.force_login(methodologist)
    place = "2" if result in Entry.PLACED else ""
    response = post_entry(client, contest, result=result, place=place, public_consent="on")
    assert response.status_code == 302
    entry = Entry.objects.get(contest=contest)
    assert (entry.result, entry.place) == (result, 2 if place else None)


@pytest.mark.parametrize("result", Entry.AWARDED)
def test_each_award_level_is_shown_under_its_heading(client, contest, result):
    EntryFactory(contest=contest, entrant_name="Анна Иванова", result=result, public_consent=True)
    html = main_html(client.get(contest.get_absolute_url()))
    heading = f"<h3>{Entry.AWARD_TITLES[result]}</h3>"
    assert heading in html
    assert html.index(heading) < html.index("Анна Иванова")


def test_winners_come_before_prize_winners_and_laureates_by_degree(client, contest):
    for name, result, place in [
        ("Лауреат Третьей", Entry.Result.LAUREATE_3, None),
        ("Призёр Второй", Entry.Result.PRIZE_WINNER, 2),
        ("Победитель Первый", Entry.Result.WINNER, 1),
        ("Лауреат Первой", Entry.Result.LAUREATE_1, None),
    ]:
        EntryFactory(contest=contest, entrant_name=name, result=result, place=place, public_consent=True)
    html = main_html(client.get(contest.get_absolute_url()))
    order = ["Победители", "Победитель Первый", "Призёры", "2 место", "Призёр Второй", "Лауреаты I степени"]
    order += ["Лауреат Первой", "Лауреаты III степени", "Лауреат Третьей"]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)


def test_a_plain_participant_is_saved_but_not_announced(client, contest):
    EntryFactory(contest=contest, entrant_name="Просто Участник", result=Entry.Result.PARTICIPANT, public_consent=True)
    assert "Просто Участник" not in main_html(client.get(contest.get_absolute_url()))


def test_a_place_for_a_laureate_is_refused_and_nothing_saved(client, methodologist, contest):
    client.force_login(methodologist)
    response = post_entry(client, contest, result="laureate_1", place="1")
    assert response.status_code == 200
    assert "Место указывается только у победителя или призёра." in errors_of(response)
    assert not Entry.objects.exists()


def test_a_place_beyond_a_hundred_is_refused(client, methodologist, contest):
    client.force_login(methodologist)
    response = post_entry(client, contest, result="winner", place="101")
    assert response.status_code == 200
    assert "Убедитесь, что это значение меньше либо равно 100." in errors_of(response)
    assert not Entry.objects.exists()


def test_the_entry_takes_a_nomination_of_its_contest(client, methodologist, contest):
    essay = NominationFactory(contest=contest, name="Эссе")
    client.force_login(methodologist)
    response = post_entry(client, contest, nomination=str(essay.pk))
    assert response.status_code == 302
    assert Entry.objects.get().nomination == essay


def test_a_nomination_of_another_contest_is_refused_by_post(client, methodologist, contest):
    elsewhere = NominationFactory(name="Рисунок")
    client.force_login(methodologist)
    response = post_entry(client, contest, nomination=str(elsewhere.pk))
    assert response.status_code == 200
    assert "Выберите корректный вариант" in errors_of(response)
    assert not Entry.objects.exists()


def test_a_nomination_of_another_contest_is_refused_on_the_entry_page(client, methodologist, contest):
    entry = EntryFactory(contest=contest, entrant_name="Анна Иванова")
    elsewhere = NominationFactory(name="Рисунок")
    client.force_login(methodologist)
    data = page_data(client.get(entry_change_url(entry)))
    response = client.post(entry_change_url(entry), {**data, "nomination": str(elsewhere.pk)})
    assert response.status_code == 200
    assert "Номинация «Рисунок» относится к другому конкурсу: выберите номинацию этого конкурса." in errors_of(response)
    entry.refresh_from_db()
    assert entry.nomination is None


def test_the_entry_offers_only_the_contests_nominations_and_curators(client, methodologist, contest, host):
    NominationFactory(contest=contest, name="Эссе")
    NominationFactory(name="Чужая номинация")
    CuratorFactory(library=LibraryFactory(short_name="Чужой куратор"))
    client.force_login(methodologist)
    entries = inline_formset(client.get(change_url(contest)), "entries").formset
    form = entries.forms[0]
    assert [label for _value, label in form.fields["nomination"].choices] == ["---------", "Эссе"]
    assert [label for _value, label in form.fields["curator"].choices] == ["---------", host.short_name]


def test_a_curator_of_the_contest_is_accepted(client, methodologist, contest, host):
    client.force_login(methodologist)
    assert post_entry(client, contest, curator=str(host.pk)).status_code == 302
    assert Entry.objects.get().curator == host


def test_a_library_that_does_not_curate_the_contest_is_refused_by_post(client, methodologist, contest):
    stranger = LibraryFactory(short_name="Томская ОДЮБ")
    CuratorFactory(library=stranger)  # curates another contest
    client.force_login(methodologist)
    response = post_entry(client, contest, curator=str(stranger.pk))
    assert response.status_code == 200
    assert "Выберите корректный вариант" in errors_of(response)
    assert not Entry.objects.exists()


def test_a_non_curator_is_refused_on_the_entry_page_with_the_reason(client, methodologist, contest):
    entry = EntryFactory(contest=contest)
    stranger = LibraryFactory(short_name="Томская ОДЮБ")
    CuratorFactory(library=stranger)
    client.force_login(methodologist)
    data = page_data(client.get(entry_change_url(entry)))
    response = client.post(entry_change_url(entry), {**data, "curator": str(stranger.pk)})
    assert response.status_code == 200
    assert "Библиотека «Томская ОДЮБ» не куратор этого конкурса" in errors_of(response)
    entry.refresh_from_db()
    assert entry.curator is None


def test_moving_an_entry_to_another_contest_keeps_its_nomination_only_if_that_contest_has_it(
    client, methodologist, contest
):
    essay = NominationFactory(contest=contest, name="Эссе")
    entry = EntryFactory(contest=contest, nomination=essay)
    other = ContestFactory()
    client.force_login(methodologist)
    data = page_data(client.get(entry_change_url(entry)))
    response = client.post(entry_change_url(entry), {**data, "contest": str(other.pk)})
    assert response.status_code == 200
    assert "Номинация «Эссе» относится к другому конкурсу" in errors_of(response)
    entry.refresh_from_db()
    assert entry.contest == contest


def test_a_methodologist_adds_nominations_on_the_contest_page(client, methodologist, contest):
    client.force_login(methodologist)
    data = page_data(client.get(change_url(contest)))
    rows = [{"name": "Рисунок", "position": "1"}, {"name": "Эссе", "position": "2"}]
    response = client.post(change_url(contest), add_rows(data, "nominations", rows))
    assert response.status_code == 302
    assert list(Nomination.objects.filter(contest=contest).values_list("name", flat=True)) == ["Рисунок", "Эссе"]


def test_a_manager_sees_the_nominations_but_may_not_change_them(client, manager, contest):
    NominationFactory(contest=contest, name="Эссе")
    client.force_login(manager)
    nominations = inline_formset(client.get(change_url(contest)), "nominations")
    assert not nominations.has_add_permission and not nominations.has_change_permission


def test_the_contest_page_renders_its_entries_stacked(client, methodologist, contest):
    EntryFactory(contest=contest)
    client.force_login(methodologist)
    response = client.get(change_url(contest))
    entries = inline_formset(response, "entries")
    assert entries.opts.template == "admin/edit_inline/stacked.html"
    assert "admin/edit_inline/stacked.html" in [template.name for template in response.templates]
    html = response.content.decode()
    group = html[html.index('id="entries-group"') : html.index('id="entries-group"') + 300]
    assert 'data-inline-type="stacked"' in group
    assert 'data-inline-type="tabular"' not in group


def test_an_error_shows_in_the_open_entries_group_beside_its_field(client, methodologist, contest):
    client.force_login(methodologist)
    response = post_entry(client, contest, result="laureate_1", place="1")
    entries = inline_formset(response, "entries")
    assert not entries.is_collapsible  # a collapsed group with an error in it is shown open
    assert entries.formset.forms[0].errors


def test_contest_page_query_count_does_not_grow_with_entries(client, methodologist, contest, host):
    nominations = [NominationFactory(contest=contest) for _ in range(3)]
    client.force_login(methodologist)

    def queries_with(rows):
        for index in range(rows - contest.entries.count()):
            EntryFactory(contest=contest, curator=host, nomination=nominations[index % 3])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(change_url(contest)).status_code == 200
        return len(queries)

    assert queries_with(5) == queries_with(30)
