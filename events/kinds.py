"""Events and project episodes as kinds of joint activity: what the pages built on the kinds ask of them
(`core.kinds`). Registered in `EventsConfig.ready()`."""

from django.db.models import Case, CharField, Q, Value, When
from django.utils import formats, timezone
from django.utils.text import capfirst
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
from core.templatetags.coopnet import choice_labels, format_ru, url_builder

from .admin_filters import UNKNOWN
from .models import Episode, Event, Participation, Project

STATUS = ("status", "rescheduled_to")
EVENTS = ("мероприятие", "мероприятия", "мероприятий")
PROJECTS = ("проект", "проекта", "проектов")
EPISODES = ("выпуск", "выпуска", "выпусков")


def day(value) -> str:
    return formats.date_format(value, "d.m.Y") if value else _("без даты")


def start(event) -> str:
    return formats.date_format(timezone.localtime(event.starts_at), "D, d.m.Y, H:i")


def event_note(event) -> str:
    return f"{start(event)} · {event.organiser.short_name}"


def event_kind_label():
    """The event's kind as words, so «телемост» finds telebridges whatever their titles say. The events' search
    document has a GIN index on its very expression (events/migrations/0013_event_search_index.py)."""
    return Case(
        *[When(kind=value, then=Value(str(label))) for value, label in Event.Kind.choices],
        default=Value(""),
        output_field=CharField(),
    )


def episode_title(episode) -> str:
    return _("«%(project)s», выпуск № %(number)s: %(title)s") % {
        "project": episode.project.title,
        "number": episode.number,
        "title": episode.title,
    }


class EventKind(ActivityKind):
    key = "events"
    model = Event
    title = gettext_lazy("Мероприятия")
    count_forms = ("мероприятие", "мероприятия", "мероприятий")
    position = 10
    credit_prefetch = ("participations",)
    nav = (
        NavLink("events:list", gettext_lazy("Мероприятия"), "events"),
        NavLink("events:telebridges", gettext_lazy("Телемосты"), "telebridges"),
    )

    def timeline(self, library):
        events = (
            Event.objects.public()
            .with_library(library)
            .select_related(None)
            .only("title", "slug", "starts_at", "ends_at", "age_rating", "kind", "organiser", *STATUS)
        )
        kinds, address = choice_labels(Event.Kind.choices), url_builder("events:detail")
        kind, organiser, participant = _("мероприятие"), _("организатор"), _("участник")
        return [
            TimelineItem(
                kind=kind,
                role=organiser if event.organiser_id == library.pk else participant,
                title=f"{capfirst(kinds.get(event.kind, event.kind))}: {event.title}",
                url=address(event.slug),
                date=timezone.localdate(event.starts_at),
                age_rating=event.age_rating,
                status=event.status,
                rescheduled_to=event.rescheduled_to,
            )
            for event in events
        ]

    def agreement_queryset(self):
        return Event.objects.public().order_by("-starts_at")

    def agreement_item(self, event):
        return ListedItem(
            title=event.title,
            url=event.get_absolute_url(),
            date=event.starts_at,
            lead=f"{event.get_kind_display()}: ",
            age_rating=event.age_rating,
        )

    def search_sections(self):
        def hits():
            kinds, address = choice_labels(Event.Kind.choices), url_builder("events:detail")

            def hit(event):
                when = format_ru(timezone.localtime(event.starts_at), "j E Y, H:i")
                called_off = f" · {event.get_status_display()}" if event.is_called_off else ""
                return Hit(
                    title=event.title,
                    url=address(event.slug),
                    meta=f"{kinds.get(event.kind, event.kind)} · {when} · {event.organiser.short_name}{called_off}",
                    snippet=snippet(event.description),
                    age_rating=event.age_rating,
                )

            return hit

        return [
            SearchSection(
                "events",
                gettext_lazy("Мероприятия"),
                "мероприятие,мероприятия,мероприятий",
                ["title", "kind_label", "description", "location"],
                lambda: Event.objects.public().annotate(kind_label=event_kind_label()),
                ["-starts_at"],
                hits,
                position=10,
            )
        ]

    def sitemap_sections(self):
        return [
            SitemapSection(
                "events:detail",
                lambda: Event.objects.public().order_by("-starts_at", "pk").values_list("slug", "updated_at"),
                changefreq="weekly",
                priority="0.7",
                position=10,
            )
        ]

    def awaiting(self, today):
        rows = Event.objects.awaiting_confirmation(today).select_related("organiser").order_by("-starts_at", "pk")
        params = {"status": AWAITING_CONFIRMATION}
        return [StaffList("events", _("Мероприятия"), EVENTS, Event, rows, params, note=event_note)]

    def newly_awaiting(self, since, today):
        rows = passed_between(Event.objects.all(), since, today).order_by("starts_at", "pk")
        return [(event, timezone.localdate(event.ends_at)) for event in rows]

    def without_figures(self, today):
        rows = Event.objects.held_without_attendance().select_related("organiser").order_by("-starts_at", "pk")
        return [StaffList("events", _("Мероприятия"), EVENTS, Event, rows, {"attendance": UNKNOWN}, note=event_note)]

    def drafts(self):
        rows = Event.objects.filter(is_published=False).order_by("-starts_at", "pk")
        title = str(Event._meta.verbose_name_plural).capitalize()
        return [StaffList("event", title, EVENTS, Event, rows, {"is_published__exact": "0"}, note=start)]

    def partner_sides(self):
        return [
            PartnerSideList(
                Participation,
                Event,
                lambda: Participation.objects.select_related("event", "library"),
                lambda day: Q(event__in=Event.objects.in_status_on(Status.PLANNED, day)),
                "library",
                record=lambda row: row.event,
                title=lambda row: row.event.title,
                figure=lambda row: _("участников %(n)s") % {"n": row.participants_count},
            )
        ]


