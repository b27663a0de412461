"""Book exhibitions: travelling ones with their stops, and exchanges paired with a counterpart."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Case, Count, Exists, F, Max, Min, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import Library, credit_fields
from core.dates import validate_year
from core.models import (
    CALLED_OFF,
    STATUS_ORDER,
    Illustrated,
    PartnerSide,
    Publishable,
    Scheduled,
    ScheduledQuerySet,
    Status,
    TakingPart,
    rescheduled_only_when_postponed,
    status_of,
    taken_part_in,
)
from core.vocabulary import AgeRating


def _stops_open_on(day):
    """Stops of the outer exhibition open on a day."""
    return ExhibitionStop.objects.filter(exhibition=OuterRef("pk")).open_on(day)


def stop_standing(stored: str, exhibition_status: str) -> str:
    """The status a stop stands by: its exhibition's when the whole exhibition was cancelled or postponed (whatever
    the stop's own row says, held included), the stop's own otherwise. The one rule; `stop_status_of()` applies it."""
    return str(exhibition_status) if exhibition_status in CALLED_OFF else str(stored)


def stop_status_of(stored: str, exhibition_status: str, starts_on, ends_on, day) -> str:
    """Where a stop stands on a day, from plain values: `core.models.status_of()` of the status it stands by
    (`stop_standing()`) and its dates. `ExhibitionStop.status_on()` (and its SQL form, the stop queryset's
    `in_status_on()`), the portal, the dashboard, the reminders and the report's rows all come here."""
    over = ends_on is not None and ends_on < day
    ahead = starts_on is not None and starts_on > day
    return status_of(stop_standing(stored, exhibition_status), over, ahead)


# An exhibition's venues, in three meanings, each said once:
#
# - every venue of a stop, whatever became of it: the libraries linked to the exhibition (`taking_part()` in SQL:
#   `with_library()`, a library's timeline and counts, the partners listed, the portal's rows of a library);
# - the venues on its route (`on_route`): stops not cancelled or postponed on their own, the exhibition as planned,
#   whatever became of it as a whole — the parties it credits (`exhibition_credit_parties`), as a cancelled event
#   still names its sites, and the route whose stops may not overlap (`find_overlaps`);
# - the venues where it took place (`held_venues`): stops held, each standing as the exhibition when that was
#   called off (`stop_standing`) — the report's joint rule, and what a partner's own report counts as held.


def on_route(stored_status: str) -> bool:
    """Whether a stop is on its exhibition's route: not cancelled or postponed on its own."""
    return stored_status not in CALLED_OFF


def held_venues(stops, exhibition_status: str, day) -> set[int]:
    """The venues of the stops held (`stop_status_of() == HELD` on the day): where the exhibition took place.
    `stops` are (venue id, stored status, first day, last day). Its SQL form: the venues of
    `ExhibitionStop.objects.in_status_on(HELD, day)`."""
    return {
        venue_id
        for venue_id, stored, starts_on, ends_on in stops
        if stop_status_of(stored, exhibition_status, starts_on, ends_on, day) == Status.HELD
    }


def furthest_status(stop_statuses) -> str:
    """Where an exhibition stands over some of its stops (those of a period, or a venue's): the furthest any of
    them got (`core.models.STATUS_ORDER`: held, awaiting confirmation, planned, cancelled, postponed); planned
    with none. Each status is a stop's `stop_status_of()`, so a called-off exhibition stands as called off. The
    model (`Exhibition.status_in`) and the report's rows (`reports.activities.ExhibitionFact.status_in`) ask this;
    `Exhibition.status_on()` is the exhibition's own record (its stored status and all its dates) instead."""
    statuses = set(stop_statuses)
    return next((status for status in STATUS_ORDER if status in statuses), Status.PLANNED.value)


