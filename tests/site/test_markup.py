"""Pages must work under a strict Content-Security-Policy: no inline code, handlers or styles."""

import re

import pytest
from django.urls import reverse

from tests.factories import (
    EpisodeFactory,
    ParticipationFactory,
    PersonFactory,
    ProjectFactory,
    TelebridgeFactory,
)

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
# A tag whose attribute list (quoted values skipped) holds an on...= attribute.
HANDLER = re.compile(
    r"""<[a-zA-Z][\w-]*(?:\s+[\w:.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*?\s+on[a-z]+\s*=""", re.I
)


def assert_csp_friendly(html):
    assert " style=" not in html
    assert " onclick=" not in html
    assert not HANDLER.search(html), HANDLER.search(html).group(0)
    assert "<style" not in html
    assert "javascript:" not in html
    for attributes, body in SCRIPT.findall(html):
        if 'type="application/ld+json"' in attributes:
            continue
        assert "src=" in attributes, attributes
        assert body.strip() == "", body[:80]


@pytest.fixture
def pages(kemerovo, moscow):
    event = TelebridgeFactory(title="Телемост", description="Описание")
    ParticipationFactory(event=event, library=moscow)
    event.guests.add(PersonFactory())
    project = ProjectFactory()
    EpisodeFactory(project=project, video_url="https://example.org/v")
    return [
        reverse("site:home"),
        reverse("events:list"),
        reverse("events:list") + "?kind=nope&date_from=x",
        reverse("events:telebridges"),
        reverse("events:detail", args=[event.slug]),
        reverse("events:project", args=[project.slug]),
        reverse("site:accessibility"),
        reverse("site:accessibility_set") + "?font=huge",
    ]


def test_pages_have_no_inline_script_style_or_handlers(client, pages):
    for url in pages:
        response = client.get(url)
        assert response.status_code in {200, 400}, url
        assert_csp_friendly(response.content.decode())


def test_also_in_low_vision_mode(client, pages):
    client.get(reverse("site:accessibility_set"), {"font": "large", "scheme": "wb", "images": "off"})
    for url in pages:
        assert_csp_friendly(client.get(url).content.decode())


def test_layout_has_landmarks_skip_link_and_one_h1(client, pages):
    for url in pages:
        html = client.get(url).content.decode()
        assert '<a class="skip-link" href="#main">' in html
        assert '<main id="main"' in html
        assert "<header" in html and "<nav" in html and "<footer" in html
        assert html.count("<h1") == 1, url


def test_headings_start_with_h1_and_do_not_skip_levels(client, pages):
    client.get(reverse("site:accessibility_set"), {"font": "large"})  # the panel sits above the page heading
    for url in pages:
        levels = [int(level) for level in re.findall(r"<h([1-6])\b", client.get(url).content.decode())]
        assert levels[0] == 1, (url, levels)
        for previous, current in zip(levels, levels[1:], strict=False):
            assert current <= previous + 1, (url, levels)


def test_every_form_field_has_a_label(client, pages):
    for url in pages:
        html = client.get(url).content.decode()
        for field_id in re.findall(r'<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"', html):
            assert f'for="{field_id}"' in html, (url, field_id)
        for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", html):
            if 'type="hidden"' not in tag:
                assert " id=" in tag, (url, tag)


def test_markup_in_titles_is_shown_as_text_not_run(client):
    event = TelebridgeFactory(title="Телемост <b onclick=x>", description='<img src=x onerror="alert(1)">')

    html = client.get(reverse("events:detail", args=[event.slug])).content.decode()

    assert not HANDLER.search(html)
    assert "&lt;b onclick=x&gt;" in html
