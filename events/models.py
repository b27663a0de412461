"""Joint events (webinars, conferences, telebridges…), their guests, and outreach projects."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import (
    Case,
    Count,
    F,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import Library, credit_fields
from core.dates import day_start, validate_year
from core.models import (
    Illustrated,
    PartnerSide,
    Publishable,
    PublishedQuerySet,
    Scheduled,
    ScheduledQuerySet,
    Status,
    TakingPart,
    rescheduled_only_when_postponed,
    taken_part_in,
)
from core.templatetags.coopnet import ru_plural_form
from core.vocabulary import AgeRating, Scope


class Person(models.Model):
    """A guest: a writer, poet or illustrator who appears at telebridges and meetings."""

    full_name = models.CharField(_("имя"), max_length=200)
    slug = models.SlugField(_("адрес в URL"), max_length=100, unique=True)
    occupation = models.CharField(
        _("кто это"), max_length=200, blank=True, help_text=_("Например: писатель, поэт, иллюстратор")
    )
    place = models.CharField(_("город, страна"), max_length=200, blank=True)
    about = models.TextField(_("о госте"), blank=True)

    class Meta:
        verbose_name = _("гость")
        verbose_name_plural = _("гости (писатели, поэты, иллюстраторы)")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name


# How many people one count may hold: more than any library's event, far less than overflows a sum.
HEADCOUNT_MAX = 1_000_000
HEADCOUNT = MaxValueValidator(HEADCOUNT_MAX, _("Не больше %(limit_value)s человек: проверьте число."))


def event_parties(organiser_id: int, site_library_ids) -> list[int]:
    """Who took part in an event: its organiser and every library with a row in it (co-organiser, site,
    participant), each once. Its SQL form is `EventQuerySet.taking_part()`; the credit rule
    (`event_credit_parties`) and the report's joint rule (`reports.activities.EventFact`) derive from it."""
    return list(dict.fromkeys([organiser_id, *site_library_ids]))


def event_credit_parties(organiser_id: int, day, site_library_ids) -> list[tuple[int, object]]:
    """Who took part in an event (`event_parties`), and when, for `agreements.models.credited_agreements`: each on
    the day it began (in the host's time zone). The model and the report both ask this."""
    return [(library_id, day) for library_id in event_parties(organiser_id, site_library_ids)]


