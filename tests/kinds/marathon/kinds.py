"""The marathon describes itself once, as every kind does (`core.kinds`)."""

from collections import defaultdict

from django.db.models import Q

from core.figures import known_sum
from core.kinds import (
    ActivityKind,
    Hit,
    ListedItem,
    NavLink,
    PartnerSideList,
    ReportDirection,
    ReportRow,
    SearchSection,
    SitemapSection,
    StaffList,
    TimelineItem,
    passed_between,
    snippet,
)
from core.models import Status

from .models import Marathon, MarathonSite


class MarathonKind(ActivityKind):
    key = "marathons"
    model = Marathon
    title = "Читательские марафоны"
    count_forms = ("читательский марафон", "читательских марафона", "читательских марафонов")
    position = 60
    credit_prefetch = ("sites",)
    nav = (NavLink("marathon:list", "Марафоны", "marathons"),)
    report = ReportDirection(
        title="Читательские марафоны",
        short="Марафоны",
        column="Марафоны",
        figure="Участников читательских марафонов",
        noun=("m", "читательский марафон", "читательский марафон", "читательских марафона", "читательских марафонов"),
    )

    report_queries = 4

    def report_rows(self, first_day, last_day):
        """Four queries: the marathons, their sites, and the staff's credit overrides either way."""
        marathons = Marathon.objects.filter(starts_on__lte=last_day, ends_on__gte=first_day).order_by("pk")
        sites = defaultdict(list)
        for marathon_id, library_id, count in MarathonSite.objects.filter(marathon__in=marathons).values_list(
            "marathon_id", "library_id", "participants_count"
        ):
            sites[marathon_id].append((library_id, count))
        overrides = {}
        for field in ("agreements_added", "agreements_excluded"):
            through = getattr(Marathon, field).through
            chosen = defaultdict(set)
            for marathon_id, agreement_id in through.objects.filter(marathon__in=marathons).values_list(
                "marathon_id", "agreement_id"
            ):
                chosen[marathon_id].add(agreement_id)
            overrides[field] = chosen
        rows = []
        for m in marathons:
            own = sites.get(m.pk, [])
            counts = [count for _library, count in own]
            rows.append(
                ReportRow(
                    id=m.pk,
                    title=m.title,
                    is_published=m.is_published,
                    status=m.status,
                    first_day=m.starts_on,
                    last_day=m.ends_on,
                    parties=(m.organiser_id, *(library for library, _count in own)),
                    credit_parties=((m.organiser_id, m.starts_on), *((library, m.starts_on) for library, _c in own)),
                    participants=known_sum(counts) if counts else None,
                    organiser_id=m.organiser_id,
                    added=frozenset(overrides["agreements_added"].get(m.pk, ())),
                    excluded=frozenset(overrides["agreements_excluded"].get(m.pk, ())),
                    url=m.get_absolute_url(),
                )
            )
        return rows

    def timeline(self, library):
        rows = Marathon.objects.public().with_library(library)
        return [
            TimelineItem(
                kind="читательский марафон",
                role="организатор" if marathon.organiser_id == library.pk else "площадка",
                title=marathon.title,
                url=marathon.get_absolute_url(),
                date=marathon.starts_on,
                end=marathon.ends_on,
                status=marathon.status,
                rescheduled_to=marathon.rescheduled_to,
            )
            for marathon in rows
        ]

    def agreement_queryset(self):
        return Marathon.objects.public().order_by("-starts_on")

    def agreement_item(self, marathon):
        return ListedItem(title=marathon.title, url=marathon.get_absolute_url(), date=marathon.starts_on)

    def search_sections(self):
        def hits():
            return lambda m: Hit(m.title, m.get_absolute_url(), m.organiser.short_name, snippet(m.description))

        return [
            SearchSection(
                "marathons",
                "Читательские марафоны",
                "марафон,марафона,марафонов",
                ["title", "description"],
                lambda: Marathon.objects.public(),
                ["-starts_on"],
                hits,
                position=60,
            )
        ]

    def sitemap_sections(self):
        return [
            SitemapSection(
                "marathon:detail",
                lambda: Marathon.objects.public().order_by("-starts_on", "pk").values_list("slug", "updated_at"),
                position=60,
            )
        ]

    def newly_awaiting(self, since, today):
        rows = passed_between(Marathon.objects.all(), since, today).order_by("ends_on", "pk")
        return [(marathon, marathon.ends_on) for marathon in rows]

    def without_figures(self, today):
        rows = MarathonSite.objects.filter(marathon__status=Status.HELD, participants_count__isnull=True)
        rows = rows.select_related("marathon", "library").order_by("-marathon__starts_on", "pk")
        params = {"marathon__status__exact": Status.HELD, "participants_count__isnull": "True"}
        forms = ("площадка марафона", "площадки марафонов", "площадок марафонов")
        return [
            StaffList(
                "marathon_sites",
                "Площадки марафонов",
                forms,
                MarathonSite,
                rows,
                params,
                label=lambda site: site.marathon.title,
                note=lambda site: site.library.short_name,
            )
        ]

    def partner_sides(self):
        return [
            PartnerSideList(
                MarathonSite,
                Marathon,
                lambda: MarathonSite.objects.select_related("marathon", "library"),
                lambda day: Q(marathon__in=Marathon.objects.in_status_on(Status.PLANNED, day)),
                "library",
                record=lambda row: row.marathon,
                title=lambda row: row.marathon.title,
                figure=lambda row: f"участников {row.participants_count}",
                noun="читательский марафон",
                role=lambda row: "площадка марафона",
                dates=lambda row: (row.marathon.starts_on, row.marathon.ends_on),
                ends_on="marathon__ends_on",
            )
        ]
