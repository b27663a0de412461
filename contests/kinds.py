"""Contests as a kind of joint activity (`core.kinds`): the organiser and the regional curators take part.
Registered in `ContestsConfig.ready()`."""

from django.db.models import Q
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
from core.templatetags.coopnet import format_ru

from .models import Contest, Curator

STATUS = ("status", "rescheduled_to")
CONTESTS = ("конкурс", "конкурса", "конкурсов")


def day(value) -> str:
    return formats.date_format(value, "d.m.Y") if value else _("без даты")


class ContestKind(ActivityKind):
    key = "contests"
    model = Contest
    title = gettext_lazy("Конкурсы")
    count_forms = ("конкурс", "конкурса", "конкурсов")
    position = 30
    credit_prefetch = ("curators",)
    nav = (NavLink("contests:list", gettext_lazy("Конкурсы"), "contests"),)

    def timeline(self, library):
        contests = (
            Contest.objects.public()
            .with_library(library)
            .only(
                "title", "slug", "organiser", "submissions_from", "submissions_until", "results_on", "age_rating",
                "created_at", *STATUS,
            )
        )  # fmt: skip
        return [
            TimelineItem(
                kind=_("конкурс"),
                role=_("организатор") if contest.organiser_id == library.pk else _("региональный куратор"),
                title=contest.title,
                url=contest.get_absolute_url(),
                date=contest.submissions_from
                or contest.submissions_until
                or contest.results_on
                or timezone.localdate(contest.created_at),
                end=contest.results_on or contest.submissions_until,
                age_rating=contest.age_rating,
                status=contest.status,
                rescheduled_to=contest.rescheduled_to,
            )
            for contest in contests
        ]

    def agreement_queryset(self):
        return Contest.objects.public().order_by("-submissions_from")

    def agreement_item(self, contest):
        return ListedItem(
            title=contest.title,
            url=contest.get_absolute_url(),
            date=contest.submissions_from,
            age_rating=contest.age_rating,
        )

    def search_sections(self):
        def hits():
            def hit(contest):
                dates = ""
                if contest.submissions_until:
                    until = format_ru(contest.submissions_until, "j E Y")
                    dates = " · " + str(_("приём работ до %(date)s") % {"date": until})
                return Hit(
                    title=contest.title,
                    url=contest.get_absolute_url(),
                    meta=f"{contest.organiser.short_name}{dates}",
                    snippet=snippet(contest.theme or contest.description),
                    age_rating=contest.age_rating,
                )

            return hit

        return [
            SearchSection(
                "contests",
                gettext_lazy("Конкурсы"),
                "конкурс,конкурса,конкурсов",
                ["title", "theme", "description", "nomination_names"],
                lambda: Contest.objects.public().with_nomination_names(),
                ["-submissions_until", "title"],
                hits,
                position=30,
            )
        ]

    def sitemap_sections(self):
        return [
            SitemapSection(
                "contests:detail",
                lambda: Contest.objects.public().order_by("title", "pk").values_list("slug", "updated_at"),
                position=30,
            )
        ]

    def newly_awaiting(self, since, today):
        rows = passed_between(Contest.objects.all(), since, today).order_by("pk")
        return [(contest, contest.results_on or contest.submissions_until) for contest in rows]

    def awaiting(self, today):
        rows = Contest.objects.awaiting_confirmation(today).order_by("-results_on", "pk")
        note = lambda contest: _("итоги %(day)s") % {"day": day(contest.results_on)}  # noqa: E731
        return [
            StaffList("contests", _("Конкурсы"), CONTESTS, Contest, rows, {"status": AWAITING_CONFIRMATION}, note=note)
        ]

    def drafts(self):
        rows = Contest.objects.filter(is_published=False).order_by("-updated_at", "pk")
        title = str(Contest._meta.verbose_name_plural).capitalize()
        note = lambda contest: day(contest.submissions_from)  # noqa: E731
        return [StaffList("contest", title, CONTESTS, Contest, rows, {"is_published__exact": "0"}, note=note)]

    def partner_sides(self):
        return [
            PartnerSideList(
                Curator,
                Contest,
                lambda: Curator.objects.select_related("contest", "library"),
                lambda day: Q(contest__in=Contest.objects.in_status_on(Status.PLANNED, day)),
                "library",
                record=lambda row: row.contest,
                title=lambda row: row.contest.title,
            )
        ]
