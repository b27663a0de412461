"""«Итоги»: what came of an event, on its page once staff have written it."""

import pytest
from django.urls import reverse

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def html_of(client, event):
    response = client.get(reverse("events:detail", args=[event.slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_results_follow_the_description_with_their_paragraphs(client):
    event = EventFactory(description="О встрече.", results="Пришли сорок читателей.\n\nРешили встретиться весной.")

    html = html_of(client, event)

    assert '<h2 id="results-title">Итоги</h2>' in html
    assert "<p>Пришли сорок читателей.</p>\n\n<p>Решили встретиться весной.</p>" in html
    assert html.index("О встрече.") < html.index("Итоги") < html.index("Пришли сорок читателей.")


def test_results_are_escaped(client):
    html = html_of(client, EventFactory(results='<script>alert("итоги")</script>'))

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;итоги&quot;)&lt;/script&gt;" in html


def test_no_results_section_until_they_are_written(client):
    assert "results-title" not in html_of(client, EventFactory(results=""))