class EventQuerySet(ScheduledQuerySet):
    def public(self):
        """Published events with what every public list shows, so no view forgets either."""
        return super().public().select_related("organiser")

    def upcoming(self, now=None):
        """Not over yet (one that is running counts), soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def upcoming_bounded(self, now=None):
        """`upcoming()` with its earliest start as a lower bound on `starts_at`, found by one query first.

        Alone, `upcoming()[:n]` makes PostgreSQL read events in start order from the oldest one on, skipping every
        past event (it cannot know that the rows not yet over are the latest to start); with the bound it reads
        from there. The bound is counted beside the rows (a lone MIN would be read the same slow way), from the
        `(is_published, ends_at, starts_at)` index alone."""
        now = now or timezone.now()
        ahead = self.filter(ends_at__gte=now).order_by().aggregate(first=Min("starts_at"), rows=Count("ends_at"))
        upcoming = self.upcoming(now)
        return upcoming if ahead["first"] is None else upcoming.filter(starts_at__gte=ahead["first"])

    def past(self, now=None):
        """Over, newest first."""
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def in_week(self, day):
        """Starting in the Monday-to-Sunday week that holds the day (in Kemerovo), soonest first."""
        monday = day - datetime.timedelta(days=day.weekday())
        first, after = day_start(monday), day_start(monday + datetime.timedelta(days=7))
        return self.filter(starts_at__gte=first, starts_at__lt=after).order_by("starts_at", "pk")

    def telebridges(self):
        return self.filter(kind=Event.Kind.TELEBRIDGE)

    def _over_by(self, day):
        """Ended before the day began (in Kemerovo)."""
        return Q(ends_at__lt=day_start(day))

    def _ahead_by(self, day):
        """Starting after the day (in Kemerovo)."""
        return Q(starts_at__gte=day_start(day + datetime.timedelta(days=1)))

    def with_attendance(self):
        """Annotate `attendance`: the SQL form of `total_attendance()` (tested to agree). The sites' sum or the
        online viewers, as soon as either is known (`attendance_source()` FROM_SITES), else the total typed alone."""
        site_sum = Subquery(
            Participation.objects.filter(event=OuterRef("pk"), participants_count__isnull=False)
            .order_by()
            .values("event")
            .annotate(total=Sum("participants_count"))
            .values("total"),
            output_field=models.IntegerField(),
        )
        return self.annotate(site_sum=site_sum).annotate(
            attendance=Case(
                When(
                    Q(site_sum__isnull=False) | Q(online_viewers__isnull=False),
                    then=Coalesce("site_sum", 0) + Coalesce("online_viewers", 0),
                ),
                default=F("participants_count"),
                output_field=models.IntegerField(),
            )
        )

    def held_without_attendance(self):
        """Held, and how many took part is unknown by `with_attendance()` (a count of 0 is known). The events
        themselves, not annotated: the annotation's name is taken by the `Event.attendance` property."""
        unknown = Event.objects.with_attendance().filter(attendance__isnull=True).values("pk")
        return self.held().filter(pk__in=unknown)

    def taking_part(self) -> TakingPart:
        return TakingPart("organiser", Participation, "event", "library")

    def with_library(self, library):
        """Events a library organised or took part in (a library, its pk or an OuterRef), each once."""
        return taken_part_in(self, library, self.taking_part())

    def with_sites(self):
        """What an event card shows: every participating library, in a fixed number of queries."""
        return self.prefetch_related(
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related("library").order_by(
                    "library__city", "library__short_name"
                ),
            )
        )

    def ordered_for_readers(self, now=None):
        """Upcoming events first, soonest first; then past ones, newest first: a `ReadersOrder` over
        `upcoming()` and `past()`, each an index-ordered query, instead of one sort over every row."""
        return ReadersOrder(self, now or timezone.now())


class ReadersOrder:
    """The readers' order of a queryset's events as a sequence a `Paginator` takes (`count()`, slices).

    Each part is read in its own order (`upcoming()` soonest first, then `past()` newest first), so PostgreSQL
    walks an index for a page's rows instead of sorting every event on CASE expressions. One query counts both
    parts and finds the earliest upcoming start (an index-only scan of `(is_published, ends_at, starts_at)` when
    unfiltered); a slice is one query per part it reaches, and the queryset's prefetches run once over its rows.

    The earliest start bounds the upcoming part by `starts_at` as well: without it PostgreSQL would read upcoming
    events in start order from the oldest event on, skipping every past one (it cannot know that the few rows
    not yet over are the latest to start)."""

    ordered = True

    def __init__(self, queryset, now):
        self.queryset = queryset
        self.now = now
        bare = queryset.prefetch_related(None)
        self.upcoming = bare.upcoming(now)
        # Ties of a start keep the order readers always had: by pk, in both parts.
        self.past = bare.past(now).order_by("-starts_at", "pk")
        self._sizes = None

    def sizes(self) -> tuple[int, int]:
        """(upcoming, past): how many rows each part has."""
        if self._sizes is None:
            upcoming = Q(ends_at__gte=self.now)
            totals = self.queryset.order_by().aggregate(
                upcoming=Count("ends_at", filter=upcoming),
                total=Count("*"),
                first_start=Min("starts_at", filter=upcoming),
            )
            if totals["first_start"] is not None:
                self.upcoming = self.upcoming.filter(starts_at__gte=totals["first_start"])
            self._sizes = (totals["upcoming"], totals["total"] - totals["upcoming"])
        return self._sizes

    def count(self) -> int:
        return sum(self.sizes())

    def __len__(self) -> int:
        return self.count()

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            rows = self[index : index + 1]
            if not rows:
                raise IndexError(index)
            return rows[0]
        if index.step not in (None, 1) or (index.start or 0) < 0 or (index.stop or 0) < 0:
            raise ValueError("ReadersOrder takes forward slices from the start only")
        ahead, behind = self.sizes()
        start, stop = index.start or 0, ahead + behind if index.stop is None else index.stop
        rows = []
        if start < min(stop, ahead):
            rows += self.upcoming[start : min(stop, ahead)]
        if stop > ahead and start < ahead + behind:
            rows += self.past[max(start - ahead, 0) : stop - ahead]
        prefetch_related_objects(rows, *self.queryset._prefetch_related_lookups)
        return rows


