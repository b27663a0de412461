"""Template helpers shared by every public page."""

from django import template
from django.utils import formats, translation
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


def ru_plural_form(number: int, one: str, few: str, many: str) -> str:
    """Russian plural: 1 выставка, 2 выставки, 5 выставок, 21 выставка, 11 выставок."""
    n = abs(int(number))
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


@register.filter
def ru_plural(number, forms: str) -> str:
    """{{ n|ru_plural:"партнёр,партнёра,партнёров" }} → "5 партнёров"."""
    one, few, many = (form.strip() for form in forms.split(","))
    try:
        value = int(number)
    except (TypeError, ValueError):
        return ""
    return f"{value} {ru_plural_form(value, one, few, many)}"


@register.simple_tag
def library_link(library, text: str = "short_name"):
    """A library's name ("short_name" or "name"), linked to its public page when it has one.

    {% library_link event.organiser "name" %} — the host library has no public page, so it stays text.
    """
    label = getattr(library, text)
    url = library.public_url()
    return format_html('<a href="{}">{}</a>', url, label) if url else label


@register.inclusion_tag("includes/age_badge.html")
def age_badge(rating: str):
    """The Federal Law 436-FZ age mark, with a spoken label for screen readers."""
    return {"rating": rating, "label": _("Возрастная маркировка: %(rating)s") % {"rating": rating}}


def format_ru(value, fmt: str) -> str:
    """A date in Russian whatever language the request negotiated: the site speaks Russian."""
    with translation.override("ru"):
        return formats.date_format(value, fmt)


@register.filter(expects_localtime=True)
def ru_date(value, fmt: str = "j E Y, H:i") -> str:
    """{{ event.starts_at|ru_date }} → "25 ноября 2026, 14:00" (in the site's time zone)."""
    if not value:
        return ""
    return format_ru(value, fmt)
