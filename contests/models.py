"""Children's and youth creativity contests, their regional curators and entries."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import Library, credit_fields
from core.dates import validate_year
from core.models import (
    PartnerSide,
    Publishable,
    Scheduled,
    ScheduledQuerySet,
    TakingPart,
    rescheduled_only_when_postponed,
    taken_part_in,
)
from core.vocabulary import AgeRating, Scope


def contest_day(submissions_from, submissions_until, results_on):
    """The first known day of a contest: submissions open, else close, else results."""
    return submissions_from or submissions_until or results_on


def contest_parties(organiser_id: int, curator_ids) -> list[int]:
    """Who took part in a contest: its organiser and every regional curator, each once. Its SQL form is
    `ContestQuerySet.taking_part()`; the credit rule and the report's joint rule derive from it."""
    return list(dict.fromkeys([organiser_id, *curator_ids]))


def contest_credit_parties(organiser_id: int, curator_ids, day) -> list[tuple[int, object]]:
    """Who took part in a contest (`contest_parties`), and when, for `agreements.models.credited_agreements`: each
    from its first day. The model and the report both ask this."""
    return [(library_id, day) for library_id in contest_parties(organiser_id, curator_ids)]


class _JoinedNames(models.Aggregate):
    """Names joined into one text, for searching: GROUP_CONCAT on SQLite, STRING_AGG on PostgreSQL."""

    function = "GROUP_CONCAT"
    output_field = models.TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        template = "%(function)s(%(expressions)s, ' / ')"
        return self.as_sql(compiler, connection, function="STRING_AGG", template=template, **extra_context)


class ContestQuerySet(ScheduledQuerySet):
    def with_nomination_names(self):
        """Each contest's nominations as one text, `nomination_names` (the site search looks in it)."""
        names = (
            Nomination.objects.filter(contest=OuterRef("pk"))
            .order_by()
            .values("contest")
            .annotate(text=_JoinedNames("name"))
            .values("text")
        )
        return self.annotate(nomination_names=Coalesce(Subquery(names), Value(""), output_field=models.TextField()))

    def _over_by(self, day):
        """Results announced before the day, or, with no results date, submissions closed before it."""
        return Q(results_on__lt=day) | Q(results_on__isnull=True, submissions_until__lt=day)

    def _ahead_by(self, day):
        """Its first day (`contest_day()`: submissions open, else close, else results) after the day."""
        return (
            Q(submissions_from__gt=day)
            | Q(submissions_from__isnull=True, submissions_until__gt=day)
            | Q(submissions_from__isnull=True, submissions_until__isnull=True, results_on__gt=day)
        )

    def public(self):
        return super().public().select_related("organiser")

    def taking_part(self) -> TakingPart:
        return TakingPart("organiser", Curator, "contest", "library")

    def with_library(self, library):
        """Contests a library organised or curated (a library, its pk or an OuterRef), each once."""
        return taken_part_in(self, library, self.taking_part())

    def open_on(self, day):
        """Taking entries on a day: going ahead and `Contest.stage_on(day) == Stage.OPEN` (tested to agree)."""
        return self.going_ahead().filter(
            Q(submissions_from__isnull=True) | Q(submissions_from__lte=day),
            Q(submissions_until__isnull=True) | Q(submissions_until__gte=day),
        )


