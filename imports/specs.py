"""The columns of each registry staff import from CSV or XLSX, registered with tabular.

Libraries are named by their short name («краткое название»), as the admin lists them: an agreement's partner, an
event's organiser and its participating libraries. What a file does not carry is filled in here: slugs from the
names, an agreement's first party (the host library), an event's organiser row. Each registry says which rows are
already stored (`identity`): a library by its short name, an agreement by its partner, number and date of signing,
an event by its title, start and organiser.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement, Library
from core.timezones import place_name, zone_from_text
from events.models import Event, Participation, with_organiser_row
from tabular import ImportSpec, register
from tabular.columns import Column, Reference, References


class TimeZone(Column):
    """A library's time zone, named as people name it: a city («Кемерово»), or the place as the admin writes it
    («Кемерово, Новокузнецк»); written out the same way, never by its IANA name."""

    hint = _("город с тем же временем, например «Кемерово», «Москва» или «Усть-Каменогорск»")

    def parse(self, text):
        zone = zone_from_text(text)
        if zone is None:
            raise ValidationError(
                _("«%(value)s» — неизвестный часовой пояс. Укажите город с тем же временем, например «Кемерово»."),
                params={"value": str(text)[:60]},
            )
        return zone

    def export(self, instance):
        zone = getattr(instance, self.name)
        return place_name(zone) or zone if zone else ""


def _has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())


def prepare_agreement(agreement: Agreement, context) -> None:
    host = context.once("host", Library.host)
    if host is None:
        raise ValidationError(_("Сначала добавьте нашу библиотеку (отметка «наша библиотека»): она первая сторона."))
    agreement.host = host


def event_slug_text(event: Event) -> str:
    day = f" {event.starts_at:%Y-%m-%d}" if event.starts_at else ""
    return f"{event.title}{day}"


def complete_event(event: Event, rows: list) -> list:
    """The organiser's own participation row, as the admin adds it after saving an event: the one rule
    (`events.models.with_organiser_row`) over the file's rows."""
    return with_organiser_row(event, rows)


LIBRARIES = ImportSpec(
    model=Library,
    file_name="libraries",
    preview=("city", "country", "kind"),
    identity=("short_name",),  # compared in normal() form: case, «ё» and spaces aside
    slug_from=lambda library: library.short_name,
    columns=[
        "short_name",
        "name",
        "named_after",
        "kind",
        "country",
        "region",
        "city",
        TimeZone("timezone"),
        "latitude",
        "longitude",
        "website",
        "address",
        "description",
    ],
)


def _agreement_columns() -> list:
    """The agreement's columns; fields a version of the model may lack are left out."""
    columns = [
        Reference("partner", "short_name", queryset=lambda: Library.objects.filter(is_host=False)),
        "number",
        "title",
        "signed_on",
        "signed_at",
        "valid_from",
        "valid_until",
        "auto_prolongation",
        "prolongation_years",
        "notice_days",
        References("directions", "name"),
        "host_signatory",
        "host_signatory_position",
        "partner_signatory",
        "partner_signatory_position",
        "status",
        "terminated_on",
        "termination_notice_on",
        "termination_initiator",
        "termination_reason",
        "is_public",
        "notes",
    ]
    if _has_field(Agreement, "host_responsible"):
        staff = lambda: get_user_model().objects.filter(is_active=True, is_staff=True)  # noqa: E731
        columns.insert(columns.index("is_public"), Reference("host_responsible", "username", queryset=staff))
    return [c for c in columns if not isinstance(c, str) or _has_field(Agreement, c)]


EVENTS_COLUMNS = [
    "title",
    "kind",
    "format",
    "scope",
    Reference("organiser", "short_name"),
    References(
        "libraries",
        "short_name",
        _("библиотеки-площадки"),
        through_defaults={"role": Participation.Role.SITE},
    ),
    "starts_at",
    "ends_at",
    "status",
    "rescheduled_to",
    "audience",
    "age_rating",
    "target_group",
    "venue",
    "location",
    "online_url",
    "recording_url",
    "description",
    "participants_count",
    "online_viewers",
    "results",
    "is_published",
]


def register_all() -> None:
    register(LIBRARIES)
    register(
        ImportSpec(
            model=Agreement,
            file_name="agreements",
            columns=_agreement_columns(),
            identity=("partner", "number", "signed_on"),
            prepare=prepare_agreement,
            select_related=("partner",),
            prefetch_related=("directions",),
            preview=("partner", "signed_on", "valid_until", "status"),
        )
    )
    register(
        ImportSpec(
            model=Event,
            file_name="events",
            columns=EVENTS_COLUMNS,
            identity=("title", "starts_at", "organiser"),
            slug_from=event_slug_text,
            complete=complete_event,
            select_related=("organiser",),
            prefetch_related=("libraries",),
            preview=("starts_at", "organiser", "libraries", "status"),
        )
    )
