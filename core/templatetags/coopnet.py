"""Template helpers shared by every public page.

What a page repeats per row (an event card, a filter field, a status tag, an age mark) is rendered here in Python,
once per page with a loop, rather than through an `{% include %}` per row, at a fraction of the cost. The markup is
written with `format_html()`, which escapes every value it is given: each piece of HTML is a literal here, and no
text reaches it unescaped. tests/perf/test_event_list.py pins the markup.
"""

from django import template
from django.urls import reverse
from django.utils import dateformat, formats, timezone, translation
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

register = template.Library()
# What an age mark or a status tag renders when there is none: the line break their templates end with.
NONE_HTML = mark_safe("\n")  # nosec: a literal


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


def library_link_html(library, partner_url) -> SafeString:
    """`library_link` for a loop: `partner_url(slug)` builds the partner page's address without `reverse()`."""
    if library.is_host:
        return conditional_escape(library.short_name)
    return format_html('<a href="{}">{}</a>', partner_url(library.slug), library.short_name)


AGE_BADGE = (
    '<span class="age-badge" title="{label}"><span class="visually-hidden">{label}</span>'
    '<span aria-hidden="true">{rating}</span></span>\n'
)


def age_badge_html(rating: str) -> SafeString:
    """The Federal Law 436-FZ age mark, with a spoken label for screen readers; a line break alone without one."""
    if not rating:
        return NONE_HTML
    label = _("Возрастная маркировка: %(rating)s") % {"rating": rating}
    return format_html(AGE_BADGE, label=label, rating=rating)


@register.simple_tag
def age_badge(rating: str):
    """The Federal Law 436-FZ age mark, with a spoken label for screen readers."""
    return age_badge_html(rating)


def status_text(item) -> str:
    """includes/status_text.html: "отменено", "перенесено на 5 мая 2027", or "" for an activity that goes ahead."""
    if item.status == "cancelled":
        return _("отменено")
    if item.status != "postponed":
        return ""
    if item.rescheduled_to:
        return _("перенесено на %(date)s") % {"date": format_ru(item.rescheduled_to, "j E Y")}
    return _("перенесено, дата уточняется")


def status_tag_html(item) -> SafeString:
    """includes/status_tag.html: a tag on a cancelled or postponed activity, nothing on the others."""
    if item.status not in ("cancelled", "postponed"):
        return NONE_HTML
    return format_html('<span class="tag tag-called-off">{}</span>\n', status_text(item))


@register.simple_tag
def status_tag(item):
    """{% status_tag event %}: what includes/status_tag.html renders, without an include."""
    return status_tag_html(item)


def url_builder(viewname: str, marker: str = "slug-placeholder"):
    """A function key -> URL of `viewname`, reversing once: a card list links twenty pages of one pattern.

    The key is a slug or a number (then pass a number as `marker`); neither needs quoting in a path."""
    pattern = reverse(viewname, args=[marker])
    head, tail = pattern.split(marker)
    return lambda slug: f"{head}{slug}{tail}"


def choice_labels(choices) -> dict:
    """Value -> translated label, built once per page instead of once per row."""
    return {value: str(label) for value, label in choices}


# One event card, as its list item (home page, /events/, /telebridges/).
EVENT_CARD = (
    '<li><article class="card event-card{extra}">\n'
    '  <h3 class="card-title"><a href="{url}">{title}</a></h3>\n'
    '  <p class="card-date"><time datetime="{iso}">{date}</time> <span class="muted">{kemerovo_time}</span></p>\n'
    '  <p class="card-tags"><span class="tag">{kind}</span> <span class="tag">{form}</span> {age}{status}</p>\n'
    '  <p class="card-org">{organiser} {library}</p>\n'
    "  {sites}\n</article>\n</li>"
)
EVENT_CARD_SITES = '\n  <p class="card-sites">{} {}</p>\n  '
TELEBRIDGE_CLASS, NO_CLASS = mark_safe(" event-card-telebridge"), mark_safe("")  # nosec: literals


@register.simple_tag
def event_cards(events):
    """The <li> items of an event card list (`EVENT_CARD` for each event), in one loop.

    `events` must have their organiser loaded and their sites prefetched (`events.views.as_cards()`, or
    `EventQuerySet.with_sites()`). tests/perf/test_event_list.py pins the markup.
    """
    events = list(events)
    if not events:
        return ""
    model = type(events[0])
    # What many cards repeat is escaped once per list: labels, kinds and formats, age marks, organisers' links.
    kinds = {value: conditional_escape(label) for value, label in choice_labels(model.Kind.choices).items()}
    formats_ = {value: conditional_escape(label) for value, label in choice_labels(model.Format.choices).items()}
    kemerovo_time, organiser, sites = map(
        conditional_escape, (_("(время кемеровское)"), _("Организатор:"), _("Площадки:"))
    )
    event_url, partner_url = url_builder("events:detail"), url_builder("agreements:partner_detail")
    badges, links = {}, {}
    telebridge = model.Kind.TELEBRIDGE
    parts = []
    with translation.override("ru"):
        for event in events:
            local = timezone.localtime(event.starts_at)
            cities = ", ".join(p.library.city for p in event.participations.all())  # escaped by format_html()
            if event.age_rating not in badges:
                badges[event.age_rating] = age_badge_html(event.age_rating)
            if event.organiser_id not in links:
                links[event.organiser_id] = library_link_html(event.organiser, partner_url)
            parts.append(
                format_html(
                    EVENT_CARD,
                    extra=TELEBRIDGE_CLASS if event.kind == telebridge else NO_CLASS,
                    url=event_url(event.slug),
                    title=event.title,
                    iso=local.isoformat(),
                    date=dateformat.format(local, "j E Y, H:i"),
                    kemerovo_time=kemerovo_time,
                    kind=kinds.get(event.kind, event.kind),
                    form=formats_.get(event.format, event.format),
                    age=badges[event.age_rating],
                    status=status_tag_html(event),
                    organiser=organiser,
                    library=links[event.organiser_id],
                    sites=format_html(EVENT_CARD_SITES, sites, cities) if cities else "",
                )
            )
    # Safe: each part is format_html()'s output.
    return mark_safe("".join(parts))  # nosec


def _label_html(field) -> SafeString:
    """BoundField.label_tag() for a field of a public filter form, without the label template."""
    form = field.form
    if hasattr(form, "required_css_class"):
        return field.label_tag()
    contents = conditional_escape(field.label)
    suffix = field.field.label_suffix if field.field.label_suffix is not None else form.label_suffix
    if suffix and contents and contents[-1] not in _(":?.!"):
        contents = format_html("{}{}", contents, suffix)
    widget = field.field.widget
    id_ = widget.attrs.get("id") or field.auto_id
    if not id_:
        return contents
    id_for_label = widget.id_for_label(id_)
    if id_for_label:
        return format_html('<label for="{}">{}</label>', id_for_label, contents)
    return format_html("<label>{}</label>", contents)


FIELD_ROW = '<div class="field{}">\n  {}\n  {}\n  {}\n</div>\n'


@register.simple_tag
def field_rows(form):
    """Every field of a filter form: its label, its widget and its errors (tied to it by id), in one loop."""
    parts = []
    for field in form:
        errors = field.errors
        error_html = ""
        if errors:
            items = format_html_join("", '<p class="field-error">{}</p>', ((error,) for error in errors))
            error_html = format_html('<div id="{}_error">{}</div>', field.auto_id, items)
        parts.append(format_html(FIELD_ROW, " field-invalid" if errors else "", _label_html(field), field, error_html))
    # Safe: each part is format_html()'s output.
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
