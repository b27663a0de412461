"""Partner libraries, their contacts, directions of cooperation and the agreements themselves."""

import datetime
import zoneinfo
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import kinds
from core.dates import MAX_YEAR, add_years, validate_year

SCAN_MAX_BYTES = 20 * 1024 * 1024
EXPIRY_WARNING_DAYS = 90
# A prolongation longer than this is a typo; the bound also keeps the term arithmetic short.
PROLONGATION_MAX_YEARS = 10
PROLONGATION_RANGE_MESSAGE = _("Срок пролонгации — от 1 до 10 лет.")
NOTICE_MAX_DAYS = 365
# How long before the notice deadline staff are reminded that the notice window is open.
NOTICE_WINDOW_DAYS = 60


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("«%(value)s» — неизвестный часовой пояс. Выберите город с тем же временем, например «Кемерово»."),
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


class LibraryQuerySet(models.QuerySet):
    def _listed_partner(self) -> Q:
        shown = Q(Exists(Agreement.objects.public().filter(partner=OuterRef("pk"))))
        for model in kinds.models():
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
        help_text=_("По нему сайт показывает время мероприятий на площадке библиотеки."),
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
    notes = models.TextField(
        _("служебные заметки"),
        blank=True,
        db_default="",  # rows written by older code (and migration tests) that do not know the column
        help_text=_("На сайте не показываются. Например, что координаты приблизительные или откуда взято название."),
    )
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
    position = models.PositiveSmallIntegerField(
        _("порядок"), default=0, validators=[MaxValueValidator(1000, _("Порядок — не больше %(limit_value)s."))]
    )

    class Meta:
        verbose_name = _("направление сотрудничества")
        verbose_name_plural = _("направления сотрудничества")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


def _signed_and_not_terminated_by(day: datetime.date) -> Q:
    """Neither a draft nor terminated by the day."""
    return Q(status=Agreement.Status.IN_FORCE) | Q(status=Agreement.Status.TERMINATED, terminated_on__gt=day)


def _started_by(day: datetime.date) -> Q:
    return Q(signed_on__lte=day) & (Q(valid_from__isnull=True) | Q(valid_from__lte=day))


class AgreementQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True).exclude(status=Agreement.Status.DRAFT)

    def in_force_on(self, day: datetime.date):
        """Agreements in force on a day: the SQL form of `Agreement.is_in_force_on()` (tested to agree).

        Signed and started by that day, not terminated by it, and not past its term unless it prolongs itself.
        """
        return self.filter(
            _signed_and_not_terminated_by(day),
            _started_by(day),
            Q(valid_until__isnull=True) | Q(valid_until__gte=day) | Q(auto_prolongation=True),
        )

    def in_state_on(self, state: str, day: datetime.date):
        """Agreements whose `state_on(day)` is `state`: its SQL form, branch by branch (tested to agree)."""
        State = Agreement.State
        live = _signed_and_not_terminated_by(day)
        running = live & _started_by(day)
        warn_from = day + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
        fixed_end = Q(auto_prolongation=False, valid_until__isnull=False)
        conditions = {
            State.DRAFT: Q(status=Agreement.Status.DRAFT),
            State.TERMINATED: Q(status=Agreement.Status.TERMINATED)
            & (Q(terminated_on__isnull=True) | Q(terminated_on__lte=day)),
            State.PENDING: live & (Q(signed_on__gt=day) | Q(valid_from__gt=day)),
            State.EXPIRED: running & fixed_end & Q(valid_until__lt=day),
            State.EXPIRING: running & fixed_end & Q(valid_until__gte=day, valid_until__lte=warn_from),
            State.IN_FORCE: running
            & (Q(valid_until__isnull=True) | Q(auto_prolongation=True) | Q(valid_until__gt=warn_from)),
        }
        return self.filter(conditions[State(state)])


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

    class TerminationInitiator(models.TextChoices):
        HOST = "host", _("наша библиотека")
        PARTNER = "partner", _("партнёр")
        MUTUAL = "mutual", _("по соглашению сторон")

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
    signed_on = models.DateField(_("дата подписания"), validators=[validate_year])
    signed_at = models.CharField(
        _("место и повод подписания"),
        max_length=300,
        blank=True,
        help_text=_("Например: деловая встреча в рамках Дней Москвы в Кузбассе"),
    )
    valid_from = models.DateField(_("действует с"), null=True, blank=True, validators=[validate_year])
    valid_until = models.DateField(
        _("действует до"), null=True, blank=True, validators=[validate_year], help_text=_("Пусто — бессрочно.")
    )
    auto_prolongation = models.BooleanField(
        _("автоматическая пролонгация"),
        default=False,
        help_text=_("Продлевается на тот же срок, если ни одна сторона не заявила о расторжении."),
    )
    prolongation_years = models.PositiveSmallIntegerField(
        _("срок пролонгации, лет"),
        default=1,
        validators=[
            MinValueValidator(1, PROLONGATION_RANGE_MESSAGE),
            MaxValueValidator(PROLONGATION_MAX_YEARS, PROLONGATION_RANGE_MESSAGE),
        ],
    )
    notice_days = models.PositiveSmallIntegerField(
        _("срок уведомления об отказе от пролонгации, дней"),
        null=True,
        blank=True,
        validators=[
            MaxValueValidator(NOTICE_MAX_DAYS, _("Срок уведомления — не больше %(limit_value)s дней.")),
        ],
        help_text=_(
            "За сколько дней до конца срока сторона должна заявить, что не продлевает соглашение. "
            "Пусто — соглашение этого не оговаривает."
        ),
    )
    directions = models.ManyToManyField(
        Direction, verbose_name=_("направления сотрудничества"), related_name="agreements", blank=True
    )
    host_signatory = models.CharField(_("подписал от нашей библиотеки"), max_length=200, blank=True)
    host_signatory_position = models.CharField(_("должность (наша сторона)"), max_length=200, blank=True)
    partner_signatory = models.CharField(_("подписал от партнёра"), max_length=200, blank=True)
    partner_signatory_position = models.CharField(_("должность (партнёр)"), max_length=200, blank=True)
    host_responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ответственный с нашей стороны"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_agreements",
    )
    partner_responsible = models.ForeignKey(
        Contact,
        verbose_name=_("ответственный со стороны партнёра"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_agreements",
        help_text=_("Контактное лицо библиотеки-партнёра."),
    )
    status = models.CharField(_("статус"), max_length=20, choices=Status.choices, default=Status.IN_FORCE)
    terminated_on = models.DateField(_("дата расторжения"), null=True, blank=True, validators=[validate_year])
    termination_notice_on = models.DateField(
        _("дата уведомления о расторжении"),
        null=True,
        blank=True,
        validators=[validate_year],
        help_text=_("Когда сторона заявила о расторжении или об отказе от пролонгации."),
    )
    termination_initiator = models.CharField(
        _("инициатор расторжения"),
        max_length=20,
        choices=TerminationInitiator.choices,
        blank=True,
        default="",
        db_default="",
    )
    termination_reason = models.TextField(_("причина расторжения"), blank=True, default="", db_default="")
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
            models.CheckConstraint(
                condition=Q(prolongation_years__gte=1, prolongation_years__lte=PROLONGATION_MAX_YEARS),
                name="agreement_prolongation_years_range",
                violation_error_message=PROLONGATION_RANGE_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(notice_days__isnull=True) | Q(notice_days__lte=NOTICE_MAX_DAYS),
                name="agreement_notice_days_range",
                violation_error_message=_("Срок уведомления — не больше 365 дней."),
            ),
            models.CheckConstraint(
                condition=Q(status="terminated")
                | Q(termination_initiator="", termination_reason="", termination_notice_on__isnull=True),
                name="agreement_termination_details_iff_terminated",
                violation_error_message=_("Подробности расторжения указываются только у расторгнутого соглашения."),
            ),
            models.CheckConstraint(
                condition=Q(termination_notice_on__isnull=True)
                | Q(terminated_on__isnull=True)
                | Q(termination_notice_on__lte=F("terminated_on")),
                name="agreement_notice_not_after_termination",
                violation_error_message=_("Уведомление о расторжении не может быть позже даты расторжения."),
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
        """What the constraints cannot say (the host, the partner's contact), and the termination rules said
        field by field, so each message stands beside the field to correct."""
        errors: dict[str, ValidationError] = {}
        # The first party must be the host library.
        if self.host_id and not self.host.is_host:
            errors["host"] = ValidationError(_("Первой стороной соглашения должна быть наша библиотека."))
        if self.partner_responsible_id and self.partner_id and self.partner_responsible.library_id != self.partner_id:
            errors["partner_responsible"] = ValidationError(
                _("«%(contact)s» — контактное лицо другой библиотеки. Выберите сотрудника библиотеки-партнёра."),
                params={"contact": self.partner_responsible.full_name},
                code="contact_of_another_library",
            )
        errors.update(self._termination_errors())
        if errors:
            raise ValidationError(errors)

    def _termination_errors(self) -> dict[str, ValidationError]:
        errors = {}
        if self.status == self.Status.TERMINATED:
            if self.terminated_on is None:
                errors["terminated_on"] = ValidationError(
                    _("Укажите дату расторжения: у расторгнутого соглашения она обязательна."),
                    code="termination_date_missing",
                )
            elif self.termination_notice_on and self.termination_notice_on > self.terminated_on:
                errors["termination_notice_on"] = ValidationError(
                    _("Уведомление о расторжении не может быть позже даты расторжения."), code="notice_after_end"
                )
            return errors
        only_when_terminated = _("Заполняется только у расторгнутого соглашения: выберите статус «расторгнуто».")
        details = ["terminated_on", "termination_notice_on", "termination_initiator", "termination_reason"]
        for name in details:
            if getattr(self, name) not in (None, ""):
                errors[name] = ValidationError(only_when_terminated, code="not_terminated")
        return errors

    # --- terms: the one rule of how long an agreement runs -------------------------------------------

    def _prolonged(self, end: datetime.date) -> datetime.date:
        """The end of the next term after one ending on `end`; saturates at the last representable day."""
        years = max(1, self.prolongation_years or 1)  # the constraint says 1..10; never loop on a bad value
        if end.year + years > datetime.MAXYEAR:
            return datetime.date.max
        return add_years(end, years)

    def current_end(self, on: datetime.date) -> datetime.date | None:
        """The end of the period running on a day, following automatic prolongations."""
        if self.valid_until is None:
            return None
        end = self.valid_until
        if self.auto_prolongation:
            while end < on:
                end = self._prolonged(end)
        return end

    def _first_day(self) -> datetime.date:
        """The first day in force: signed, and started (`state_on` is PENDING before it)."""
        return max(self.signed_on, self.valid_from) if self.valid_from else self.signed_on

    def terms(self, up_to: datetime.date | None = None, amendments=None) -> list["Term"]:
        """The terms the agreement has run through up to a day (default today), oldest first.

        Each term's end is `current_end()` of its first day, the helper `state_on()` uses, so a day is inside a
        term exactly when `is_in_force_on()` says so (tested). A termination cuts the running term short. The
        first term is "changed by amendment" when an amendment set its end; `amendments` may be passed already
        loaded, or they are read (one query). Days after MAX_YEAR are not followed.
        """
        up_to = min(up_to or timezone.localdate(), datetime.date(MAX_YEAR, 12, 31))
        if self.status == self.Status.DRAFT or self.signed_on is None:
            return []
        stop = self.terminated_on if self.status == self.Status.TERMINATED else None
        if self.status == self.Status.TERMINATED and stop is None:
            return []
        start = self._first_day()
        terms: list[Term] = []
        while start <= up_to and (stop is None or start < stop):
            end = self.current_end(start)
            kind = Term.Kind.PROLONGATION if terms else Term.Kind.INITIAL
            cut = stop is not None and (end is None or end >= stop)
            terms.append(Term(start, stop - datetime.timedelta(days=1) if cut else end, kind, cut_short=cut))
            if end is None or end < start or end >= up_to or not self.auto_prolongation or cut:
                break
            start = end + datetime.timedelta(days=1)
        if terms and self.valid_until is not None and self.valid_until >= terms[0].start:
            amendment = self._amendment_setting_end(amendments)
            if amendment is not None:
                first = terms[0]
                terms[0] = Term(first.start, first.end, Term.Kind.AMENDED, first.cut_short, amendment)
        return terms

    def end_changes(self, amendments=None) -> list[tuple["Amendment", datetime.date | None]]:
        """The amendments that set the agreement's end, oldest first, each with the end it replaced: the one it
        recorded when it was saved, or the end the amendment before it set (None: no end date before it)."""
        if amendments is None:
            amendments = self.amendments.all() if self.pk else []
        setting = sorted((a for a in amendments if a.new_valid_until is not None), key=lambda a: (a.signed_on, a.pk))
        changes, before = [], None
        for index, amendment in enumerate(setting):
            replaced = amendment.previous_valid_until
            if replaced is None and index:
                replaced = before
            changes.append((amendment, replaced))
            before = amendment.new_valid_until
        return changes

    def original_valid_until(self, amendments=None) -> datetime.date | None:
        """The end date the agreement was signed with, before any amendment changed it (None: no end date)."""
        changes = self.end_changes(amendments)
        return changes[0][1] if changes else self.valid_until

    def _amendment_setting_end(self, amendments) -> "Amendment | None":
        if amendments is None:
            amendments = self.amendments.all() if self.pk else []
        setting = [a for a in amendments if a.new_valid_until is not None]
        latest = max(setting, key=lambda a: (a.signed_on, a.pk or 0), default=None)
        return latest if latest is not None and latest.new_valid_until == self.valid_until else None

    def current_term_end(self, day: datetime.date) -> datetime.date | None:
        """The last day of the term running on a day: None when not in force then, or when open-ended.

        A termination already entered for a later day ends the term the day before it. No query.
        """
        if not self.is_in_force_on(day):
            return None
        end = self.current_end(day)
        if self.status == self.Status.TERMINATED and self.terminated_on is not None:
            last = self.terminated_on - datetime.timedelta(days=1)
            end = last if end is None else min(end, last)
        return end

    def next_term_end(self, day: datetime.date) -> datetime.date | None:
        """Where the term running on a day ends if it is prolonged; None unless it prolongs itself. No query."""
        end = self.current_term_end(day)
        if not self.auto_prolongation or self.status != self.Status.IN_FORCE or end is None:
            return None
        return self._prolonged(end)

    def notice_deadline(self, day: datetime.date) -> datetime.date | None:
        """The last day to say the agreement will not be prolonged at the end of the running term.

        Only for an agreement in force on the day that prolongs itself, has a notice period and is not already
        being terminated. No query.
        """
        if not self.auto_prolongation or self.notice_days is None or self.status != self.Status.IN_FORCE:
            return None
        end = self.current_term_end(day)
        if end is None or end == datetime.date.max:
            return None
        return end - datetime.timedelta(days=self.notice_days)

    def notice_window_open(self, day: datetime.date) -> bool:
        """Within NOTICE_WINDOW_DAYS before the notice deadline, the deadline not passed. No query."""
        deadline = self.notice_deadline(day)
        if deadline is None:
            return False
        return deadline - datetime.timedelta(days=NOTICE_WINDOW_DAYS) <= day <= deadline

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


@dataclass(frozen=True)
class Term:
    """One term of an agreement (see `Agreement.terms()`); `end` is None for an open-ended agreement."""

    class Kind(models.TextChoices):
        INITIAL = "initial", _("первоначальный срок")
        PROLONGATION = "prolongation", _("пролонгация")
        AMENDED = "amended", _("срок изменён дополнительным соглашением")

    start: datetime.date
    end: datetime.date | None
    kind: str
    cut_short: bool = False  # ended early by the termination
    amendment: "Amendment | None" = None

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def get_kind_display(self) -> str:
        return str(self.Kind(self.kind).label)


class Amendment(models.Model):
    """A supplementary agreement: changes the agreement's end date or its directions (`apply_amendment`)."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("соглашение"), on_delete=models.PROTECT, related_name="amendments"
    )
    number = models.CharField(_("номер"), max_length=50, blank=True)
    signed_on = models.DateField(_("дата подписания"), validators=[validate_year])
    summary = models.TextField(_("содержание"), blank=True, help_text=_("Что меняет дополнительное соглашение."))
    new_valid_until = models.DateField(
        _("новый срок: действует до"),
        null=True,
        blank=True,
        validators=[validate_year],
        help_text=_("Если соглашение продлевает или сокращает срок. При сохранении меняет «действует до» соглашения."),
    )
    previous_valid_until = models.DateField(
        _("срок до этого дополнительного соглашения"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Записывается при сохранении: до какого дня действовало соглашение, пока срок не изменили."),
    )
    directions_added = models.ManyToManyField(
        Direction,
        verbose_name=_("добавляет направления"),
        related_name="added_by_amendments",
        blank=True,
    )
    directions_removed = models.ManyToManyField(
        Direction,
        verbose_name=_("исключает направления"),
        related_name="removed_by_amendments",
        blank=True,
    )
    scan = models.FileField(
        _("скан (PDF)"),
        storage=scan_storage,
        upload_to="amendments/%Y/",
        blank=True,
        max_length=255,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("Только PDF, не больше 20 МБ. Доступен только сотрудникам."),
    )
    created_at = models.DateTimeField(_("создано"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    class Meta:
        verbose_name = _("дополнительное соглашение")
        verbose_name_plural = _("дополнительные соглашения")
        ordering = ["signed_on", "pk"]

    def __str__(self) -> str:
        number = f" № {self.number}" if self.number else ""
        date = self.signed_on.strftime("%d.%m.%Y") if self.signed_on else ""
        return f"Дополнительное соглашение{number} от {date}"

    def clean(self) -> None:
        agreement = self._agreement_or_none()
        if agreement is None:
            return
        errors = {}
        if self.signed_on and agreement.signed_on and self.signed_on < agreement.signed_on:
            errors["signed_on"] = ValidationError(
                _("Дополнительное соглашение не может быть подписано раньше самого соглашения (%(date)s)."),
                params={"date": agreement.signed_on.strftime("%d.%m.%Y")},
                code="before_agreement",
            )
        start = agreement.valid_from or agreement.signed_on
        if self.new_valid_until and start and self.new_valid_until < start:
            errors["new_valid_until"] = ValidationError(
                _("Новый срок не может закончиться раньше, чем соглашение начало действовать (%(date)s)."),
                params={"date": start.strftime("%d.%m.%Y")},
                code="before_start",
            )
        if errors:
            raise ValidationError(errors)

    def _agreement_or_none(self) -> "Agreement | None":
        try:
            return self.agreement
        except Agreement.DoesNotExist:
            return None

    @property
    def change_reason(self) -> str:
        """What the agreement's history says about the change this amendment made."""
        return str(self)


@transaction.atomic
def apply_amendment(*, amendment: Amendment, created: bool = False) -> Agreement:
    """Make the agreement say what a saved amendment changes: its end date, its directions.

    The end date comes from the latest amendment that sets one (an older amendment edited later does not undo
    a newer one). A `created` amendment that changes the end keeps the end it replaced (`previous_valid_until`),
    so the agreement's story still tells its original term; an edit later keeps what it first replaced. The
    reason is left on the agreement for its change history.
    """
    agreement = amendment.agreement
    setting_end = Amendment.objects.filter(agreement=agreement, new_valid_until__isnull=False)
    latest = setting_end.order_by("-signed_on", "-pk").first()
    if latest is not None and latest.pk == amendment.pk and agreement.valid_until != amendment.new_valid_until:
        if created:
            amendment.previous_valid_until = agreement.valid_until
            amendment.save(update_fields=["previous_valid_until"])
        agreement.valid_until = amendment.new_valid_until
        agreement._change_reason = amendment.change_reason
        agreement.save()
    added = list(amendment.directions_added.all())
    removed = list(amendment.directions_removed.all())
    if added:
        agreement.directions.add(*added)
    if removed:
        agreement.directions.remove(*removed)
    return agreement


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


def credited_activities(agreements, *, within=None) -> dict[int, list[models.Model]]:
    """The activities of every registered kind (`core.kinds`) that each agreement serves, by the one rule
    (`credit_of`): the one path from agreements to what serves them (the admin's delete refusals, the agreement's
    timeline, the agreement's public page).

    `within(model)` gives each kind's queryset to choose from — every row when left out, the held ones for the
    timeline, the public ones in their readers' order for the public page; None leaves a kind out. Each
    agreement's list keeps the kinds' registration order and each queryset's own order. The candidates are the
    rows a partner of these agreements took part in and the rows staff credited to one of them by hand; the rule
    decides. A fixed number of queries whatever the rows: the agreements of the partners, then for each kind its
    rows, what its `credit_parties()` reads (the kind's `credit_prefetch`, `core.kinds`) and the two overrides.
    """
    agreements = list(agreements)
    wanted = {agreement.pk for agreement in agreements}
    credited: dict[int, list[models.Model]] = {pk: [] for pk in wanted}
    if not agreements:
        return credited
    partner_ids = {agreement.partner_id for agreement in agreements}
    agreements_of = by_partner(Agreement.objects.filter(partner_id__in=partner_ids))
    for kind in kinds.kinds():
        model = kind.model
        rows = model.objects.all() if within is None else within(model)
        if rows is None:
            continue
        candidates = Q(pk__in=model.objects.filter(agreements_added__in=wanted).values("pk"))
        for partner_id in partner_ids:
            candidates |= Q(pk__in=model.objects.with_library(partner_id).values("pk"))
        rows = rows.filter(candidates)
        rows = rows.prefetch_related(*kind.credit_prefetch, "agreements_added", "agreements_excluded")
        for row in rows:
            for pk in credit_of(row, agreements_of) & wanted:
                credited[pk].append(row)
    return credited


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
