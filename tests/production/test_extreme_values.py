"""No value staff can save makes any page answer 500.

A world where every number holds the largest value its validators allow and the dates sit at the edges of the
years the site accepts (1990–2100, with the longest prolongation); then every public page, feed and sitemap,
every admin list and change page, every choice of every admin list filter, every autocomplete and every admin
action on all the rows, and the annual report with its files are fetched."""

import datetime

import pytest
from django.contrib import admin
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse

from agreements.models import Agreement
from core.dates import MAX_YEAR, MIN_YEAR
from core.models import Status
from tests.factories import (
    KEMEROVO,
    AgreementFactory,
    ContestFactory,
    CuratorFactory,
    EntryFactory,
    EpisodeFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    HostLibraryFactory,
    LibraryFactory,
    ParticipationFactory,
    ProjectFactory,
    TelebridgeFactory,
)

pytestmark = pytest.mark.django_db
FIRST, LAST = datetime.date(MIN_YEAR, 1, 1), datetime.date(MAX_YEAR, 12, 31)


def largest(field) -> int | None:
    limits = [v.limit_value for v in field.validators if isinstance(v, MaxValueValidator)]
    return min(limits) if limits else None


def to_the_limit(obj) -> None:
    """Every bounded number of the object at the largest value its validators allow, saved."""
    for field in obj._meta.concrete_fields:
        numeric = isinstance(field, models.IntegerField | models.DecimalField) and not field.is_relation
        if numeric and not field.primary_key and (limit := largest(field)) is not None:
            setattr(obj, field.name, limit)
    obj.save()


def at(day: datetime.date, hour: int = 12) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=KEMEROVO)


@pytest.fixture
def extreme_world():
    host = HostLibraryFactory()
    partner = LibraryFactory(short_name="Крайняя библиотека")
    to_the_limit(partner)
    rows = [partner]
    rows.append(
        AgreementFactory(
            partner=partner, signed_on=FIRST, valid_until=FIRST, auto_prolongation=True, prolongation_years=10
        )
    )
    rows.append(AgreementFactory(partner=LibraryFactory(), signed_on=LAST, valid_until=LAST))
    for day in (FIRST, LAST):
        event = TelebridgeFactory(organiser=host, starts_at=at(day, 1), ends_at=at(day, 23), status=Status.HELD)
        rows += [event, ParticipationFactory(event=event, library=partner)]
        stop = ExhibitionStopFactory(
            exhibition=ExhibitionFactory(provider=partner, status=Status.HELD),
            venue=host,
            starts_on=day,
            ends_on=day,
            status=Status.HELD,
        )
        rows += [stop.exhibition, stop]
        contest = ContestFactory(organiser=host, submissions_from=day, submissions_until=day, results_on=day)
        rows += [contest, CuratorFactory(contest=contest, library=partner)]
        rows.append(EntryFactory(contest=contest, result="winner", public_consent=True))
        rows.append(EpisodeFactory(project=ProjectFactory(organiser=host), library=partner, published_on=day))
    rows.append(EventFactory(organiser=host, status=Status.POSTPONED, rescheduled_to=LAST))
    for row in rows:
        to_the_limit(row)
    return rows


def public_urls(client) -> list[str]:
    urls = ["/", "/events/", "/telebridges/", "/exhibitions/", "/contests/", "/partners/", "/agreements/"]
    urls += ["/search/?q=Крайняя", "/events/calendar.ics", "/events/feed/", "/sitemap.xml"]
    sitemap = client.get("/sitemap.xml").content.decode()
    urls += [loc.split("</loc>")[0].split("//", 1)[1].split("/", 1)[1] for loc in sitemap.split("<loc>")[1:]]
    return [u if u.startswith("/") else "/" + u for u in urls]


def test_every_public_page_answers_with_every_value_at_its_limit(client, extreme_world):
    urls = public_urls(client)
    assert len(urls) > 15
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_every_admin_page_answers_with_every_value_at_its_limit(admin_client, extreme_world):
    assert admin_client.get("/admin/").status_code == 200
    for model in admin.site._registry:
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert admin_client.get(changelist).status_code == 200, changelist
        if not opts.managed:  # a page without a table of its own («Удалённые записи»)
            continue
        for obj in model._default_manager.all()[:5]:
            change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            assert admin_client.get(change).status_code == 200, change


