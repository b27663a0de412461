"""The staff report page: permissions, the year picker and its validation, and every figure in the HTML."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.reports import helpers
from tests.reports.conftest import (
    AGREEMENTS_2020,
    HEADLINE_2020,
    MATRIX_2020,
    MATRIX_COLUMNS,
    MATRIX_TOTALS_2020,
    MONTHS_2020,
    NK_2020,
    PARTICIPANTS_2020,
)
from tests.reports.test_report import BUILD_QUERIES

INDEX = reverse("reports:index")


def _get(client, user, **params):
    client.force_login(user)
    return client.get(INDEX, params)


def _page(client, manager, year=2020):
    response = _get(client, manager, year=year)
    assert response.status_code == 200
    return response.content.decode()


def _urls():
    files = [reverse(f"reports:{fmt}", kwargs={"year": 2020, "file_year": 2020}) for fmt in ("xlsx", "csv", "docx")]
    return [INDEX, *files]


# ---- permissions -----------------------------------------------------------------------------


@pytest.mark.parametrize("url", _urls())
def test_anonymous_is_sent_to_the_login_page(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login") + "?next=")


@pytest.mark.parametrize("url", _urls())
def test_staff_outside_the_managers_and_methodologists_get_403(client, outsider, url):
    client.force_login(outsider)
    response = client.get(url)
    assert response.status_code == 403
    assert "доступен руководителям и методистам" in response.content.decode()
    assert f'<a href="{reverse("admin:index")}">← К администрированию</a>' in response.content.decode()  # a way back


@pytest.mark.parametrize("url", _urls())
@pytest.mark.parametrize("persona", ["manager", "methodologist", "superuser"])
def test_managers_methodologists_and_superusers_get_the_report(client, request, url, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(url)
    assert response.status_code == 200
    assert {"private", "no-store"} <= _cache_directives(response)


def test_the_methodologists_group_holds_the_report_permission(methodologist):
    group = Group.objects.get(name="Методисты")
    assert group.permissions.filter(codename="view_annual_report").exists()


def test_the_methodologists_migration_can_be_reversed_and_applied_again(methodologist):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("reports.migrations.0003_methodologists_see_annual_report")

    group = Group.objects.get(name="Методисты")
    migration.revoke_from_methodologists(apps, None)
    assert not group.permissions.filter(codename="view_annual_report").exists()
    migration.grant_to_methodologists(apps, None)
    assert group.permissions.filter(codename="view_annual_report").exists()


def _cache_directives(response) -> set[str]:
    return {d.strip() for d in response["Cache-Control"].split(",")}


def _managers_group():
    return Group.objects.get(name="Руководители")


def test_the_managers_group_holds_the_report_permission(manager):
    assert _managers_group().permissions.filter(codename="view_annual_report").exists()


def test_the_permission_is_named_as_the_model_declares_it(manager):
    from reports.models import AnnualReportAccess

    assert [(p.codename, p.name) for p in Permission.objects.filter(content_type__app_label="reports")] == [
        (codename, str(name)) for codename, name in AnnualReportAccess._meta.permissions
    ]


def test_renaming_the_managers_group_in_the_admin_keeps_their_access(client, manager, superuser):
    group = _managers_group()
    client.force_login(superuser)
    response = client.post(
        reverse("admin:auth_group_change", args=[group.pk]),
        {"name": "Руководство библиотеки", "permissions": list(group.permissions.values_list("pk", flat=True))},
    )
    assert response.status_code == 302
    client.force_login(manager)
    assert client.get(INDEX).status_code == 200


def test_the_group_name_alone_gives_no_access(client, manager):
    _managers_group().permissions.remove(Permission.objects.get(codename="view_annual_report"))
    client.force_login(manager)
    assert client.get(INDEX).status_code == 403


def test_the_permission_granted_to_one_person_gives_access(client, outsider):
    outsider.user_permissions.add(Permission.objects.get(codename="view_annual_report"))
    client.force_login(outsider)
    assert client.get(INDEX).status_code == 200


def test_the_403_and_400_pages_are_not_cached(client, outsider, manager):
    client.force_login(outsider)
    assert "no-store" in _cache_directives(client.get(INDEX))
    client.force_login(manager)
    assert "no-store" in _cache_directives(client.get(INDEX, {"year": "abc"}))


def test_inactive_manager_cannot_log_in_so_is_redirected(client, manager):
    manager.is_active = False
    manager.save()
    client.force_login(manager)
    assert client.get(INDEX).status_code == 302


# ---- year --------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", ["1989", "2101", "abc", "20.20", "-1", "1" * 30, "²⁰²⁰"])
def test_a_bad_year_is_a_400_with_a_russian_message(client, manager, year):
    response = _get(client, manager, year=year)
    assert response.status_code == 400
    text = response.content.decode()
    assert "год" in text
    assert 'role="alert"' in text


@pytest.mark.parametrize("year", ["1989", "abc"])
def test_a_bad_year_in_a_download_url_is_a_400(client, manager, year):
    client.force_login(manager)
    response = client.get(reverse("reports:xlsx", kwargs={"year": year, "file_year": year}))
    assert response.status_code == 400


def test_a_download_url_whose_two_years_differ_is_404(client, manager):
    client.force_login(manager)
    assert client.get(reverse("reports:csv", kwargs={"year": 2020, "file_year": 2021})).status_code == 404


def test_without_a_year_the_page_shows_the_current_year_in_kemerovo(client, manager, time_machine):
    import datetime
    from zoneinfo import ZoneInfo

    # 31 Dec 2024 20:00 UTC is already 1 January 2025 in Kemerovo.
    time_machine.move_to(datetime.datetime(2024, 12, 31, 20, 0, tzinfo=ZoneInfo("UTC")))
    response = _get(client, manager)
    assert response.status_code == 200
    assert "Отчёт о сотрудничестве за 2025 год" in response.content.decode()


def test_the_year_picker_offers_the_years_with_data(client, manager, scenario):
    html = _page(client, manager)
    options = re.findall(r'<option value="(\d+)"( selected)?>', html)
    years = [int(y) for y, _ in options]
    assert {2016, 2017, 2018, 2019, 2020, 2021} <= set(years)
    assert [y for y, selected in options if selected] == ["2020"]


# ---- figures -----------------------------------------------------------------------------------


def test_headline_table_shows_each_figure_beside_the_previous_year(client, manager, scenario):
    table = helpers.keyed_rows(_page(client, manager), "summary")
    got = {key: (int(cells[1]), int(cells[2])) for key, cells in table.items()}
    assert got == HEADLINE_2020
    assert table["activities"][3:] == ["+6", "+300,0"]
    assert table["telebridges"][3:] == ["+1", "—"]
    assert table["agreements_dormant"][3:] == ["-2", "-66,7"]


def test_agreement_totals_on_the_page(client, manager, scenario):
    got = helpers.figures(_page(client, manager), "agreement-totals")
    assert got == {
        "in_force": "4",
        "no_end_date": "1",
        "signed": "2",
        "terminated": "1",
        "expired": "1",
        "expiring": "1",
        "dormant": "1",
        "new": "2",
    }


def test_each_agreement_at_a_glance(client, manager, scenario):
    table = helpers.keyed_rows(_page(client, manager), "agreements")
    by_number = {}
    for cells in table.values():
        number = re.search(r"№ (\S+)", cells[0]).group(1)
        by_number[number] = cells
    assert set(by_number) == set(AGREEMENTS_2020)
    for number, (activities, drafts, dormant, _in_force, state) in AGREEMENTS_2020.items():
        cells = by_number[number]
        assert cells[3] == state
        assert cells[8].split()[0] == str(activities)
        assert (f"из них неопубликованных {drafts}" in cells[8]) == bool(drafts)
        assert ("бездействует" in cells[10]) == dormant
    assert by_number["1"][2] == "бессрочно"
    assert "истекает в следующем году" in by_number["2"][10]
    assert "расторгнуто в году" in by_number["3"][10]
    assert "срок истёк в году" in by_number["5"][10]


def test_partner_matrix_on_the_page(client, manager, scenario):
    html = _page(client, manager)
    header = re.search(r'<table class="report-table" id="partner-matrix">.*?<thead>(.*?)</thead>', html, re.S).group(1)
    assert re.findall(r'<th scope="col">([^<]+)</th>', header)[2:-2] == MATRIX_COLUMNS
    table = helpers.rows(html, "partner-matrix")
    got = {cells[0]: ([int(c) for c in cells[2:-2]], int(cells[-2]), int(cells[-1])) for cells in table[:-1]}
    assert got == MATRIX_2020
    totals = table[-1]
    assert totals[0] == "Итого"
    assert ([int(c) for c in totals[2:-2]], int(totals[-2]), int(totals[-1])) == MATRIX_TOTALS_2020


def test_months_directions_and_events_breakdown_on_the_page(client, manager, scenario):
    html = _page(client, manager)
    months = helpers.rows(html, "months")
    assert len(months) == 12
    for number, cells in enumerate(months, start=1):
        expected = MONTHS_2020.get(number, (0, 0, 0, 0, 0))
        assert [int(c) for c in cells[1:]] == [*expected, sum(expected)]
    directions = helpers.keyed_rows(html, "directions")
    # held: all, joint, the host's own, drafts
    assert {k: tuple(int(c) for c in v[1:]) for k, v in directions.items()} == {
        "events": (4, 3, 1, 1),
        "exhibitions": (2, 1, 1, 0),
        "telebridges": (1, 1, 0, 0),
        "contests": (2, 2, 0, 1),
        "projects": (2, 1, 1, 1),
    }
    by_format = helpers.keyed_rows(html, "events-by-format")
    assert {k: int(v[1]) for k, v in by_format.items()} == {"online": 2, "offline": 1, "hybrid": 1, "correspondence": 0}
    by_scope = helpers.keyed_rows(html, "events-by-scope")
    assert {k: int(v[1]) for k, v in by_scope.items()} == {"international": 2, "interregional": 2, "regional": 0}
    by_kind = helpers.keyed_rows(html, "events-by-kind")
    assert {k: (int(v[1]), int(v[2])) for k, v in by_kind.items()} == {
        "webinar": (1, 0),
        "seminar": (1, 0),
        "conference": (1, 1),
        "telebridge": (1, 0),
    }


def test_participants_partners_and_6nk_on_the_page(client, manager, scenario):
    html = _page(client, manager)
    assert {k: int(v) for k, v in helpers.figures(html, "participants").items()} == PARTICIPANTS_2020
    assert helpers.rows(html, "contest-results") == [
        ["Вдумчивый читатель черновик", "1", "1", "0", "0", "1", "0", "0"],
        ["Абай мұрасы. К Абаю...", "4", "3", "1", "0", "0", "0", "1"],
    ]
    assert helpers.rows(html, "partners-by-country") == [["Россия", "2"], ["Казахстан", "1"]]
    assert helpers.rows(html, "partners-by-region") == [
        ["Казахстан", "Восточно-Казахстанская область", "1"],
        ["Россия", "Томская область", "1"],
        ["Россия", "Хабаровский край", "1"],
    ]
    assert [r[0] for r in helpers.rows(html, "new-partners")] == ["Волгоградская ОДБ", "ВК ОДЮБ"]
    nk = helpers.keyed_rows(html, "nk")
    assert {k: tuple(int(c) for c in v[1:]) for k, v in nk.items()} == NK_2020
    assert nk["total"][0] == "Число мероприятий — всего"
    assert "Число посещений мероприятий" in html


def test_activities_are_listed_in_their_direction_and_drafts_are_marked(client, manager, scenario):
    html = _page(client, manager)

    def section(key):
        return re.search(rf'id="direction-{key}".*?</section>', html, re.S).group(0)

    assert "Мир детства: от книг к мечтам" in section("telebridges")
    assert "Мир детства" not in section("events")
    assert "Хабаровский край! Он почти бесконечный..." in section("exhibitions")
    assert "Абай мұрасы. К Абаю..." in section("contests")
    assert "Аксак-кулан" in section("projects")
    conference = re.search(r"<li>[^<]*<time[^>]*>19\.11\.2020</time>.*?</li>", section("events"), re.S).group(0)
    assert "Конференция о детском чтении" in conference and "черновик" in conference
    assert "ВК ОДЮБ, Томская ОДЮБ" in conference and "Участников: 100" in conference
    webinar = re.search(r"<li>.*?Вебинар о волонтёрах.*?</li>", section("events"), re.S).group(0)
    assert "черновик" not in webinar


def test_charts_are_inline_svg_with_a_title_and_role(client, manager, scenario):
    html = _page(client, manager)
    svgs = re.findall(r"<svg[^>]*>.*?</svg>", html, re.S)
    assert len(svgs) == 3
    for svg in svgs:
        assert 'role="img"' in svg and "<title" in svg
    partners_chart = next(s for s in svgs if "chart-partners" in s)
    assert "Томская ОДЮБ: 4" in partners_chart


def test_page_has_no_inline_script_handlers_or_styles(client, manager, scenario):
    html = _page(client, manager)
    assert "<script" not in html
    assert not re.search(r"\son[a-z]+=", html)
    assert " style=" not in html


def test_page_links_the_three_downloads(client, manager, scenario):
    html = _page(client, manager)
    for fmt in ("xlsx", "csv", "docx"):
        url = reverse(f"reports:{fmt}", kwargs={"year": 2020, "file_year": 2020})
        assert url == f"/reports/2020/coopnet-report-2020.{fmt}"
        assert f'href="{url}"' in html


def test_a_year_with_nothing_shows_zeros(client, manager, scenario):
    html = _page(client, manager, year=1995)
    assert "За 1995 год данных нет" in html
    table = helpers.keyed_rows(html, "summary")
    assert all(cells[1] == "0" and cells[2] == "0" for cells in table.values())


@pytest.mark.parametrize("extra", [5, 50])
def test_page_query_count_is_constant(client, manager, scenario, extra, django_assert_num_queries):
    from tests.reports.test_report import _grow

    _grow(extra)
    client.force_login(manager)
    client.get(INDEX, {"year": 2020})  # warm the session
    with django_assert_num_queries(PAGE_QUERIES):
        assert client.get(INDEX, {"year": 2020}).status_code == 200


PAGE_QUERIES = 4 + BUILD_QUERIES  # session, user, the user's and their groups' permissions, then build_report


def test_the_report_links_back_to_the_admin(client, manager):
    client.force_login(manager)

    page = client.get(reverse("reports:index"), {"year": 2020}).content.decode()

    assert f'<a href="{reverse("admin:index")}">← К администрированию</a>' in page
