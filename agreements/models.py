"""Partner libraries, their contacts, directions of cooperation and the agreements themselves."""

import datetime
import zoneinfo
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coopnet.dates import add_years

SCAN_MAX_BYTES = 20 * 1024 * 1024
EXPIRY_WARNING_DAYS = 90


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("«%(value)s» — неизвестный часовой пояс. Укажите название из базы IANA, например Asia/Novokuznetsk."),
            params={"value": value},
            code="invalid_timezone",
        )


def validate_pdf(upload) -> None:
    """The scan must be a real PDF of at most 20 MB."""
    if upload.size > SCAN_MAX_BYTES:
        raise ValidationError(
            _("Файл слишком большой: %(size).1f МБ. Скан соглашения должен быть не больше 20 МБ."),
            params={"size": upload.size / (1024 * 1024)},
            code="file_too_large",
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        head = upload.read(5)
    finally:
        upload.seek(position)
    if head != b"%PDF-":
        raise ValidationError(
            _("Файл не похож на PDF. Загрузите скан подписанного соглашения в формате PDF."),
            code="not_pdf",
        )


def scan_storage():
    """Scans live in a private storage that is never served as public media."""
    return storages["scans"]


JOINT_ACTIVITY_MODELS: list[type[models.Model]] = []


def register_joint_activity(model: type[models.Model]) -> None:
    """Let `Library.objects.partners()` see a kind of joint activity without this app importing it.

    Each activity app registers its models in `AppConfig.ready()`; a registered model's queryset has
    `public()` (what a reader may see) and `with_library(library)` (the rows a library took part in).
    """
    if model not in JOINT_ACTIVITY_MODELS:
        JOINT_ACTIVITY_MODELS.append(model)


class LibraryQuerySet(models.QuerySet):
    def _listed_partner(self) -> Q:
        shown = Q(Exists(Agreement.objects.public().filter(partner=OuterRef("pk"))))
        for model in JOINT_ACTIVITY_MODELS:
            shown |= Q(Exists(model.objects.public().with_library(OuterRef("pk"))))
        return Q(is_host=False) & shown

    def partners(self):
        """Partner libraries the public may see: with a public agreement or a published joint activity."""
        return self.filter(self._listed_partner())

    def public(self):
        """Every library a reader may find by name: the host and the listed partners."""
        return self.filter(Q(is_host=True) | self._listed_partner())

    def host_first(self):
        """The host, then the others by name, as choices are offered."""
        return self.order_by("-is_host", "short_name")


class Library(models.Model):
    class Kind(models.TextChoices):
        CHILDREN = "children", _("детская")
        YOUTH = "youth", _("молодёжная")
        CHILDREN_YOUTH = "children_youth", _("детско-юношеская / для детей и молодёжи")
        UNIVERSAL = "universal", _("универсальная")
        OTHER = "other", _("другая")

    class Country(models.TextChoices):
        RUSSIA = "RU", _("Россия")
        KAZAKHSTAN = "KZ", _("Казахстан")
        BELARUS = "BY", _("Беларусь")
        KYRGYZSTAN = "KG", _("Киргизия")
        UZBEKISTAN = "UZ", _("Узбекистан")
        OTHER = "XX", _("другая страна")

    name = models.CharField(_("полное официальное название"), max_length=400)
    short_name = models.CharField(_("краткое название"), max_length=200)
    named_after = models.CharField(_("имени"), max_length=200, blank=True, help_text=_("Например: «А.П. Гайдара»"))
    kind = models.CharField(_("тип библиотеки"), max_length=20, choices=Kind.choices, default=Kind.CHILDREN)
    country = models.CharField(_("страна"), max_length=2, choices=Country.choices, default=Country.RUSSIA)
    region = models.CharField(_("регион"), max_length=200)
    city = models.CharField(_("город"), max_length=200)
    timezone = models.CharField(
        _("часовой пояс"),
        max_length=64,
        validators=[validate_timezone],
        help_text=_("Название из базы часовых поясов IANA, например Asia/Novokuznetsk для Кемерова."),
    )
    latitude = models.DecimalField(
        _("широта"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("долгота"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    website = models.URLField(_("сайт"), blank=True)
    address = models.CharField(_("адрес"), max_length=400, blank=True)
    description = models.TextField(_("о библиотеке"), blank=True)
    slug = models.SlugField(_("адрес в URL"), max_length=100, unique=True)
    is_host = models.BooleanField(
        _("наша библиотека"),
        default=False,
        help_text=_("Библиотека, которая ведёт систему. Такая библиотека может быть только одна."),
    )
    created_at = models.DateTimeField(_("создано"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    objects = LibraryQuerySet.as_manager()

    class Meta:
        verbose_name = _("библиотека")
        verbose_name_plural = _("библиотеки")
        ordering = ["-is_host", "country", "region", "short_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_host"],
                condition=Q(is_host=True),
                name="library_single_host",
                violation_error_message=_("Наша библиотека уже указана: может быть только одна."),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="library_latitude_range",
                violation_error_message=_("Широта должна быть от −90 до 90."),
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="library_longitude_range",
                violation_error_message=_("Долгота должна быть от −180 до 180."),
            ),
        ]
        indexes = [models.Index(fields=["country", "region"])]

    def __str__(self) -> str:
        return self.short_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("agreements:partner_detail", args=[self.slug])

    def public_url(self) -> str:
        """Where a public page links this library: its partner page, or "" for the host, which has none.

        A library is named on a public page only through a public agreement or a published activity, and
        either makes it a listed partner (`Library.objects.partners()`), so its page exists.
        """
        return "" if self.is_host else self.get_absolute_url()

    @cached_property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @classmethod
    def host(cls) -> "Library | None":
        return cls.objects.filter(is_host=True).first()


class Contact(models.Model):
    """A person at a partner library. Staff-only: never rendered on a public page."""

    library = models.ForeignKey(
        Library, verbose_name=_("библиотека"), on_delete=models.CASCADE, related_name="contacts"
    )
    full_name = models.CharField(_("ФИО"), max_length=200)
    position = models.CharField(_("должность"), max_length=200, blank=True)
    email = models.EmailField(_("эл. почта"), blank=True)
    phone = models.CharField(_("телефон"), max_length=50, blank=True)
    notes = models.TextField(_("заметки"), blank=True)

    class Meta:
        verbose_name = _("контактное лицо")
        verbose_name_plural = _("контактные лица")
        ordering = ["library__short_name", "full_name"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.library})"


class Direction(models.Model):
    name = models.CharField(_("название"), max_length=200, unique=True)
    slug = models.SlugField(_("адрес в URL"), max_length=100, unique=True)
    description = models.TextField(_("описание"), blank=True)
    position = models.PositiveSmallIntegerField(_("порядок"), default=0)

    class Meta:
        verbose_name = _("направление сотрудничества")
        verbose_name_plural = _("направления сотрудничества")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class AgreementQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True).exclude(status=Agreement.Status.DRAFT)

    def in_force_on(self, day: datetime.date):
        """Agreements in force on a day: the SQL form of `Agreement.is_in_force_on()` (tested to agree).

        Signed and started by that day, not terminated by it, and not past its term unless it prolongs itself.
        """
        return self.filter(
            Q(status=Agreement.Status.IN_FORCE) | Q(status=Agreement.Status.TERMINATED, terminated_on__gt=day),
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_until__isnull=True) | Q(valid_until__gte=day) | Q(auto_prolongation=True),
            signed_on__lte=day,
        )


class Agreement(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("проект (не подписано)")
        IN_FORCE = "in_force", _("действует")
        TERMINATED = "terminated", _("расторгнуто")

    class State(models.TextChoices):
        DRAFT = "draft", _("проект")
        PENDING = "pending", _("ещё не вступило в силу")
        IN_FORCE = "in_force", _("действует")
        EXPIRING = "expiring", _("истекает в течение 90 дней")
        EXPIRED = "expired", _("срок истёк")
        TERMINATED = "terminated", _("расторгнуто")

    host = models.ForeignKey(
        Library,
        verbose_name=_("наша библиотека"),
        on_delete=models.PROTECT,
        related_name="hosted_agreements",
        limit_choices_to={"is_host": True},
    )
    partner = models.ForeignKey(
        Library,
        verbose_name=_("библиотека-партнёр"),
        on_delete=models.PROTECT,
        related_name="agreements",
        limit_choices_to={"is_host": False},
    )
    number = models.CharField(_("номер"), max_length=50, blank=True)
    title = models.CharField(_("название"), max_length=300, default=_("Соглашение о профессиональном сотрудничестве"))
    signed_on = models.DateField(_("дата подписания"))
    signed_at = models.CharField(
        _("место и повод подписания"),
        max_length=300,
        blank=True,
        help_text=_("Например: деловая встреча в рамках Дней Москвы в Кузбассе"),
    )
    valid_from = models.DateField(_("действует с"), null=True, blank=True)
    valid_until = models.DateField(_("действует до"), null=True, blank=True, help_text=_("Пусто — бессрочно."))
    auto_prolongation = models.BooleanField(
        _("автоматическая пролонгация"),
        default=False,
        help_text=_("Продлевается на тот же срок, если ни одна сторона не заявила о расторжении."),
    )
    prolongation_years = models.PositiveSmallIntegerField(
        _("срок пролонгации, лет"), default=1, validators=[MinValueValidator(1)]
    )
    directions = models.ManyToManyField(
        Direction, verbose_name=_("направления сотрудничества"), related_name="agreements", blank=True
    )
    host_signatory = models.CharField(_("подписал от нашей библиотеки"), max_length=200, blank=True)
    host_signatory_position = models.CharField(_("должность (наша сторона)"), max_length=200, blank=True)
    partner_signatory = models.CharField(_("подписал от партнёра"), max_length=200, blank=True)
    partner_signatory_position = models.CharField(_("должность (партнёр)"), max_length=200, blank=True)
    status = models.CharField(_("статус"), max_length=20, choices=Status.choices, default=Status.IN_FORCE)
    terminated_on = models.DateField(_("дата расторжения"), null=True, blank=True)
    scan = models.FileField(
        _("скан подписанного соглашения (PDF)"),
        storage=scan_storage,
        upload_to="agreements/%Y/",
        blank=True,
        max_length=255,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("Только PDF, не больше 20 МБ. Доступен только сотрудникам."),
    )
    notes = models.TextField(_("заметки"), blank=True)
    is_public = models.BooleanField(_("показывать на сайте"), default=True, help_text=_("Публичный реестр соглашений."))
    created_at = models.DateTimeField(_("создано"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("соглашение")
        verbose_name_plural = _("соглашения")
        ordering = ["-signed_on", "partner__short_name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(partner=F("host")),
                name="agreement_partner_not_host",
                violation_error_message=_("Библиотека-партнёр не может совпадать с нашей библиотекой."),
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=F("valid_from")),
                name="agreement_valid_until_after_from",
                violation_error_message=_("Дата окончания действия не может быть раньше даты начала."),
            ),
            models.CheckConstraint(
                condition=Q(status="terminated", terminated_on__isnull=False)
                | (~Q(status="terminated") & Q(terminated_on__isnull=True)),
                name="agreement_termination_date_iff_terminated",
                violation_error_message=_(
                    "Дата расторжения указывается только у расторгнутого соглашения и обязательна для него."
                ),
            ),
            models.CheckConstraint(
                condition=Q(terminated_on__isnull=True) | Q(terminated_on__gte=F("signed_on")),
                name="agreement_terminated_after_signed",
                violation_error_message=_("Соглашение не может быть расторгнуто раньше, чем подписано."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "valid_until"]),
            models.Index(fields=["signed_on"]),
        ]

    def __str__(self) -> str:
        number = f" № {self.number}" if self.number else ""
        date = self.signed_on.strftime("%d.%m.%Y") if self.signed_on else ""
        return f"{self.partner}{number} от {date}".strip()

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("agreements:detail", args=[self.pk])

    def clean(self) -> None:
        # What the constraints cannot say: the first party must be the host library.
        if self.host_id and not self.host.is_host:
            raise ValidationError({"host": _("Первой стороной соглашения должна быть наша библиотека.")})

    def current_end(self, on: datetime.date) -> datetime.date | None:
        """The end of the period running on a day, following automatic prolongations."""
        if self.valid_until is None:
            return None
        end = self.valid_until
        if self.auto_prolongation:
            while end < on:
                end = add_years(end, self.prolongation_years)
        return end

    def state_on(self, on: datetime.date | None = None) -> str:
        on = on or timezone.localdate()
        if self.status == self.Status.DRAFT:
            return self.State.DRAFT
        if self.status == self.Status.TERMINATED and (self.terminated_on is None or self.terminated_on <= on):
            return self.State.TERMINATED
        if on < self.signed_on or (self.valid_from and on < self.valid_from):
            return self.State.PENDING
        end = self.current_end(on)
        if end is None:
            return self.State.IN_FORCE
        if end < on:
            return self.State.EXPIRED
        if not self.auto_prolongation and (end - on).days <= EXPIRY_WARNING_DAYS:
            return self.State.EXPIRING
        return self.State.IN_FORCE

    def is_in_force_on(self, day: datetime.date) -> bool:
        """In force on a day: the one definition, shared by the site, the admin and the report."""
        return self.state_on(day) in IN_FORCE_STATES

    @property
    def state(self) -> str:
        return self.state_on()

    def get_state_display(self) -> str:
        return self.State(self.state).label


# --- which agreements an activity serves ------------------------------------------------------------


def by_partner(agreements) -> dict[int, list["Agreement"]]:
    grouped: dict[int, list[Agreement]] = {}
    for agreement in agreements:
        grouped.setdefault(agreement.partner_id, []).append(agreement)
    return grouped


def credited_agreements(parties, agreements_of, added=(), excluded=()) -> set[int]:
    """The one rule of which agreements an activity serves (the admin, the site and the report use it).

    `parties` are (library id, day) pairs: every library that took part and the day it did. Each partner
    credits its agreement in force on that day (the most recently signed, if several are); the host has no
    agreement with itself and credits none. Staff overrides then add agreements (`added`) or take them away
    (`excluded`). `agreements_of` maps a partner's id to its agreements (see `by_partner`).
    """
    credited = set()
    for library_id, day in parties:
        if day is None:
            continue
        in_force = [a for a in agreements_of.get(library_id, ()) if a.is_in_force_on(day)]
        if in_force:
            credited.add(max(in_force, key=lambda a: (a.signed_on, a.pk)).pk)
    return (credited - set(excluded)) | set(added)


def credit_of(activity, agreements_of) -> set[int]:
    """`credited_agreements()` of a loaded activity: its `credit_parties()` and its staff overrides."""
    return credited_agreements(
        activity.credit_parties(),
        agreements_of,
        added={a.pk for a in activity.agreements_added.all()},
        excluded={a.pk for a in activity.agreements_excluded.all()},
    )


def agreements_credited_by(activity) -> set[int]:
    """The agreements one activity serves, loading what the rule needs (one query)."""
    partner_ids = {library_id for library_id, _day in activity.credit_parties()}
    return credit_of(activity, by_partner(Agreement.objects.filter(partner_id__in=partner_ids)))


def public_agreements_credited_by(activity) -> list["Agreement"]:
    """What an activity's public page names under «В рамках соглашения»: the public ones it serves (one query)."""
    partner_ids = {library_id for library_id, _day in activity.credit_parties()}
    added = [a.pk for a in activity.agreements_added.all()]
    rows = (
        Agreement.objects.filter(Q(partner_id__in=partner_ids) | Q(pk__in=added))
        .annotate(shown=Exists(Agreement.objects.public().filter(pk=OuterRef("pk"))))
        .select_related("partner")
        .order_by("signed_on", "pk")
    )
    rows = list(rows)
    credited = credit_of(activity, by_partner(rows))
    return [row for row in rows if row.pk in credited and row.shown]


def credit_fields(model_name: str) -> tuple[models.ManyToManyField, models.ManyToManyField]:
    """The staff overrides every activity has: agreements to credit as well, and agreements not to credit."""
    added = models.ManyToManyField(
        Agreement,
        verbose_name=_("засчитать также соглашениям"),
        related_name=f"added_{model_name}s",
        blank=True,
        help_text=_(
            "Обычно не нужно: дело засчитывается соглашению каждой библиотеки-партнёра, участвовавшей в нём, "
            "действующему на дату. Укажите здесь соглашение, которое участие не показывает."
        ),
    )
    excluded = models.ManyToManyField(
        Agreement,
        verbose_name=_("не засчитывать соглашениям"),
        related_name=f"excluded_{model_name}s",
        blank=True,
        help_text=_("Соглашения, по которым это дело не выполнялось, хотя партнёр участвовал."),
    )
    return added, excluded


IN_FORCE_STATES = frozenset({Agreement.State.IN_FORCE, Agreement.State.EXPIRING})
