"""No list filter, autocomplete request or action, however crafted, makes the admin answer with a server error.

The tests/site/test_fuzz.py of the admin: every registered list with query strings built from its own filters'
parameters (and the date hierarchy's, search, ordering, paging), the autocomplete view with any term for any
field, and every list's actions on ids of any shape; a world where each list has rows to filter and act on."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
from django.contrib import admin
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.admin.test_pages import FACTORIES
from tests.factories import AgreementFactory, ContestFactory, CuratorFactory, EventFactory, ParticipationFactory

pytestmark = pytest.mark.django_db

JUNK = [
    "",
    "0",
    "1",
    "-1",
    "2",
    "abc",
    "1e5",
    "1.5",
    "9" * 20,
    "-" + "9" * 20,
    "99999999999",
    "2030",
    "2030-02-30",
    "9999-12-31",
    "0001-01-01",
    "True",
    "False",
    "None",
    "null",
    "__all__",
    "planned",
    "awaiting",
    "held",
    "upcoming",
    "in_force",
    "RU",
    "' OR 1=1 --",
    "%",
    "_",
    "\\",
    "[",
    "(",
    "a" * 500,
    "\x00",
    "\x0b",
    "‮",
    "🐉" * 20,
    "сказки",
    "1,2,3",
    "-title",
    "0.1.2",
]
values = st.one_of(st.sampled_from(JUNK), st.text(max_size=60), st.integers(-(10**20), 10**20).map(str))
# What every changelist reads besides its filters: search, ordering, paging, the error marker, facets, popups.
LIST_PARAMS = ["q", "o", "p", "e", "all", "_facets", "_popup", "_to_field", "_changelist_filters"]


def _label(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


MODELS = sorted(admin.site._registry, key=_label)


def changelist(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


@dataclass
class World:
    """Each list's own filter parameters, actions and a few of its ids, read once before any fuzzing: what the
    examples draw from must not change as earlier examples delete or copy rows."""

    params: dict = field(default_factory=dict)
    actions: dict = field(default_factory=dict)
    ids: dict = field(default_factory=dict)

    def lists(self) -> list:
        return sorted(self.params, key=_label)


@pytest.fixture
def world(admin_client, host):
    for factory in FACTORIES.values():
        factory()
    event = EventFactory(organiser=host)
    ParticipationFactory(event=event)
    CuratorFactory(contest=ContestFactory())
    AgreementFactory()
    found = World()
    for model in MODELS:
        response = admin_client.get(changelist(model))
        assert response.status_code == 200, model
        if "cl" not in response.context:  # a page of its own, not a list of rows («Удалённые записи»)
            continue
        cl = response.context["cl"]
        names = [name for spec in cl.filter_specs for name in spec.expected_parameters()]
        if cl.date_hierarchy:
            names += [f"{cl.date_hierarchy}__{part}" for part in ("year", "month", "day")]
        found.params[model] = names + LIST_PARAMS
        form = response.context["action_form"]  # None for a list without actions
        found.actions[model] = [name for name, _label in form.fields["action"].choices if name] if form else [""]
        found.ids[model] = [str(pk) for pk in model._default_manager.values_list("pk", flat=True)[:3]] or ["1"]
    admin_client.raise_request_exception = False
    return found


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_crafted_list_filters_never_cause_a_server_error(admin_client, world, data):
    model = data.draw(st.sampled_from(world.lists()))
    names = st.one_of(st.sampled_from(world.params[model]), st.text(max_size=12))
    query = data.draw(st.lists(st.tuples(names, values), max_size=5))

    response = admin_client.get(f"{changelist(model)}?{urlencode(query)}")

    assert response.status_code < 500, (model, query)


def _fields_with_autocomplete():
    """(app_label, model_name, field_name) of every autocomplete field of every admin, inlines included."""
    found = []
    for model, model_admin in admin.site._registry.items():
        admins = [model_admin, *(inline(model, admin.site) for inline in model_admin.inlines)]
        for each in admins:
            found += [(each.model._meta.app_label, each.model._meta.model_name, f) for f in each.autocomplete_fields]
    return sorted(set(found))


AUTOCOMPLETE = _fields_with_autocomplete()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    field=st.one_of(st.sampled_from(AUTOCOMPLETE), st.tuples(values, values, values)),
    term=values,
    page=values,
    extra=st.lists(st.tuples(st.sampled_from(["term", "page", "app_label", "q"]), values), max_size=2),
)
def test_crafted_autocomplete_requests_never_cause_a_server_error(admin_client, world, field, term, page, extra):
    app_label, model_name, field_name = field
    query = [("app_label", app_label), ("model_name", model_name), ("field_name", field_name)]
    query += [("term", term), ("page", page), *extra]

    response = admin_client.get(f"{reverse('admin:autocomplete')}?{urlencode(query)}")

    assert response.status_code < 500, query


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_crafted_actions_never_cause_a_server_error(admin_client, world, data):
    model = data.draw(st.sampled_from(world.lists()))
    action = data.draw(st.one_of(st.sampled_from(world.actions[model]), values))
    selected = data.draw(st.lists(st.one_of(st.sampled_from(world.ids[model]), values), max_size=4))
    post = {
        "action": action,
        "_selected_action": selected,
        "select_across": data.draw(st.sampled_from(["0", "1", "", "abc"])),
        "index": data.draw(st.sampled_from(["0", "1", "-1", "abc"])),
    }
    if data.draw(st.booleans()):
        post["post"] = "yes"  # a confirmed delete

    response = admin_client.post(changelist(model), post)

    assert response.status_code < 500, (model, post)