@pytest.mark.parametrize("year", [MIN_YEAR, 2026, MAX_YEAR])
def test_the_report_and_its_files_answer_with_every_value_at_its_limit(admin_client, extreme_world, year):
    assert admin_client.get(f"/reports/?year={year}").status_code == 200
    for fmt in ("xlsx", "csv", "docx"):
        response = admin_client.get(reverse(f"reports:{fmt}", args=[year, year]))
        assert response.status_code == 200, (year, fmt)
        assert response["Content-Disposition"].startswith("attachment"), (year, fmt)


def test_the_longest_prolongation_from_the_first_year_stays_within_the_calendar(extreme_world):
    agreement = Agreement.objects.get(signed_on=FIRST, prolongation_years=10)
    assert agreement.state_on(LAST)
    assert agreement.terms(LAST)[-1].end <= datetime.date(9999, 12, 31)


@pytest.mark.parametrize("organiser", ["abc", "99999999999999999999999", "-1", "1e5", "", "1; DROP TABLE x"])
def test_crafted_ids_in_an_admin_form_get_a_form_error(admin_client, organiser):
    HostLibraryFactory()
    response = admin_client.post(
        reverse("admin:events_event_add"),
        {
            "title": "Проверка",
            "slug": "proverka",
            "organiser": organiser,
            "starts_at_0": "01.01.0001",
            "participations-TOTAL_FORMS": "1",
            "participations-INITIAL_FORMS": "0",
            "participations-MIN_NUM_FORMS": "0",
            "participations-MAX_NUM_FORMS": "1000",
            "participations-0-library": organiser,
            "participations-0-participants_count": "99999999999999999999",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "organiser" in errors and "starts_at" in errors


@pytest.mark.parametrize("term", ["abc", "9" * 30, "' OR 1=1 --"])
def test_crafted_autocomplete_requests_answer_without_error(admin_client, term):
    HostLibraryFactory()
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "events", "model_name": "participation", "field_name": "library", "term": term},
    )
    assert response.status_code == 200
    for params in ({"app_label": "events", "model_name": "nope", "field_name": "library"}, {"term": term}):
        assert admin_client.get("/admin/autocomplete/", params).status_code in (403, 404)


def _lists(admin_client):
    """Every admin list of rows with its ChangeList, as the page built it."""
    for model in admin.site._registry:
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        response = admin_client.get(url)
        assert response.status_code == 200, url
        if "cl" in response.context:  # not «Удалённые записи», a page of its own
            yield model, url, response


def test_every_admin_list_filter_choice_answers_with_every_value_at_its_limit(admin_client, extreme_world):
    opened = 0
    for _model, url, response in _lists(admin_client):
        cl = response.context["cl"]
        for spec in cl.filter_specs:
            for choice in spec.choices(cl):
                assert admin_client.get(url + choice["query_string"]).status_code == 200, (url, choice)
                opened += 1
        if cl.date_hierarchy:  # the year, month and day links at the edges of the years the site accepts
            for day in (FIRST, LAST):
                field = cl.date_hierarchy
                query = f"?{field}__year={day.year}&{field}__month={day.month}&{field}__day={day.day}"
                assert admin_client.get(url + query).status_code == 200, (url, query)
    assert opened > 100


def test_every_autocomplete_answers_with_every_value_at_its_limit(admin_client, extreme_world):
    for model, model_admin in admin.site._registry.items():
        for each in [model_admin, *(inline(model, admin.site) for inline in model_admin.inlines)]:
            for field in each.autocomplete_fields:
                params = {
                    "app_label": each.model._meta.app_label,
                    "model_name": each.model._meta.model_name,
                    "field_name": field,
                }
                for term in ("", "Крайняя", "9" * 30):
                    response = admin_client.get("/admin/autocomplete/", {**params, "term": term})
                    assert response.status_code == 200, (params, term)


def test_every_admin_action_runs_on_rows_with_every_value_at_its_limit(admin_client, extreme_world):
    ran = 0
    for model, url, response in _lists(admin_client):
        form = response.context["action_form"]
        ids = list(model._default_manager.values_list("pk", flat=True))
        if form is None or not ids:
            continue
        for action, _label in form.fields["action"].choices:
            if action:
                answer = admin_client.post(url, {"action": action, "_selected_action": ids})
                assert answer.status_code in (200, 302), (url, action)  # a file, a confirmation page, or back
                ran += 1
    assert ran > 10
