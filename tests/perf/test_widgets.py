"""The Python-rendered widgets give the same markup, options and selected state as Django's template widgets."""

from html.parser import HTMLParser

import pytest
from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from agreements.models import Library
from core.widgets import FastDateInput, FastSelect, FastTextInput
from tests.factories import LibraryFactory


class Elements(HTMLParser):
    """The document as (tag, attributes, text) for each element, in order: what a browser would build."""

    def __init__(self, markup: str):
        super().__init__()
        self.items: list[list] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.items.append([tag, sorted(attrs), ""])

    def handle_data(self, data):
        if self.items and data.strip():
            self.items[-1][2] += data.strip()


def options(markup: str) -> list[tuple]:
    """(value, label, selected, group) of every option."""
    found, group = [], None
    for tag, attrs, text in Elements(markup).items:
        attrs = dict(attrs)
        if tag == "optgroup":
            group = attrs["label"]
        if tag == "option":
            found.append((attrs["value"], text, "selected" in attrs, group))
    return found


CHOICES = [
    ("", "любой"),
    ("a&b", 'Кавычки " и <теги>'),
    ("webinar", gettext_lazy("вебинар")),
    ("safe", mark_safe("<b>уже размечено</b>")),
    ("Группа <1>", [("g1", "первый"), ("g2", "второй")]),
    (3, "число"),
]


@pytest.mark.parametrize("value", [None, "", "webinar", "a&b", "g2", "3", ["g1"], "нет такого"])
@pytest.mark.parametrize(
    "attrs", [None, {"id": "id_kind"}, {"id": "id_kind", "required": True, "aria-invalid": "true", "disabled": False}]
)
def test_fast_select_renders_what_djangos_select_renders(value, attrs):
    django_html = forms.Select(choices=CHOICES).render("kind", value, attrs=attrs)
    fast_html = FastSelect(choices=CHOICES).render("kind", value, attrs=attrs)

    assert fast_html == django_html
    assert options(fast_html) == options(django_html)
    assert Elements(fast_html).items[0] == Elements(django_html).items[0]


def test_fast_select_escapes_labels_values_and_group_names():
    markup = FastSelect(choices=CHOICES).render("kind", "a&b")

    assert '<option value="a&amp;b" selected>Кавычки &quot; и &lt;теги&gt;</option>' in markup
    assert '<optgroup label="Группа &lt;1&gt;">' in markup
    assert "<b>уже размечено</b>" in markup  # marked safe by its author, kept as markup as Django does


def test_fast_select_keeps_widget_attributes():
    widget = FastSelect(attrs={"class": "wide", "data-x": 'a"b'}, choices=CHOICES)

    assert widget.render("kind", None) == forms.Select(
        attrs={"class": "wide", "data-x": 'a"b'}, choices=CHOICES
    ).render("kind", None)


def test_only_the_first_matching_option_is_selected_as_in_django():
    choices = [("x", "первый"), ("x", "второй")]

    selected = [option for option in options(FastSelect(choices=choices).render("n", "x")) if option[2]]

    assert selected == [("x", "первый", True, None)]
    assert options(FastSelect(choices=choices).render("n", "x")) == options(
        forms.Select(choices=choices).render("n", "x")
    )


@pytest.mark.django_db
def test_model_choices_by_slug_render_as_in_django():
    LibraryFactory(short_name="Б & В", slug="b-v")
    LibraryFactory(short_name="<Школьная>", slug="school")

    def field(widget):
        return forms.ModelChoiceField(
            queryset=Library.objects.order_by("short_name"), to_field_name="slug", empty_label="любая", widget=widget
        )

    class Django(forms.Form):
        partner = field(forms.Select)

    class Fast(Django):
        partner = field(FastSelect)

    data = {"partner": "school"}

    assert str(Fast(data)["partner"]) == str(Django(data)["partner"])
    assert ("school", "<Школьная>", True, None) in options(str(Fast(data)["partner"]))


@pytest.mark.parametrize("value", [None, "", "сказки <b>", '"кавычки"'])
def test_fast_text_input_renders_what_djangos_renders(value):
    attrs = {"type": "search", "maxlength": 200}

    assert FastTextInput(attrs=attrs).render("q", value, attrs={"id": "id_q"}) == forms.TextInput(attrs=attrs).render(
        "q", value, attrs={"id": "id_q"}
    )


def test_fast_date_input_renders_what_djangos_renders():
    import datetime

    for value in [None, datetime.date(2030, 3, 10), "2030-03-10"]:
        fast = FastDateInput(format="%Y-%m-%d").render("d", value, attrs={"id": "id_d"})
        assert fast == forms.DateInput(format="%Y-%m-%d").render("d", value, attrs={"id": "id_d"})
