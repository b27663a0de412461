"""The status tag rendered in Python (`{% status_tag %}`, the lists) and by includes/status_tag.html (the detail
pages) say the same, escaped the same."""

import datetime
from types import SimpleNamespace

import pytest
from django.template import Context, Template

from core.templatetags.coopnet import age_badge_html

ITEMS = [
    SimpleNamespace(status="planned", rescheduled_to=None),
    SimpleNamespace(status="held", rescheduled_to=None),
    SimpleNamespace(status="cancelled", rescheduled_to=None),
    SimpleNamespace(status="postponed", rescheduled_to=None),
    SimpleNamespace(status="postponed", rescheduled_to=datetime.date(2030, 4, 1)),
]


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: f"{item.status}-{item.rescheduled_to}")
def test_the_tag_and_the_include_render_the_same(item):
    context = Context({"item": item})
    tag = Template("{% load coopnet %}{% status_tag item %}").render(context)
    include = Template('{% include "includes/status_tag.html" with item=item %}').render(context)

    assert tag.strip() == include.strip()


def test_the_tags_words():
    rendered = [str(Template("{% load coopnet %}{% status_tag item %}").render(Context({"item": i}))) for i in ITEMS]

    assert rendered == [
        "\n",
        "\n",
        '<span class="tag tag-called-off">отменено</span>\n',
        '<span class="tag tag-called-off">перенесено, дата уточняется</span>\n',
        '<span class="tag tag-called-off">перенесено на 1 апреля 2030</span>\n',
    ]


def test_an_age_mark_is_escaped_and_spoken():
    assert age_badge_html('6+"<') == (
        '<span class="age-badge" title="Возрастная маркировка: 6+&quot;&lt;"><span class="visually-hidden">'
        'Возрастная маркировка: 6+&quot;&lt;</span><span aria-hidden="true">6+&quot;&lt;</span></span>\n'
    )
    assert age_badge_html("") == "\n"