def exhibition_credit_parties(provider_id: int, stops, fallback_day) -> list[tuple[int, object]]:
    """Who took part in an exhibition, and when, for `agreements.models.credited_agreements`: the provider from the
    first day on show (of the route; with every stop called off, of the stops as planned; with no stop yet,
    `fallback_day`), and each venue on its route (`on_route`) from its own stop. `stops` are (venue id, first day,
    status). The model and the report both ask this."""
    going = [(venue_id, starts_on) for venue_id, starts_on, status in stops if on_route(status)]
    planned = [starts_on for _venue, starts_on, _status in stops]
    first = min((starts_on for _venue, starts_on in going), default=min(planned, default=fallback_day))
    return [(provider_id, first)] + going


class ExhibitionQuerySet(ScheduledQuerySet):
    def _over_by(self, day):
        """Every stop closed before the day (an exhibition with no stops yet is not over)."""
        return Exists(ExhibitionStop.objects.filter(exhibition=OuterRef("pk"))) & ~Exists(
            ExhibitionStop.objects.filter(exhibition=OuterRef("pk"), ends_on__gte=day)
        )

    def _ahead_by(self, day):
        """No stop open yet on the day (an exhibition with no stops yet is not ahead)."""
        return Exists(ExhibitionStop.objects.filter(exhibition=OuterRef("pk"))) & ~Exists(
            ExhibitionStop.objects.filter(exhibition=OuterRef("pk"), starts_on__lte=day)
        )

    def public(self):
        return super().public().select_related("provider")

    def taking_part(self) -> TakingPart:
        return TakingPart("provider", ExhibitionStop, "exhibition", "venue", repeats=True)

    def with_library(self, library):
        """Exhibitions a library provided or hosted (a library, its pk or an OuterRef), each once."""
        return taken_part_in(self, library, self.taking_part())

    def on_show(self, day):
        """Open somewhere on a day: going ahead, and one of its stops is open then."""
        return self.going_ahead().filter(Exists(_stops_open_on(day)))

    def with_dates(self, day):
        """First and last day on show across all stops, the number of stops, and whether it is on show on `day`."""
        return self.annotate(
            first_day=Min("stops__starts_on"),
            last_day=Max("stops__ends_on"),
            stops_count=Count("stops"),
            is_on_show=Case(
                When(status__in=CALLED_OFF, then=Value(False)),
                default=Exists(_stops_open_on(day)),
                output_field=models.BooleanField(),
            ),
        )