class EpisodeKind(ActivityKind):
    """An episode of an outreach project («Сказки народов Кузбасса»): the library that prepared it took part.
    The projects themselves are searched and mapped with their episodes."""

    key = "episodes"
    model = Episode
    title = gettext_lazy("Выпуски просветительских проектов")
    count_forms = ("выпуск проекта", "выпуска проектов", "выпусков проектов")
    position = 40

    def timeline(self, library):
        episodes = (
            Episode.objects.public()
            .with_library(library)
            .select_related(None)
            .select_related("project")
            .only("number", "title", "published_on", "project__title", "project__slug", "project__age_rating", *STATUS)
        )
        return [
            TimelineItem(
                kind=_("выпуск проекта"),
                role=_("подготовила выпуск"),
                title=episode_title(episode),
                url=episode.project.get_absolute_url(),
                date=episode.published_on,
                age_rating=episode.project.age_rating,
                status=episode.status,
                rescheduled_to=episode.rescheduled_to,
            )
            for episode in episodes
        ]

    def agreement_queryset(self):
        return Episode.objects.public().order_by("-published_on", "number")

    def agreement_item(self, episode):
        return ListedItem(
            title=episode.project.title,
            url=episode.project.get_absolute_url(),
            date=episode.published_on,
            tail=", " + _("выпуск № %(number)s: %(title)s") % {"number": episode.number, "title": episode.title},
            library=episode.library,
            age_rating=episode.project.age_rating,
        )

    def search_sections(self):
        def project_hits():
            def hit(project):
                return Hit(
                    title=project.title,
                    url=project.get_absolute_url(),
                    meta=project.organiser.short_name,
                    snippet=snippet(project.description),
                    age_rating=project.age_rating,
                )

            return hit

        def episode_hits():
            address = url_builder("events:project")

            def hit(episode):
                return Hit(
                    title=episode_title(episode),
                    url=address(episode.project.slug),
                    meta=" · ".join(part for part in [episode.tradition, episode.library.short_name] if part),
                    snippet=snippet(episode.description),
                    age_rating=episode.project.age_rating,
                )

            return hit

        return [
            SearchSection(
                "projects",
                gettext_lazy("Проекты"),
                "проект,проекта,проектов",
                ["title", "description"],
                lambda: Project.objects.public(),
                ["title"],
                project_hits,
                position=40,
            ),
            SearchSection(
                "episodes",
                gettext_lazy("Выпуски проектов"),
                "выпуск,выпуска,выпусков",
                ["title", "tradition", "description"],
                lambda: Episode.objects.public(),
                ["project__title", "number"],
                episode_hits,
                position=50,
            ),
        ]

    def sitemap_sections(self):
        return [
            SitemapSection(
                "events:project",
                lambda: Project.objects.public().order_by("title", "pk").values_list("slug"),
                changefreq="monthly",
                priority="0.5",
                position=15,
            )
        ]

    def awaiting(self, today):
        rows = Episode.objects.awaiting_confirmation(today).select_related("project").order_by("-published_on", "pk")
        params = {"status": AWAITING_CONFIRMATION}
        note = lambda episode: day(episode.published_on)  # noqa: E731
        return [StaffList("episodes", _("Выпуски проектов"), EPISODES, Episode, rows, params, note=note)]

    def newly_awaiting(self, since, today):
        rows = passed_between(Episode.objects.select_related("project"), since, today)
        return [(episode, episode.published_on) for episode in rows.order_by("published_on", "pk")]

    def drafts(self):
        drafts = {"is_published__exact": "0"}
        projects = Project.objects.filter(is_published=False).order_by("title", "pk")
        episodes = Episode.objects.filter(is_published=False).select_related("project").order_by("-published_on", "pk")
        return [
            StaffList(
                "project", str(Project._meta.verbose_name_plural).capitalize(), PROJECTS, Project, projects, drafts
            ),
            StaffList(
                "episode",
                str(Episode._meta.verbose_name_plural).capitalize(),
                EPISODES,
                Episode,
                episodes,
                drafts,
                note=lambda episode: day(episode.published_on),
            ),
        ]
