"""Exhibitions as a kind of joint activity (`core.kinds`): the provider and the venues of its stops take part.
Registered in `ExhibitionsConfig.ready()`."""

from django.db.models import Max, Min, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.kinds import (
    ActivityKind,
    Hit,
    ListedItem,
    NavLink,
    PartnerSideList,
    SearchSection,
    SitemapSection,
    StaffList,
    TimelineItem,
    passed_between,
    snippet,
)
from core.models import AWAITING_CONFIRMATION, Status
from core.templatetags.coopnet import choice_labels

from .models import Exhibition, ExhibitionStop

STATUS = ("status", "rescheduled_to")
STOPS = ("остановка выставки", "остановки выставок", "остановок выставок")
EXHIBITIONS = ("выставка", "выставки", "выставок")


def stop_note(stop) -> str:
    first, last = formats.date_format(stop.starts_on, "d.m.Y"), formats.date_format(stop.ends_on, "d.m.Y")
    return f"{stop.venue.short_name}, {first}–{last}"


def stop_list(rows, params) -> StaffList:
    rows = rows.select_related("exhibition", "venue").order_by("-ends_on", "pk")
    title = _("Остановки выставок")
    return StaffList(
        "stops", title, STOPS, ExhibitionStop, rows, params, label=lambda s: s.exhibition.title, note=stop_note
    )


class ExhibitionKind(ActivityKind):
    key = "exhibitions"
    model = Exhibition
    title = gettext_lazy("Выставки")
    count_forms = ("выставка", "выставки", "выставок")
    position = 20
    credit_prefetch = ("stops",)
    nav = (NavLink("exhibitions:list", gettext_lazy("Выставки"), "exhibitions"),)

    def timeline(self, library):
        provided = (
            Exhibition.objects.public()
            .filter(provider=library)
            .annotate(first_day=Min("stops__starts_on"))
            .select_related(None)
            .only("title", "slug", "age_rating", "created_at", *STATUS)
        )
        items = [
            TimelineItem(
                kind=_("выставка"),
                role=_("предоставила выставку"),
                title=exhibition.title,
                url=exhibition.get_absolute_url(),
                date=exhibition.first_day or timezone.localdate(exhibition.created_at),
                age_rating=exhibition.age_rating,
                status=exhibition.status,
                rescheduled_to=exhibition.rescheduled_to,
            )
            for exhibition in provided
        ]
        stops = (
            ExhibitionStop.objects.public()
            .filter(venue=library)
            .select_related("exhibition")
            .only(
                "starts_on", "ends_on", "exhibition__title", "exhibition__slug", "exhibition__age_rating",
                *STATUS, *(f"exhibition__{name}" for name in STATUS),
            )
        )  # fmt: skip
        items += [
            TimelineItem(
                kind=_("выставка"),
                role=_("принимала выставку"),
                title=stop.exhibition.title,
                url=stop.exhibition.get_absolute_url(),
                date=stop.starts_on,
                end=stop.ends_on,
                age_rating=stop.exhibition.age_rating,
                # A stop stands as its exhibition when that was called off as a whole.
                status=stop.stands_as.status,
                rescheduled_to=stop.stands_as.rescheduled_to,
            )
            for stop in stops
        ]
        return items

    def agreement_queryset(self):
        return Exhibition.objects.public().annotate(first_day=Min("stops__starts_on")).order_by("-first_day", "title")

    def agreement_item(self, exhibition):
        return ListedItem(
            title=exhibition.title,
            url=exhibition.get_absolute_url(),
            date=exhibition.first_day,
            library=exhibition.provider,
            age_rating=exhibition.age_rating,
        )

    def search_sections(self):
        def hits():
            kinds = choice_labels(Exhibition.Kind.choices)

            def hit(exhibition):
                return Hit(
                    title=exhibition.title,
                    url=exhibition.get_absolute_url(),
                    meta=f"{kinds.get(exhibition.kind, exhibition.kind)} · {exhibition.provider.short_name}",
                    snippet=snippet(exhibition.description),
                    age_rating=exhibition.age_rating,
                )

            return hit

        return [
            SearchSection(
                "exhibitions",
                gettext_lazy("Выставки"),
                "выставка,выставки,выставок",
                ["title", "description"],
                lambda: Exhibition.objects.public(),
                ["title"],
                hits,
                position=20,
            )
        ]

    def sitemap_sections(self):
        return [
            SitemapSection(
                "exhibitions:detail",
                lambda: Exhibition.objects.public().order_by("title", "pk").values_list("slug", "updated_at"),
                position=20,
            )
        ]

    def awaiting(self, today):
        return [stop_list(ExhibitionStop.objects.awaiting_confirmation(today), {"status": AWAITING_CONFIRMATION})]

    def newly_awaiting(self, since, today):
        rows = passed_between(Exhibition.objects.all(), since, today).annotate(last_day=Max("stops__ends_on"))
        return [(exhibition, exhibition.last_day) for exhibition in rows.order_by("last_day", "pk")]

    def without_figures(self, today):
        rows = ExhibitionStop.objects.in_status_on(Status.HELD, today).filter(visitors__isnull=True)
        return [stop_list(rows, {"status": Status.HELD, "visitors__isnull": "True"})]

    def drafts(self):
        rows = Exhibition.objects.filter(is_published=False).order_by("-updated_at", "pk")
        title = str(Exhibition._meta.verbose_name_plural).capitalize()
        return [StaffList("exhibition", title, EXHIBITIONS, Exhibition, rows, {"is_published__exact": "0"})]

    def partner_sides(self):
        return [
            PartnerSideList(
                ExhibitionStop,
                ExhibitionStop,
                lambda: ExhibitionStop.objects.select_related("exhibition", "venue"),
                lambda day: Q(pk__in=ExhibitionStop.objects.in_status_on(Status.PLANNED, day)),
                "venue",
                record=lambda row: row,
                title=lambda row: row.exhibition.title,
                figure=lambda row: _("посетителей %(n)s") % {"n": row.visitors},
            )
        ]
