"""What the admin pages must never say, and one row of each admin model to open them on."""

import datetime
import importlib
import importlib.util
import json
import re
from html import unescape

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from factory.django import DjangoModelFactory

from adminkit.grammar import MASCULINE, NOUNS
from tests import factories

# Django's English app names, as the index, app pages and breadcrumbs would show them.
ENGLISH_APP_NAMES = re.compile(
    r"\b(AGREEMENTS|Agreements|EVENTS|Events|CONTESTS|Contests|EXHIBITIONS|Exhibitions|REPORTS|Reports"
    r"|REMINDERS|Reminders|HISTORY|History|IMPORTS|Imports|AUTHENTICATION|Authentication)\b"
)
# Django's Russian that pastes a nominative or the wrong gender: «Добавить еще один Контактное лицо»,
# «… был успешно добавлен». «Добавить ещё один конкурс» is right for a masculine noun (checked per noun below).
BROKEN = re.compile(r"Добавить еще один|был успешно|были успешно|был изменен|успешно удалены")
VERBS = ["Добавить", "Изменить", "Удалить", "Просмотреть", "Выберите", "Нельзя удалить"]


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", html)


def inline_add_links(html: str) -> list[str]:
    """The «add another» links of the page's inlines, as Django's inlines.js will write them."""
    found = re.findall(r'data-inline-formset="([^"]*)"', html)
    return [json.loads(unescape(data))["options"]["addText"] for data in found]


def problems_in(html: str) -> list[str]:
    """What on the page is English or ungrammatical."""
    found = [match.group(0) for match in ENGLISH_APP_NAMES.finditer(visible_text(html))]
    found += [match.group(0) for text in [html, *inline_add_links(html)] for match in BROKEN.finditer(text)]
    lowered = html.lower()
    for label, noun in NOUNS.items():
        plural = apps.get_model(label)._meta.verbose_name_plural if noun.animate else None
        if plural and f"Удалить выбранные {plural}".lower() in lowered:
            found.append(f"Удалить выбранные {plural}")
        if noun.gender != MASCULINE and f"ещё один {noun.nominative}".lower() in lowered:
            found.append(f"ещё один {noun.nominative}")
        if str(noun.accusative) == str(noun.nominative):
            continue
        found += [f"{verb} {noun.nominative}" for verb in VERBS if f"{verb} {noun.nominative}".lower() in lowered]
    return found


def make_group():
    return Group.objects.create(name="Волонтёры")


def make_reminder():
    agreement = factories.AgreementFactory()
    from reminders.models import Reminder

    return Reminder.objects.create(
        kind=Reminder.Kind.DORMANT,
        content_type=ContentType.objects.get_for_model(agreement),
        object_id=agreement.pk,
        due_on=datetime.date(2026, 12, 1),
        text="Соглашение бездействует",
        subject="Напоминания coopnet",
        recipients="alice@example.org",
        sent_at=timezone.now(),
    )


def make_amendment():
    agreement = factories.AgreementFactory()
    return agreement.amendments.create(number="1", signed_on=datetime.date(2021, 1, 15), summary="Продление")


def make_access(model_name):
    def make():
        model = apps.get_model("axes", model_name)
        fields = {"user_agent": "Mozilla/5.0", "ip_address": "192.0.2.1", "username": "alice", "path_info": "/admin/"}
        if model_name == "AccessAttempt":
            fields.update(get_data="", post_data="", failures_since_start=2)
        return model.objects.create(**fields)

    return make


MAKERS = {
    "auth.group": make_group,
    "axes.accessattempt": make_access("AccessAttempt"),
    "axes.accessfailurelog": make_access("AccessFailureLog"),
    "axes.accesslog": make_access("AccessLog"),
    "reminders.reminder": make_reminder,
    "agreements.amendment": make_amendment,
}
# Models whose admin lists what is not a row of their own (deleted records of other models).
WITHOUT_ROWS = {"history.deletedrecord"}


def maker_for(model):
    """The row builder of a model: one of MAKERS, or its factory in tests/factories.py or in its own app's
    factories module (a test-only kind keeps its factories in its folder, tests/kinds)."""
    label = model._meta.label_lower
    if label in MAKERS:
        return MAKERS[label]
    modules = [factories]
    if importlib.util.find_spec(f"{model._meta.app_config.name}.factories") is not None:
        modules.append(importlib.import_module(f"{model._meta.app_config.name}.factories"))
    for candidate in (value for module in modules for value in vars(module).values()):
        is_factory = isinstance(candidate, type) and issubclass(candidate, DjangoModelFactory)
        if is_factory and candidate._meta.model is model:
            return candidate
    return None
