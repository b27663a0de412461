"""Admin changelists must not issue a query per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories

BATCHES = {
    "agreements.library": lambda: factories.AgreementFactory().partner,
    "agreements.contact": factories.ContactFactory,
    "agreements.agreement": factories.AgreementFactory,
    "events.event": lambda: factories.ParticipationFactory().event,
    "events.participation": factories.ParticipationFactory,
    "events.episode": factories.EpisodeFactory,
    "events.project": factories.ProjectFactory,
    "exhibitions.exhibition": factories.ExhibitionFactory,
    "exhibitions.exhibitionstop": factories.ExhibitionStopFactory,
    "contests.contest": factories.ContestFactory,
    "contests.curator": factories.CuratorFactory,
    "contests.entry": factories.EntryFactory,
}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("label", BATCHES)
def test_changelist_query_count_does_not_grow_with_rows(client, superuser, label):
    app_label, model_name = label.split(".")
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    client.force_login(superuser)
    for _ in range(5):
        BATCHES[label]()
    with_five = count_queries(client, url)
    for _ in range(45):
        BATCHES[label]()
    with_fifty = count_queries(client, url)
    assert with_fifty == with_five