# Where an event's attendance comes from (`attendance_source()`).
FROM_SITES, FROM_TYPED_TOTAL, NO_FIGURES = "sites", "typed_total", "none"


def attendance_source(site_counts, online_viewers, total) -> str:
    """Which figures make an event's attendance: its sites' own counts and the online viewers tied to no site
    (FROM_SITES) as soon as any of them is known; else a total typed on its own (FROM_TYPED_TOTAL); else NO_FIGURES.
    The rule `total_attendance()` sums by."""
    if online_viewers is not None or any(count is not None for count in site_counts):
        return FROM_SITES
    return FROM_TYPED_TOTAL if total is not None else NO_FIGURES


def total_attendance(site_counts, online_viewers, total):
    """The one definition of an event's attendance: the sites' own counts plus online viewers tied to no site.

    Derived, never typed twice: when any site's count or the online viewers are known, they make the total;
    only when neither is known does a total entered on its own count (`attendance_source()`). Unknown stays None,
    never 0. Its SQL form is `EventQuerySet.with_attendance()`; the model (`Event.attendance`), the report's rows
    (reports/queries.py) and the portal call this.
    """
    if attendance_source(site_counts, online_viewers, total) == FROM_SITES:
        return sum(count for count in site_counts if count is not None) + (online_viewers or 0)
    return total


def typed_total_stands(site_counts, online_viewers, total) -> bool:
    """Whether `total_attendance()` is the total staff typed alone (`attendance_source()`)."""
    return attendance_source(site_counts, online_viewers, total) == FROM_TYPED_TOTAL


