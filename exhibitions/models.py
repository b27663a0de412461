"""Book exhibitions: travelling ones with their stops, and exchanges paired with a counterpart."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement, Library
from coopnet.vocabulary import AgeRating


class ExhibitionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_published=True).select_related("provider")


class Exhibition(models.Model):
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
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("в рамках соглашения"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="exhibitions",
    )
    counterpart = models.OneToOneField(
        "self",
        verbose_name=_("ответная выставка (обмен)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="counterpart_of",
        help_text=_("Для обменных выставок: выставка, которую наша библиотека отправила партнёру в ответ."),
    )
    items_count = models.PositiveIntegerField(_("экспонатов (изданий)"), null=True, blank=True)
    age_rating = models.CharField(_("возрастная маркировка"), max_length=3, choices=AgeRating.choices, default="0+")
    cover = models.ImageField(_("обложка"), upload_to="exhibitions/covers/%Y/", blank=True)
    cover_alt = models.CharField(_("описание обложки для незрячих"), max_length=300, blank=True)
    notes = models.TextField(_("служебные заметки"), blank=True, help_text=_("На сайте не показываются."))
    is_published = models.BooleanField(_("опубликовано"), default=False)
    created_at = models.DateTimeField(_("создано"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

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
        ]
        indexes = [models.Index(fields=["is_published", "kind"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("exhibitions:detail", args=[self.slug])

    def clean(self) -> None:
        if self.counterpart_id and self.pk and self.counterpart_id == self.pk:
            raise ValidationError({"counterpart": _("Выставка не может быть ответной самой себе.")})

    @property
    def exchange_partner(self) -> "Exhibition | None":
        """The other half of an exchange, whichever side holds the link."""
        if self.counterpart_id:
            return self.counterpart
        try:
            return self.counterpart_of
        except Exhibition.DoesNotExist:
            return None


class ExhibitionStop(models.Model):
    exhibition = models.ForeignKey(
        Exhibition, verbose_name=_("выставка"), on_delete=models.CASCADE, related_name="stops"
    )
    venue = models.ForeignKey(
        Library, verbose_name=_("где экспонируется"), on_delete=models.PROTECT, related_name="exhibition_stops"
    )
    starts_on = models.DateField(_("с"))
    ends_on = models.DateField(_("по"))
    visitors = models.PositiveIntegerField(_("посетителей"), null=True, blank=True)
    excursions = models.PositiveIntegerField(_("экскурсий"), null=True, blank=True)
    notes = models.CharField(_("заметки"), max_length=300, blank=True)

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
        ]
        indexes = [models.Index(fields=["starts_on", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.exhibition} — {self.venue} ({self.starts_on:%d.%m.%Y}–{self.ends_on:%d.%m.%Y})"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Дата окончания экспонирования не может быть раньше начала.")})