class Exhibition(Publishable, Illustrated, Scheduled):
    class Kind(models.TextChoices):
        TRAVELLING = "travelling", _("передвижная")
        EXCHANGE = "exchange", _("обменная")
        ETHNOCULTURAL = "ethnocultural", _("этнокультурная")
        BOOK_ILLUSTRATION = "book_illustration", _("книжно-иллюстративная")
        BOOK = "book", _("книжная")

    title = models.CharField(_("название"), max_length=300)
    slug = models.SlugField(_("адрес в URL"), max_length=200, unique=True)
    kind = models.CharField(_("вид"), max_length=30, choices=Kind.choices, default=Kind.BOOK)
    provider = models.ForeignKey(
        Library,
        verbose_name=_("предоставила библиотека"),
        on_delete=models.PROTECT,
        related_name="provided_exhibitions",
    )
    description = models.TextField(_("описание"), blank=True)
    agreements_added, agreements_excluded = credit_fields("exhibition")
    counterpart = models.OneToOneField(
        "self",
        verbose_name=_("ответная выставка (обмен)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="counterpart_of",
        help_text=_("Для обменных выставок: выставка, которую наша библиотека отправила партнёру в ответ."),
    )
    items_count = models.PositiveIntegerField(
        _("экспонатов (изданий)"), null=True, blank=True, validators=[MaxValueValidator(100_000)]
    )
    results = models.TextField(
        _("итоги"), blank=True, help_text=_("Что получилось, какие отклики, что было потом. Видно на сайте.")
    )
    age_rating = models.CharField(_("возрастная маркировка"), max_length=3, choices=AgeRating.choices, default="0+")
    objects = ExhibitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("выставка")
        verbose_name_plural = _("выставки")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(counterpart__isnull=True) | ~Q(counterpart=F("pk")),
                name="exhibition_counterpart_not_self",
                violation_error_message=_("Выставка не может быть ответной самой себе."),
            ),
            rescheduled_only_when_postponed("exhibition"),
        ]
        indexes = [models.Index(fields=["is_published", "kind"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("exhibitions:detail", args=[self.slug])

    def is_over_on(self, day) -> bool:
        stops = list(self.stops.all()) if self.pk else []
        return bool(stops) and all(stop.ends_on < day for stop in stops)

    def is_ahead_on(self, day) -> bool:
        stops = list(self.stops.all()) if self.pk else []
        return bool(stops) and all(stop.starts_on > day for stop in stops)

    def status_in(self, first_day, last_day, day) -> str:
        """`furthest_status()` of its stops open between two days (uses the stops), as of `day`."""
        return furthest_status(
            stop_status_of(s.status, self.status, s.starts_on, s.ends_on, day)
            for s in self.stops.all()
            if s.starts_on <= last_day and s.ends_on >= first_day
        )

    def held_venues(self, day) -> set[int]:
        """`held_venues()` of this exhibition on a day (uses the stops): the venues where it took place."""
        return held_venues([(s.venue_id, s.status, s.starts_on, s.ends_on) for s in self.stops.all()], self.status, day)

    def credit_parties(self) -> list[tuple[int, object]]:
        """`exhibition_credit_parties()` of this exhibition (uses the stops)."""
        created = timezone.localdate(self.created_at) if self.created_at else None
        stops = [(stop.venue_id, stop.starts_on, stop.status) for stop in self.stops.all()]
        return exhibition_credit_parties(self.provider_id, stops, created)

    @property
    def exchange_partner(self) -> "Exhibition | None":
        """The other half of an exchange, whichever side holds the link."""
        if self.counterpart is not None:
            return self.counterpart
        try:
            return self.counterpart_of
        except Exhibition.DoesNotExist:
            return None


class ExhibitionStopQuerySet(ScheduledQuerySet):
    def _stands(self, status):
        """`stop_standing()` in SQL: the exhibition's status when that is cancelled or postponed, else the stop's."""
        own = Q(status=status) & ~Q(exhibition__status__in=CALLED_OFF)
        return Q(exhibition__status=status) | own if status in CALLED_OFF else own

    def _over_by(self, day):
        return Q(ends_on__lt=day)

    def _ahead_by(self, day):
        return Q(starts_on__gt=day)

    def public(self):
        """Stops of published exhibitions."""
        return self.filter(exhibition__in=Exhibition.objects.public())

    def on_route(self):
        """Stops not cancelled or postponed on their own: the SQL form of `on_route()`."""
        return self.exclude(status__in=CALLED_OFF)

    def open_on(self, day):
        """Going ahead and open on a day: the SQL form of `ExhibitionStop.is_open_on()`."""
        return self.going_ahead().filter(starts_on__lte=day, ends_on__gte=day)


class ExhibitionStop(PartnerSide, Scheduled):
    """A venue of a travelling exhibition; its visitors and excursions may come from the venue's own staff through
    the partner portal (`PartnerSide`)."""

    PARTNER_FIGURES = ("visitors", "excursions")

    exhibition = models.ForeignKey(
        Exhibition, verbose_name=_("выставка"), on_delete=models.CASCADE, related_name="stops"
    )
    venue = models.ForeignKey(
        Library, verbose_name=_("где экспонируется"), on_delete=models.PROTECT, related_name="exhibition_stops"
    )
    starts_on = models.DateField(_("с"), validators=[validate_year])
    ends_on = models.DateField(_("по"), validators=[validate_year])
    visitors = models.PositiveIntegerField(
        _("посетителей"), null=True, blank=True, validators=[MaxValueValidator(1_000_000)]
    )
    excursions = models.PositiveIntegerField(
        _("экскурсий"), null=True, blank=True, validators=[MaxValueValidator(10_000)]
    )
    notes = models.CharField(_("заметки"), max_length=300, blank=True)

    objects = ExhibitionStopQuerySet.as_manager()

    class Meta:
        verbose_name = _("площадка выставки")
        verbose_name_plural = _("площадки выставки (маршрут)")
        ordering = ["exhibition", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="exhibition_stop_ends_after_start",
                violation_error_message=_("Дата окончания экспонирования не может быть раньше начала."),
            ),
            rescheduled_only_when_postponed("exhibition_stop"),
        ]
        indexes = [models.Index(fields=["starts_on", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.exhibition} — {self.venue} ({self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y})"

    def is_over_on(self, day) -> bool:
        return self.ends_on < day

    def is_ahead_on(self, day) -> bool:
        return self.starts_on is not None and self.starts_on > day

    @property
    def stands_as(self) -> "Exhibition | ExhibitionStop":
        """The record whose status (and new date) the stop stands by: the exhibition when it was called off as a
        whole (`stop_standing()`), the stop itself otherwise."""
        return self.exhibition if self.exhibition.status in CALLED_OFF else self

    @property
    def is_called_off(self) -> bool:
        """Cancelled or postponed, on its own or with its whole exhibition (`stop_standing()`)."""
        return stop_standing(self.status, self.exhibition.status) in CALLED_OFF

    def status_on(self, day) -> str:
        """`stop_status_of()` this stop on a day."""
        return stop_status_of(self.status, self.exhibition.status, self.starts_on, self.ends_on, day)

    def is_open_on(self, day) -> bool:
        """The Python twin of `ExhibitionStopQuerySet.open_on()`, for stops already loaded."""
        return not self.is_called_off and self.starts_on <= day <= self.ends_on

    # The admin's stops inline checks the whole route as submitted (`exhibitions.forms.StopFormSet`), where
    # the stored neighbours may be about to move; its forms turn the stored-route check below off.
    route_checked_by_formset = False

    def clean(self):
        super().clean()
        if self.route_checked_by_formset or not on_route(self.status) or not (self.starts_on and self.ends_on):
            return
        if self.exhibition_id is None or self.ends_on < self.starts_on:
            return
        other = (
            ExhibitionStop.objects.filter(exhibition_id=self.exhibition_id)
            .exclude(pk=self.pk)
            .on_route()
            .filter(starts_on__lte=self.ends_on, ends_on__gte=self.starts_on)
            .select_related("venue")
            .order_by("starts_on")
            .first()
        )
        if other is not None:
            raise ValidationError(overlap_message(other, self), code="stops_overlap")


def _stop_label(venue, starts_on, ends_on) -> str:
    """«Кемерово, 01.03–31.03», with the years when the stop spans two."""
    day = "%d.%m" if starts_on.year == ends_on.year else "%d.%m.%Y"
    place = (venue.city or venue.short_name) if venue is not None else "—"
    return f"{place}, {starts_on:{day}}–{ends_on:{day}}"


def overlap_message(first, second) -> str:
    """The error for two stops of one route on show at the same time (objects with venue, starts_on, ends_on)."""
    return _("Площадки «%(first)s» и «%(second)s» пересекаются по датам.") % {
        "first": _stop_label(first.venue, first.starts_on, first.ends_on),
        "second": _stop_label(second.venue, second.starts_on, second.ends_on),
    }


def find_overlaps(stops) -> list[tuple]:
    """Pairs (earlier, later) of stops on show at the same time, of the stops on the route (`on_route`).

    `stops` have status, starts_on and ends_on; each later stop is paired with the earlier one it runs into."""
    going = sorted((s for s in stops if on_route(s.status)), key=lambda s: (s.starts_on, s.ends_on))
    pairs, latest = [], None
    for stop in going:
        if latest is not None and stop.starts_on <= latest.ends_on:
            pairs.append((latest, stop))
        if latest is None or stop.ends_on > latest.ends_on:
            latest = stop
    return pairs
