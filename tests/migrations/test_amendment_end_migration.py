"""Amendments entered before the end they replaced was kept get it from the agreement's own versions."""

import datetime

import pytest
from django.utils import timezone

from tests.migrations.helpers import apps_at, migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("agreements", "0011_timezone_help"), ("history", "0011_timezone_help")]
AFTER = [("agreements", "0012_amendment_previous_valid_until"), ("history", "0012_amendment_previous_valid_until")]
D = datetime.date


@pytest.fixture
def old_apps():
    with apps_at(BEFORE) as apps:
        yield apps


def _library(Library, slug, is_host=False):
    return Library.objects.create(
        name=slug,
        short_name=slug,
        region="Регион",
        city="Город",
        timezone="Asia/Novokuznetsk",
        slug=slug,
        is_host=is_host,
    )


def test_the_end_an_old_amendment_replaced_is_read_from_the_agreements_versions(old_apps):
    Library = old_apps.get_model("agreements", "Library")
    Agreement = old_apps.get_model("agreements", "Agreement")
    Amendment = old_apps.get_model("agreements", "Amendment")
    Historical = old_apps.get_model("history", "HistoricalAgreement")
    host, partner = _library(Library, "host", is_host=True), _library(Library, "partner")
    agreement = Agreement.objects.create(
        host=host, partner=partner, number="7", signed_on=D(2020, 10, 20), valid_until=D(2026, 12, 31)
    )
    fields = {f.attname: getattr(agreement, f.attname) for f in Agreement._meta.concrete_fields}
    moment = timezone.now() - datetime.timedelta(days=30)
    for shift, (until, reason) in enumerate(
        [(D(2023, 10, 20), None), (D(2026, 12, 31), "Дополнительное соглашение № 1 от 01.09.2023")]
    ):
        Historical.objects.create(
            **{**fields, "valid_until": until},
            history_date=moment + datetime.timedelta(days=shift),
            history_type="+" if not shift else "~",
            history_change_reason=reason,
        )
    amended = Amendment.objects.create(
        agreement=agreement, number="1", signed_on=D(2023, 9, 1), new_valid_until=D(2026, 12, 31)
    )
    directions_only = Amendment.objects.create(agreement=agreement, number="2", signed_on=D(2024, 1, 1))

    new_apps = migrate(AFTER)
    Amendment = new_apps.get_model("agreements", "Amendment")
    assert Amendment.objects.get(pk=amended.pk).previous_valid_until == D(2023, 10, 20)
    assert Amendment.objects.get(pk=directions_only.pk).previous_valid_until is None