class Contest(Publishable, Scheduled):
    class Stage(models.TextChoices):
        OPEN = "open", _("идёт приём работ")
        UPCOMING = "upcoming", _("скоро")
        FINISHED = "finished", _("приём работ завершён")

    title = models.CharField(_("название"), max_length=300)
    slug = models.SlugField(_("адрес в URL"), max_length=200, unique=True)
    organiser = models.ForeignKey(
        Library, verbose_name=_("организатор"), on_delete=models.PROTECT, related_name="organised_contests"
    )
    theme = models.CharField(_("посвящение / тема"), max_length=400, blank=True)
    scope = models.CharField(_("уровень"), max_length=20, choices=Scope.choices, default=Scope.INTERREGIONAL)
    is_online = models.BooleanField(_("интернет-конкурс"), default=False)
    age_min = models.PositiveSmallIntegerField(
        _("возраст участников от"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("возраст участников до"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    age_groups = models.CharField(
        _("возрастные группы"), max_length=300, blank=True, help_text=_("Например: 7–10 лет; 11–14 лет; 15–18 лет")
    )
    description = models.TextField(_("описание"), blank=True)
    submissions_from = models.DateField(_("приём работ с"), null=True, blank=True, validators=[validate_year])
    submissions_until = models.DateField(_("приём работ до"), null=True, blank=True, validators=[validate_year])
    results_on = models.DateField(_("подведение итогов"), null=True, blank=True, validators=[validate_year])
    rules_url = models.URLField(_("положение о конкурсе"), blank=True)
    agreements_added, agreements_excluded = credit_fields("contest")
    age_rating = models.CharField(_("возрастная маркировка"), max_length=3, choices=AgeRating.choices, default="6+")
    objects = ContestQuerySet.as_manager()

    class Meta:
        verbose_name = _("конкурс")
        verbose_name_plural = _("конкурсы")
        ordering = ["-submissions_until", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(submissions_from__isnull=True)
                | Q(submissions_until__isnull=True)
                | Q(submissions_until__gte=F("submissions_from")),
                name="contest_submissions_period_valid",
                violation_error_message=_("Окончание приёма работ не может быть раньше его начала."),
            ),
            models.CheckConstraint(
                condition=Q(results_on__isnull=True)
                | Q(submissions_until__isnull=True)
                | Q(results_on__gte=F("submissions_until")),
                name="contest_results_after_submissions",
                violation_error_message=_("Итоги не могут быть подведены раньше окончания приёма работ."),
            ),
            models.CheckConstraint(
                condition=Q(age_min__isnull=True) | Q(age_max__isnull=True) | Q(age_max__gte=F("age_min")),
                name="contest_age_range_valid",
                violation_error_message=_("Верхняя граница возраста не может быть меньше нижней."),
            ),
            rescheduled_only_when_postponed("contest"),
        ]
        indexes = [models.Index(fields=["is_published", "submissions_until"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("contests:detail", args=[self.slug])

    def is_over_on(self, day) -> bool:
        end = self.results_on or self.submissions_until
        return end is not None and end < day

    def is_ahead_on(self, day) -> bool:
        first = contest_day(self.submissions_from, self.submissions_until, self.results_on)
        return first is not None and first > day

    def credit_parties(self) -> list[tuple[int, object]]:
        """`contest_credit_parties()` of this contest (uses the curators)."""
        created = timezone.localdate(self.created_at) if self.created_at else None
        day = contest_day(self.submissions_from, self.submissions_until, self.results_on) or created
        return contest_credit_parties(self.organiser_id, [curator.library_id for curator in self.curators.all()], day)

    def stage_on(self, day) -> "Contest.Stage":
        """Before, during or after the submission period on a day."""
        if self.submissions_from and day < self.submissions_from:
            return self.Stage.UPCOMING
        if self.submissions_until and day > self.submissions_until:
            return self.Stage.FINISHED
        return self.Stage.OPEN

    @property
    def nomination_list(self) -> list[str]:
        """The names of its nominations in their order (uses the nominations, prefetched or not)."""
        return [nomination.name for nomination in self.nominations.all()]


class Nomination(models.Model):
    """A nomination of a contest (рисунок, эссе…): an entry competes in one of its own contest's."""

    contest = models.ForeignKey(
        Contest, verbose_name=_("конкурс"), on_delete=models.CASCADE, related_name="nominations"
    )
    name = models.CharField(_("номинация"), max_length=200)
    position = models.PositiveSmallIntegerField(
        _("порядок"), default=0, validators=[MaxValueValidator(1000)], help_text=_("Меньше — выше в списке.")
    )

    class Meta:
        verbose_name = _("номинация")
        verbose_name_plural = _("номинации")
        ordering = ["contest", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "name"],
                name="nomination_unique_name",
                violation_error_message=_("Такая номинация у конкурса уже есть."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Curator(PartnerSide):
    """A library acting as the contest's curator for its region; it answers through the partner portal."""

    contest = models.ForeignKey(Contest, verbose_name=_("конкурс"), on_delete=models.CASCADE, related_name="curators")
    library = models.ForeignKey(
        Library, verbose_name=_("библиотека-куратор"), on_delete=models.PROTECT, related_name="curated_contests"
    )
    region = models.CharField(_("курирует регион"), max_length=200)

    class Meta:
        verbose_name = _("региональный куратор")
        verbose_name_plural = _("региональные кураторы")
        ordering = ["contest", "region"]
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "library"],
                name="curator_unique_library",
                violation_error_message=_("Эта библиотека уже указана куратором конкурса."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.library} — {self.region}"


class EntryQuerySet(models.QuerySet):
    def public(self):
        """Entries whose entrants (their parents) agreed to publication, in published contests."""
        return self.filter(public_consent=True, contest__in=Contest.objects.public())

    def withheld(self):
        """Entries the public may count but never see: no consent to publication."""
        return self.filter(public_consent=False)

    def awarded(self):
        return self.filter(result__in=Entry.AWARDED)


class Entry(models.Model):
    class Result(models.TextChoices):
        """Award levels, highest first. «Лауреат» without a degree and «финалист» keep what older rows and
        contests that award no degrees say."""

        WINNER = "winner", _("победитель")
        PRIZE_WINNER = "prize_winner", _("призёр")
        LAUREATE_1 = "laureate_1", _("лауреат I степени")
        LAUREATE_2 = "laureate_2", _("лауреат II степени")
        LAUREATE_3 = "laureate_3", _("лауреат III степени")
        LAUREATE = "laureate", _("лауреат (без степени)")
        DIPLOMA = "diploma", _("дипломант")
        FINALIST = "finalist", _("финалист")
        PARTICIPANT = "participant", _("участник")

    # Results announced publicly, highest first: all but a plain participant.
    AWARDED = list(Result)[: list(Result).index(Result.PARTICIPANT)]
    # Counted together as laureates (the report), whatever the degree.
    LAUREATES = [Result.LAUREATE_1, Result.LAUREATE_2, Result.LAUREATE_3, Result.LAUREATE]
    # Only these results take a place (1st, 2nd…).
    PLACED = [Result.WINNER, Result.PRIZE_WINNER]
    # The public results' headings, one per awarded result.
    AWARD_TITLES = {
        Result.WINNER: _("Победители"),
        Result.PRIZE_WINNER: _("Призёры"),
        Result.LAUREATE_1: _("Лауреаты I степени"),
        Result.LAUREATE_2: _("Лауреаты II степени"),
        Result.LAUREATE_3: _("Лауреаты III степени"),
        Result.LAUREATE: _("Лауреаты"),
        Result.DIPLOMA: _("Дипломанты"),
        Result.FINALIST: _("Финалисты"),
    }

    contest = models.ForeignKey(Contest, verbose_name=_("конкурс"), on_delete=models.CASCADE, related_name="entries")
    entrant_name = models.CharField(_("участник (имя, фамилия)"), max_length=200)
    age = models.PositiveSmallIntegerField(
        _("возраст"), null=True, blank=True, validators=[MinValueValidator(3), MaxValueValidator(99)]
    )
    locality = models.CharField(_("населённый пункт"), max_length=200, blank=True)
    school = models.CharField(_("школа / учреждение"), max_length=300, blank=True)
    curator = models.ForeignKey(
        Library,
        verbose_name=_("библиотека-куратор"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="curated_entries",
        help_text=_("Одна из библиотек-кураторов конкурса."),
    )
    work_title = models.CharField(_("название работы"), max_length=300, blank=True)
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("номинация"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entries",
        help_text=_("Одна из номинаций этого конкурса."),
    )
    result = models.CharField(_("результат"), max_length=20, choices=Result.choices, default=Result.PARTICIPANT)
    place = models.PositiveSmallIntegerField(
        _("место"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Только у победителя или призёра."),
    )
    public_consent = models.BooleanField(
        _("согласие на публикацию"),
        default=False,
        help_text=_("Без согласия (родителей) имя и работа участника на сайте не показываются."),
    )

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("работа участника")
        verbose_name_plural = _("работы участников")
        ordering = ["contest", "result", "entrant_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(place__isnull=True) | Q(result__in=["winner", "prize_winner"]),
                name="entry_place_only_for_placed",
                violation_error_message=_("Место указывается только у победителя или призёра."),
            ),
        ]
        indexes = [models.Index(fields=["contest", "result"])]

    def __str__(self) -> str:
        return f"{self.entrant_name} — {self.contest}"

    def clean(self):
        """Its nomination and its curator belong to its own contest (a constraint cannot look at other tables)."""
        super().clean()
        if self.contest_id is None:
            return  # a contest still being added: the admin offers no nomination or curator to choose yet
        errors = {}
        if self.nomination_id is not None and self.nomination.contest_id != self.contest_id:
            errors["nomination"] = ValidationError(
                _("Номинация «%(nomination)s» относится к другому конкурсу: выберите номинацию этого конкурса."),
                code="foreign_nomination",
                params={"nomination": self.nomination.name},
            )
        if (
            self.curator_id is not None
            and not Curator.objects.filter(contest_id=self.contest_id, library_id=self.curator_id).exists()
        ):
            errors["curator"] = ValidationError(
                _(
                    "Библиотека «%(library)s» не куратор этого конкурса: выберите одного из его кураторов "
                    "или сначала добавьте её в кураторы."
                ),
                code="not_a_curator",
                params={"library": self.curator.short_name},
            )
        if errors:
            raise ValidationError(errors)