class Event(Publishable, Illustrated, Scheduled):
    class Kind(models.TextChoices):
        WEBINAR = "webinar", _("вебинар")
        SEMINAR = "seminar", _("семинар")
        WORKSHOP = "workshop", _("семинар-практикум")
        CONFERENCE = "conference", _("конференция")
        STRATEGIC_SESSION = "strategic_session", _("стратегическая сессия")
        ROUND_TABLE = "round_table", _("круглый стол")
        TELEBRIDGE = "telebridge", _("телемост")
        CREATIVE_MEETING = "creative_meeting", _("творческая встреча")
        PRESENTATION = "presentation", _("презентация")
        BUSINESS_MEETING = "business_meeting", _("деловая встреча")
        MASTER_CLASS = "master_class", _("мастер-класс")
        OTHER = "other", _("другое")

    class Format(models.TextChoices):
        ONLINE = "online", _("онлайн")
        OFFLINE = "offline", _("очно")
        HYBRID = "hybrid", _("смешанный")
        CORRESPONDENCE = "correspondence", _("заочно")

    class Audience(models.TextChoices):
        CHILDREN = "children", _("дети")
        TEENS = "teens", _("подростки")
        YOUTH = "youth", _("молодёжь")
        FAMILIES = "families", _("семьи")
        SPECIALISTS = "specialists", _("специалисты")

    class TargetGroup(models.TextChoices):
        """Age groups the state statistics form 6-НК counts events by."""

        CHILDREN = "children", _("дети до 14 лет включительно")
        YOUTH = "youth", _("молодёжь 15–30 лет")
        OTHER = "other", _("прочие")

    class Venue(models.TextChoices):
        """Where the event happens, as form 6-НК counts it."""

        IN_LIBRARY = "in_library", _("в стационарных условиях")
        OFF_SITE = "off_site", _("вне стационара")
        REMOTE = "remote", _("удалённо (онлайн)")

    title = models.CharField(_("название"), max_length=400)
    slug = models.SlugField(_("адрес в URL"), max_length=200, unique=True)
    kind = models.CharField(_("вид"), max_length=30, choices=Kind.choices)
    format = models.CharField(_("формат"), max_length=20, choices=Format.choices, default=Format.ONLINE)
    scope = models.CharField(_("уровень"), max_length=20, choices=Scope.choices, default=Scope.INTERREGIONAL)
    organiser = models.ForeignKey(
        Library, verbose_name=_("организатор"), on_delete=models.PROTECT, related_name="organised_events"
    )
    libraries = models.ManyToManyField(
        Library,
        verbose_name=_("библиотеки-участницы"),
        through="Participation",
        related_name="events",
        blank=True,
    )
    agreements_added, agreements_excluded = credit_fields("event")
    starts_at = models.DateTimeField(_("начало"), validators=[validate_year])
    ends_at = models.DateTimeField(_("окончание"), validators=[validate_year])
    audience = models.CharField(_("аудитория"), max_length=20, choices=Audience.choices, default=Audience.CHILDREN)
    age_rating = models.CharField(_("возрастная маркировка"), max_length=3, choices=AgeRating.choices, default="6+")
    target_group = models.CharField(
        _("возрастная группа (6-НК)"), max_length=20, choices=TargetGroup.choices, default=TargetGroup.CHILDREN
    )
    venue = models.CharField(
        _("место проведения (6-НК)"),
        max_length=20,
        choices=Venue.choices,
        blank=True,
        help_text=_(
            "Пусто — по формату: очное и смешанное — в стационарных условиях, онлайн и заочное — удалённо. "
            "Укажите «вне стационара», если очная часть прошла не в библиотеке."
        ),
    )
    description = models.TextField(_("описание"), blank=True)
    guests = models.ManyToManyField(Person, verbose_name=_("гости"), related_name="events", blank=True)
    online_url = models.URLField(_("ссылка на трансляцию"), blank=True)
    recording_url = models.URLField(_("ссылка на запись"), blank=True)
    location = models.CharField(_("место (адрес)"), max_length=300, blank=True)
    participants_count = models.PositiveIntegerField(
        _("участников всего (если по площадкам неизвестно)"),
        null=True,
        blank=True,
        validators=[HEADCOUNT],
        help_text=_(
            "Заполняйте, только если известно лишь общее число. Если указаны участники на площадках или "
            "онлайн-зрители, итог считается из них, а это число не используется."
        ),
    )
    online_viewers = models.PositiveIntegerField(
        _("онлайн-зрителей вне площадок"),
        null=True,
        blank=True,
        validators=[HEADCOUNT],
        help_text=_("Смотрели трансляцию не в зале ни одной из библиотек-участниц."),
    )
    results = models.TextField(
        _("итоги"), blank=True, help_text=_("Что получилось, какие решения приняты, что было потом. Видно на сайте.")
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("мероприятие")
        verbose_name_plural = _("мероприятия")
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("Окончание мероприятия не может быть раньше начала."),
            ),
            models.CheckConstraint(
                condition=~Q(format__in=["online", "correspondence"], venue__in=["in_library", "off_site"]),
                name="event_remote_format_is_remote_in_6nk",
                violation_error_message=_(
                    "Онлайн или заочное мероприятие в 6-НК проходит удалённо. Если у библиотеки был и зал "
                    "со зрителями, выберите формат «смешанный»."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(format="offline", venue="remote"),
                name="event_offline_format_is_not_remote_in_6nk",
                violation_error_message=_("Очное мероприятие не может проходить удалённо."),
            ),
            rescheduled_only_when_postponed("event"),
        ]
        indexes = [
            models.Index(fields=["starts_at"]),  # the annual report counts drafts too, by start alone
            models.Index(fields=["is_published", "starts_at"]),
            # Upcoming events (`ReadersOrder`): counted and bounded from the index alone.
            models.Index(fields=["is_published", "ends_at", "starts_at"]),
            models.Index(fields=["kind", "starts_at"]),
            models.Index(fields=["format"]),
            models.Index(fields=["audience"]),
            models.Index(fields=["age_rating"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.slug])

    def has_ended(self, now=None) -> bool:
        """The Python twin of `EventQuerySet.past()`, for an event already loaded."""
        return self.ends_at < (now or timezone.now())

    def is_over_on(self, day) -> bool:
        return self.ends_at < day_start(day)

    def is_ahead_on(self, day) -> bool:
        return self.starts_at is not None and timezone.localdate(self.starts_at) > day

    def credit_parties(self) -> list[tuple[int, object]]:
        """`event_credit_parties()` of this event (uses the participations)."""
        day = timezone.localdate(self.starts_at)
        return event_credit_parties(self.organiser_id, day, [p.library_id for p in self.participations.all()])

    @property
    def nk_venue(self) -> str:
        """Where form 6-НК counts the event: as staff set it, or by its format."""
        if self.venue:
            return self.venue
        remote = self.format in {self.Format.ONLINE, self.Format.CORRESPONDENCE}
        return self.Venue.REMOTE if remote else self.Venue.IN_LIBRARY

    def _attendance_figures(self) -> tuple[list[int | None], int | None, int | None]:
        """What the attendance rule reads: the sites' counts (its participations, prefetched or not), the online
        viewers and the total typed alone."""
        return [p.participants_count for p in self.participations.all()], self.online_viewers, self.participants_count

    @property
    def attendance(self) -> int | None:
        """`total_attendance()` of this event."""
        return total_attendance(*self._attendance_figures())

    @property
    def typed_total_stands(self) -> bool:
        """`typed_total_stands()` of this event."""
        return typed_total_stands(*self._attendance_figures())

    @property
    def attendance_source(self) -> str:
        """Which figures the total comes from (`attendance_source()`), in words for staff."""
        sites, online, total = self._attendance_figures()
        source = attendance_source(sites, online, total)
        if source == FROM_SITES:
            known = sum(count is not None for count in sites)
            said = str(_("сумма по %(n)s %(sites)s")) % {
                "n": known,
                "sites": ru_plural_form(known, _("площадке"), _("площадкам"), _("площадкам")),
            }
            if online:
                viewers = ru_plural_form(online, _("онлайн-зритель"), _("онлайн-зрителя"), _("онлайн-зрителей"))
                said += " " + str(_("и %(n)s %(viewers)s вне площадок")) % {"n": online, "viewers": viewers}
            return said
        if source == FROM_TYPED_TOTAL:
            return str(_("общее число, введённое без разбивки по площадкам"))
        return str(_("нет данных"))

    @property
    def calendar_uid(self) -> str:
        """Stable across edits and exports, so calendar apps update an event instead of duplicating it."""
        return f"event-{self.pk}@coopnet"

    @property
    def is_telebridge(self) -> bool:
        return self.kind == self.Kind.TELEBRIDGE


class Participation(PartnerSide):
    """A library taking part in an event; carries per-site figures (and later, registration), and the library's
    own answer and figures from the partner portal (`PartnerSide`)."""

    PARTNER_FIGURES = ("participants_count",)

    class Role(models.TextChoices):
        ORGANISER = "organiser", _("организатор")
        CO_ORGANISER = "co_organiser", _("соорганизатор")
        SITE = "site", _("площадка")
        PARTICIPANT = "participant", _("участник")

    event = models.ForeignKey(
        Event, verbose_name=_("мероприятие"), on_delete=models.CASCADE, related_name="participations"
    )
    library = models.ForeignKey(
        Library, verbose_name=_("библиотека"), on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(_("роль"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT)
    participants_count = models.PositiveIntegerField(
        _("участников на площадке"), null=True, blank=True, validators=[HEADCOUNT]
    )
    notes = models.CharField(_("заметки"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("участие библиотеки")
        verbose_name_plural = _("участие библиотек")
        ordering = ["event", "library__short_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "library"],
                name="participation_unique_library",
                violation_error_message=_("Эта библиотека уже указана среди участников мероприятия."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.library} — {self.event}"

    def clean(self) -> None:
        """The organiser is entered once, on the event: its own row takes the role «организатор», and no other
        library may have that role (a co-organiser is «соорганизатор»)."""
        super().clean()
        event = self._event_or_none()
        if event is None or event.organiser_id is None or self.library_id is None:
            return
        if self.library_id == event.organiser_id:
            self.role = self.Role.ORGANISER
        elif self.role == self.Role.ORGANISER:
            raise ValidationError(
                {
                    "role": _(
                        "Организатор мероприятия — %(organiser)s, он указан в поле «организатор». Другую "
                        "библиотеку отметьте соорганизатором, площадкой или участником."
                    )
                    % {"organiser": event.organiser}
                }
            )

    def _event_or_none(self) -> "Event | None":
        try:
            return self.event
        except Event.DoesNotExist:
            return None


def with_organiser_row(event: Event, rows: list) -> list:
    """An event's participation rows with the organiser's own among them: the organiser named among the sites takes
    the organiser's role, or a row of its own (without a count) is added. The one rule, over rows in memory: the
    admin applies it to stored rows (`ensure_organiser_participation`), the import to the rows of a file."""
    own = [row for row in rows if isinstance(row, Participation) and row.library_id == event.organiser_id]
    for row in own:
        row.role = Participation.Role.ORGANISER
    if not own:
        rows.append(Participation(event=event, library_id=event.organiser_id, role=Participation.Role.ORGANISER))
    return rows


def ensure_organiser_participation(event: Event) -> Participation:
    """The organiser's own participation row, created or given the organiser's role (`with_organiser_row`).

    With `Participation.clean()` this keeps `Event.organiser` and the rows in agreement: the admin calls it after
    saving the rows, so a methodologist names the organiser once."""
    stored = list(Participation.objects.filter(event=event, library_id=event.organiser_id))
    roles = {row.pk: row.role for row in stored}
    (row,) = with_organiser_row(event, stored)
    if row.pk is None:
        row.save()
    elif roles[row.pk] != row.role:
        row.save(update_fields=["role"])
    return row


COPY_SLUG_SUFFIX = "kopiya"


def _free_copy_slug(slug: str) -> str:
    """`<slug>-kopiya`, or `-kopiya-2`, `-3`… : the first one no event has (one query)."""
    field_length = Event._meta.get_field("slug").max_length
    base = f"{slug[: field_length - len(COPY_SLUG_SUFFIX) - 5]}-{COPY_SLUG_SUFFIX}"
    taken = set(Event.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


@transaction.atomic
def copy_event(event: Event) -> Event:
    """A draft copy of an event, for the next one of a series: unpublished and planned, with a new slug, the same
    guests and participating libraries with their roles, and nothing that belongs to the original's day
    (attendance, results, recording, notes, staff overrides of the agreements credited)."""
    copy = Event.objects.get(pk=event.pk)
    copy.pk = copy.id = None
    copy._state.adding = True
    copy.slug = _free_copy_slug(event.slug)
    copy.is_published = False
    copy.status = Status.PLANNED
    copy.rescheduled_to = None
    copy.participants_count = copy.online_viewers = None
    copy.results = copy.recording_url = copy.notes = ""
    copy.full_clean()
    copy.save()
    copy.guests.set(event.guests.all())
    Participation.objects.bulk_create(
        Participation(event=copy, library_id=library_id, role=role)
        for library_id, role in event.participations.order_by("pk").values_list("library_id", "role")
    )
    ensure_organiser_participation(copy)
    return copy


class ProjectQuerySet(PublishedQuerySet):
    def public(self):
        return super().public().select_related("organiser")


class Project(models.Model):
    """A long-running outreach project, e.g. the video series «Сказки народов Кузбасса»."""

    title = models.CharField(_("название"), max_length=300)
    slug = models.SlugField(_("адрес в URL"), max_length=200, unique=True)
    organiser = models.ForeignKey(
        Library, verbose_name=_("организатор"), on_delete=models.PROTECT, related_name="projects"
    )
    description = models.TextField(_("описание"), blank=True)
    started_on = models.DateField(_("начат"), null=True, blank=True)
    url = models.URLField(_("страница проекта"), blank=True)
    age_rating = models.CharField(_("возрастная маркировка"), max_length=3, choices=AgeRating.choices, default="0+")
    is_published = models.BooleanField(_("опубликовано"), default=False)
    notes = models.TextField(_("служебные заметки"), blank=True, help_text=_("На сайте не показываются."))

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("просветительский проект")
        verbose_name_plural = _("просветительские проекты")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:project", args=[self.slug])


class EpisodeQuerySet(ScheduledQuerySet):
    def _over_by(self, day):
        return Q(published_on__lt=day)

    def _ahead_by(self, day):
        return Q(published_on__gt=day)

    def public(self):
        """Published episodes of published projects."""
        return super().public().filter(project__in=Project.objects.public()).select_related("library", "project")

    def taking_part(self) -> TakingPart:
        return TakingPart("library")

    def with_library(self, library):
        """Episodes a library prepared."""
        return taken_part_in(self, library, self.taking_part())

    def upcoming(self, day):
        """Coming out on the day or later, soonest first (an episode with no date yet is neither)."""
        return self.filter(published_on__gte=day).order_by("published_on", "pk")

    def past(self, day):
        """Out before the day, newest first: `_over_by(day)`."""
        return self.filter(self._over_by(day)).order_by("-published_on", "-pk")


class Episode(Scheduled):
    # A project with episodes cannot be deleted by accident: its episodes count in the report.
    project = models.ForeignKey(Project, verbose_name=_("проект"), on_delete=models.PROTECT, related_name="episodes")
    number = models.PositiveSmallIntegerField(
        _("номер выпуска"),
        validators=[MinValueValidator(1), MaxValueValidator(10_000, _("Номер выпуска — не больше %(limit_value)s."))],
    )
    title = models.CharField(_("название"), max_length=300)
    tradition = models.CharField(
        _("народ / традиция"), max_length=200, blank=True, help_text=_("Например: шорская сказка")
    )
    library = models.ForeignKey(
        Library,
        verbose_name=_("подготовила библиотека"),
        on_delete=models.PROTECT,
        related_name="episodes",
    )
    agreements_added, agreements_excluded = credit_fields("episode")
    description = models.TextField(_("описание"), blank=True)
    video_url = models.URLField(_("ссылка на видео"), blank=True)
    published_on = models.DateField(_("дата публикации"), null=True, blank=True, validators=[validate_year])
    is_published = models.BooleanField(_("опубликовано"), default=False)
    notes = models.TextField(_("служебные заметки"), blank=True, help_text=_("На сайте не показываются."))

    objects = EpisodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("выпуск")
        verbose_name_plural = _("выпуски")
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "number"],
                name="episode_unique_number",
                violation_error_message=_("Выпуск с таким номером в этом проекте уже есть."),
            ),
            rescheduled_only_when_postponed("episode"),
        ]
        indexes = [models.Index(fields=["is_published", "published_on"])]

    def __str__(self) -> str:
        return f"{self.project}: № {self.number}. {self.title}"

    def is_over_on(self, day) -> bool:
        return self.published_on is not None and self.published_on < day

    def is_ahead_on(self, day) -> bool:
        return self.published_on is not None and self.published_on > day

    def credit_parties(self) -> list[tuple[int, object]]:
        """The library that prepared the episode, on the day it came out."""
        return [(self.library_id, self.published_on)]
