"""Template helpers shared by every public page.

What a page repeats per row (an event card, a filter field, a status tag, an age mark) is rendered here in Python,
once per page with a loop, rather than through an `{% include %}` per row: the output is the same markup the
templates in `templates/includes/` describe, at a fraction of the cost.
"""

from django import template
from django.urls import reverse
from django.utils import dateformat, formats, timezone, translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
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


def library_link_html(library, partner_url) -> str:
    """`library_link` for a loop: `partner_url(slug)` builds the partner page's address without `reverse()`."""
    if library.is_host:
        return conditional_escape(library.short_name)
    return f'<a href="{partner_url(library.slug)}">{conditional_escape(library.short_name)}</a>'


def age_badge_html(rating: str) -> str:
    """includes/age_badge.html: the Federal Law 436-FZ age mark, with a spoken label for screen readers."""
    if not rating:
        return "\n"
    label = conditional_escape(_("Возрастная маркировка: %(rating)s") % {"rating": rating})
    rating = conditional_escape(rating)
    return (
        f'<span class="age-badge" title="{label}"><span class="visually-hidden">{label}</span>'
        f'<span aria-hidden="true">{rating}</span></span>\n'
    )


@register.simple_tag
def age_badge(rating: str):
    """The Federal Law 436-FZ age mark, with a spoken label for screen readers."""
    # Safe: every value escaped in age_badge_html.
    return mark_safe(age_badge_html(rating))  # nosec


def status_text(item) -> str:
    """includes/status_text.html: "отменено", "перенесено на 5 мая 2027", or "" for an activity that goes ahead."""
    if item.status == "cancelled":
        return _("отменено")
    if item.status != "postponed":
        return ""
    if item.rescheduled_to:
        return _("перенесено на %(date)s") % {"date": format_ru(item.rescheduled_to, "j E Y")}
    return _("перенесено, дата уточняется")


def status_tag_html(item) -> str:
    """includes/status_tag.html: a tag on a cancelled or postponed activity, nothing on the others."""
    if item.status not in ("cancelled", "postponed"):
        return "\n"
    return f'<span class="tag tag-called-off">{conditional_escape(status_text(item))}</span>\n'


@register.simple_tag
def status_tag(item):
    """{% status_tag event %}: what includes/status_tag.html renders, without an include."""
    # Safe: every value escaped in status_tag_html.
    return mark_safe(status_tag_html(item))  # nosec


def url_builder(viewname: str, marker: str = "slug-placeholder"):
    """A function key -> URL of `viewname`, reversing once: a card list links twenty pages of one pattern.

    The key is a slug or a number (then pass a number as `marker`); neither needs quoting in a path."""
    pattern = reverse(viewname, args=[marker])
    head, tail = pattern.split(marker)
    return lambda slug: f"{head}{slug}{tail}"


def choice_labels(choices) -> dict:
    """Value -> translated label, built once per page instead of once per row."""
    return {value: str(label) for value, label in choices}


@register.simple_tag
def event_cards(events):
    """The <li> items of an event card list: includes/event_card.html for each event, in one loop.

    `events` must have their organiser loaded and their sites prefetched (`events.views.as_cards()`, or
    `EventQuerySet.with_sites()`). tests/perf/test_event_list.py keeps the output equal to the template's.
    """
    events = list(events)
    if not events:
        return ""
    model = type(events[0])
    kinds, formats_ = choice_labels(model.Kind.choices), choice_labels(model.Format.choices)
    event_url, partner_url = url_builder("events:detail"), url_builder("agreements:partner_detail")
    kemerovo_time, organiser, sites = _("(время кемеровское)"), _("Организатор:"), _("Площадки:")
    telebridge = model.Kind.TELEBRIDGE
    parts = []
    with translation.override("ru"):
        for event in events:
            local = timezone.localtime(event.starts_at)
            extra = " event-card-telebridge" if event.kind == telebridge else ""
            cities = ", ".join(conditional_escape(p.library.city) for p in event.participations.all())
            site_line = f'\n  <p class="card-sites">{sites} {cities}</p>\n  ' if cities else ""
            title, kind = conditional_escape(event.title), conditional_escape(kinds.get(event.kind, event.kind))
            form = conditional_escape(formats_.get(event.format, event.format))
            parts.append(
                f'<li><article class="card event-card{extra}">\n'
                f'  <h3 class="card-title"><a href="{event_url(event.slug)}">{title}</a></h3>\n'
                f'  <p class="card-date"><time datetime="{local.isoformat()}">{dateformat.format(local, "j E Y, H:i")}'
                f'</time> <span class="muted">{kemerovo_time}</span></p>\n'
                f'  <p class="card-tags"><span class="tag">{kind}</span> <span class="tag">{form}</span> '
                f"{age_badge_html(event.age_rating)}{status_tag_html(event)}</p>\n"
                f'  <p class="card-org">{organiser} {library_link_html(event.organiser, partner_url)}</p>\n'
                f"  {site_line}\n</article>\n</li>"
            )
    # Safe: each part escaped where it is built above.
    return mark_safe("".join(parts))  # nosec


def _label_html(field) -> str:
    """BoundField.label_tag() for a field of a public filter form, without the label template."""
    form = field.form
    if hasattr(form, "required_css_class"):
        return field.label_tag()
    contents = conditional_escape(field.label)
    suffix = field.field.label_suffix if field.field.label_suffix is not None else form.label_suffix
    if suffix and contents and contents[-1] not in _(":?.!"):
        contents = f"{contents}{conditional_escape(suffix)}"
    widget = field.field.widget
    id_ = widget.attrs.get("id") or field.auto_id
    if not id_:
        return contents
    id_for_label = widget.id_for_label(id_)
    return (
        f'<label for="{conditional_escape(id_for_label)}">{contents}</label>'
        if id_for_label
        else f"<label>{contents}</label>"
    )


@register.simple_tag
def field_rows(form):
    """Every field of a filter form as includes/form_field.html renders one, in one loop."""
    parts = []
    for field in form:
        errors = field.errors
        invalid = " field-invalid" if errors else ""
        error_html = ""
        if errors:
            items = "".join(f'<p class="field-error">{conditional_escape(error)}</p>' for error in errors)
            error_html = f'<div id="{conditional_escape(field.auto_id)}_error">{items}</div>'
        parts.append(f'<div class="field{invalid}">\n  {_label_html(field)}\n  {field}\n  {error_html}\n</div>\n')
    # Safe: all escaped above.
    return mark_safe("".join(parts))  # nosec


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
