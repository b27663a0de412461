"""Abstract bases every activity app shares. Imports no app, so every layer may use it.

`Publishable` carries what makes a record a draft or public, with the one rule of visibility:
`objects.public()`. Models add their own conditions by overriding `public()` on their queryset
(calling `super().public()`), so a view, feed, sitemap or search never tests the flag itself.
"""

import os
import uuid
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.expressions import ResolvedOuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image

from core.dates import validate_year
from core.people import Gender


def nested(value):
    """`value` as seen from a subquery one level deeper: an OuterRef must reach one level further out."""
    return OuterRef(value) if isinstance(value, OuterRef | ResolvedOuterRef) else value


@dataclass(frozen=True)
class TakingPart:
    """Who takes part in a kind of activity: the library its own column names (`own`: the organiser, the provider,
    the maker), and the rows of `through` (sites, stops, curators) that name others by `library`, linked to the
    activity by `activity`; `repeats` when one library may have several rows of one activity (stops).

    Each activity queryset says it once (`taking_part()`): `with_library()` selects by it (`taken_part_in`), and
    the partners page counts by it (`pages.activity.activity_counts`)."""

    own: str
    through: type | None = None
    activity: str = ""
    library: str = ""
    repeats: bool = False

    def rows_of(self, library):
        """A library's own rows in activities of this kind (`through` naming it: an event's participation, an
        exhibition's stop, a contest's curator) — what the partner portal asks the library about. Unlike
        `taken_part_in`, not the activities where the library is only the own column (an exhibition it provided,
        a contest it organised without a curator's row): there is no row of its own to answer or fill in."""
        return self.through.objects.filter(**{self.library: library})


def taken_part_in(queryset, library, part: TakingPart):
    """The rows of an activity queryset a library took part in (`part`), each once: `with_library()`.

    For a library or its pk: `pk IN (own UNION ALL through)`, which PostgreSQL reads from both indexes (the OR of
    an EXISTS made it test every row). For an OuterRef (a correlated EXISTS, as `Library.objects.partners()`):
    `own = ref OR EXISTS (...)`, the form a correlated subquery needs."""
    if part.through is None:
        return queryset.filter(**{part.own: library})
    if isinstance(library, OuterRef | ResolvedOuterRef):
        linked = part.through.objects.filter(**{part.activity: OuterRef("pk"), part.library: nested(library)})
        return queryset.filter(Q(**{part.own: library}) | Q(Exists(linked)))
    owned = queryset.model.objects.filter(**{part.own: library}).order_by().values("pk")
    linked = part.rows_of(library).order_by().values(f"{part.activity}_id")
    return queryset.filter(pk__in=owned.union(linked, all=True))


class PublishedQuerySet(models.QuerySet):
    def public(self):
        """Exactly what a reader may see."""
        return self.filter(is_published=True)


class Publishable(models.Model):
    """A record staff prepare as a draft and then publish, with notes the public never sees."""

    notes = models.TextField(_("служебные заметки"), blank=True, help_text=_("На сайте не показываются."))
    is_published = models.BooleanField(_("опубликовано"), default=False)
    created_at = models.DateTimeField(_("создано"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True


COVER_MAX_BYTES = 5 * 1024 * 1024
COVER_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]


def cover_upload_to(instance, filename: str) -> str:
    """Covers of each app in their own folder by year, under a random name (`events/covers/2026/<32 hex>.jpg`):
    the original file name says nothing, and no address can be guessed."""
    extension = os.path.splitext(filename)[1].lower()[:6]
    return f"{instance._meta.app_label}/covers/{timezone.now():%Y}/{uuid.uuid4().hex}{extension}"


COVER_MAX_PIXELS = 40_000_000


def validate_cover_pixels(file) -> None:
    """At most `COVER_MAX_PIXELS`, read from the image's header without decoding it: a PNG of one colour, 12,000 ×
    12,000 points, is 17 KB on disk and half a gigabyte in the memory of whatever decodes it (a browser, a
    thumbnailer). A file Pillow cannot read is left to the ImageField, which refuses it with its own message."""
    try:
        position = file.tell()
    except (AttributeError, OSError, ValueError):
        position = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
    except Image.DecompressionBombError:  # past twice Pillow's own limit: its size is not given
        width, height = None, None
    except Exception:  # not an image at all
        return
    finally:
        if position is not None:
            file.seek(position)
    if width is not None and width * height <= COVER_MAX_PIXELS:
        return
    limit = COVER_MAX_PIXELS // 1_000_000
    if width is None:
        raise ValidationError(
            _("Изображение слишком большое. Можно не больше %(limit)s Мп: уменьшите его.") % {"limit": limit}
        )
    raise ValidationError(
        _(
            "Изображение слишком большое: %(width)s × %(height)s пикс. (%(mp)s Мп). "
            "Можно не больше %(limit)s Мп: уменьшите его."
        )
        % {"width": width, "height": height, "mp": round(width * height / 1_000_000), "limit": limit}
    )


def validate_cover_size(file) -> None:
    if file.size > COVER_MAX_BYTES:
        raise ValidationError(
            _("Файл обложки слишком большой: %(size)s МБ. Можно не больше %(limit)s МБ.")
            % {"size": f"{file.size / 1024 / 1024:.1f}".replace(".", ","), "limit": COVER_MAX_BYTES // 1024 // 1024}
        )


class Illustrated(models.Model):
    """A cover image with the text a screen reader says instead of it. Pillow checks that the file is an image;
    its kind, its bytes and its pixels (read from the header) are bounded. Covers are served by `ops.covers` only
    while their record is public."""

    cover = models.ImageField(
        _("обложка"),
        upload_to=cover_upload_to,
        blank=True,
        validators=[FileExtensionValidator(COVER_EXTENSIONS), validate_cover_size, validate_cover_pixels],
        help_text=_("JPEG, PNG, WebP или GIF, не больше 5 МБ и 40 мегапикселей."),
    )
    cover_alt = models.CharField(_("описание обложки для незрячих"), max_length=300, blank=True)

    class Meta:
        abstract = True


class Status(models.TextChoices):
    """Where an activity stands. Only held activities count as done; the others are shown as what they are."""

    PLANNED = "planned", _("запланировано")
    HELD = "held", _("проведено")
    CANCELLED = "cancelled", _("отменено")
    POSTPONED = "postponed", _("перенесено")


# What readers are told about. A planned activity past its date just looks past ("awaiting" is for staff).
CALLED_OFF = frozenset({Status.CANCELLED, Status.POSTPONED})

# Not stored: a planned activity whose date has passed without anyone saying it was held.
AWAITING_CONFIRMATION = "awaiting"
AWAITING_CONFIRMATION_LABEL = _("ждёт подтверждения")


def rescheduled_only_when_postponed(name: str) -> models.CheckConstraint:
    """The constraint every `Scheduled` model lists in its Meta (a Meta of its own replaces the base's)."""
    return models.CheckConstraint(
        condition=models.Q(rescheduled_to__isnull=True) | models.Q(status=Status.POSTPONED),
        name=f"{name}_rescheduled_only_when_postponed",
        violation_error_message=_("Новая дата указывается только у перенесённого."),
    )


# How far an activity got, furthest first: the order the report counts and lists statuses in.
STATUS_ORDER = (
    Status.HELD.value,
    AWAITING_CONFIRMATION,
    Status.PLANNED.value,
    Status.CANCELLED.value,
    Status.POSTPONED.value,
)


def status_label(status: str) -> str:
    """The words for where an activity stands (a `Status` value or AWAITING_CONFIRMATION): the one label, said
    alike by the admin's column, the portal, the dashboard and the report's lists."""
    return str(AWAITING_CONFIRMATION_LABEL if status == AWAITING_CONFIRMATION else Status(status).label)


def status_of(stored: str, over: bool, ahead: bool) -> str:
    """Where an activity stands on a day, from its stored status and its dates: the one rule.

    A planned activity whose date has passed (`over`) awaits confirmation. A "held" mark on an activity that has not
    begun (`ahead`) is not believed: it stays planned (the forms refuse such a mark; this covers older rows)."""
    if stored == Status.HELD and ahead:
        return Status.PLANNED.value
    if stored == Status.PLANNED and over:
        return AWAITING_CONFIRMATION
    return str(stored)


class ScheduledQuerySet(PublishedQuerySet):
    """The SQL form of `status_of()`. Each model says which of its rows are past their date on a day (`_over_by`),
    which have not begun (`_ahead_by`), and which stand by a stored status (`_stands`: a row's own status, unless
    the model says otherwise — an exhibition's stop stands as its exhibition when that was called off)."""

    def _stands(self, status) -> Q:
        return Q(status=status)

    def _over_by(self, day) -> Q:  # pragma: no cover - every concrete queryset defines it
        raise NotImplementedError

    def _ahead_by(self, day) -> Q:  # pragma: no cover - every concrete queryset defines it
        raise NotImplementedError

    def held(self):
        """Standing as held (whatever the dates: `in_status_on(HELD, day)` also refuses a mark on what is ahead)."""
        return self.filter(self._stands(Status.HELD))

    def going_ahead(self):
        """Not cancelled or postponed."""
        called_off = Q()
        for status in CALLED_OFF:
            called_off |= self._stands(status)
        return self.exclude(called_off)

    def awaiting_confirmation(self, day):
        """Still "planned" although their date has passed: a gap in the data, never counted as held."""
        return self.filter(self._over_by(day), self._stands(Status.PLANNED))

    def in_status_on(self, status: str, day):
        """The rows whose `status_on(day)` is `status` (a `Status` value or AWAITING_CONFIRMATION): `status_of()`
        in SQL, tested to agree with it."""
        if status == AWAITING_CONFIRMATION:
            return self.awaiting_confirmation(day)
        if status == Status.PLANNED:
            planned = self._stands(Status.PLANNED) & ~self._over_by(day)
            return self.filter(planned | (self._stands(Status.HELD) & self._ahead_by(day)))
        if status == Status.HELD:
            return self.filter(self._stands(Status.HELD) & ~self._ahead_by(day))
        return self.filter(self._stands(status))


class Scheduled(models.Model):
    """An activity staff plan and then mark as held, cancelled or postponed (with the new date when known)."""

    status = models.CharField(
        _("статус"),
        max_length=20,
        choices=Status.choices,
        default=Status.PLANNED,
        help_text=_("Засчитываются в отчёте только проведённые. Прошедшее, но не отмеченное, ждёт подтверждения."),
    )
    rescheduled_to = models.DateField(
        _("перенесено на"),
        null=True,
        blank=True,
        validators=[validate_year],
        help_text=_("Новая дата, если перенесено и она известна."),
    )

    class Meta:
        abstract = True

    def is_over_on(self, day) -> bool:  # pragma: no cover - every concrete model defines it
        raise NotImplementedError

    def is_ahead_on(self, day) -> bool:  # pragma: no cover - every concrete model defines it
        """Not begun yet on a day."""
        raise NotImplementedError

    def clean(self):
        super().clean()
        if self.status == Status.HELD and self.is_ahead_on(timezone.localdate()):
            raise ValidationError({"status": _("Проведённым можно отметить только то, что уже началось.")})

    @property
    def is_called_off(self) -> bool:
        """Cancelled or postponed: what a reader is told about."""
        return self.status in CALLED_OFF

    def status_on(self, day) -> str:
        """`status_of()` this activity on a day."""
        return status_of(self.status, self.is_over_on(day), self.is_ahead_on(day))

    def status_label_on(self, day) -> str:
        """`status_label()` of `status_on(day)`."""
        return status_label(self.status_on(day))


class PartnerAnswer(models.TextChoices):
    """A partner library's answer to taking part in a planned activity (the partner portal)."""

    NONE = "", _("нет ответа")
    CONFIRMED = "confirmed", _("подтвердила участие")
    DECLINED = "declined", _("отказалась")


# Who entered a row's figures, and when: written only with them (`PartnerSide.save_figures`).
FIGURES_AUTHOR_FIELDS = ("figures_entered_at", "figures_entered_by", "figures_by_partner")


class PartnerSide(models.Model):
    """A library's own row in a joint activity (an event's site, an exhibition's stop, a contest's curator): what
    the library answered about taking part, and who entered the row's figures.

    The figures are named by `PARTNER_FIGURES`. They are written together with who entered them by
    `save_figures(user=, by_partner=)`, which the admin (`adminkit.partner_side`) and the partner portal call;
    nothing in `save()` does it behind a caller's back. A figure staff change is no longer marked as confirmed by
    the partner, so "confirmed by the partner" always means the partner's own number is stored.
    """

    PARTNER_FIGURES: tuple[str, ...] = ()

    answer = models.CharField(
        _("ответ библиотеки"), max_length=20, choices=PartnerAnswer.choices, blank=True, default=""
    )
    answer_comment = models.CharField(_("комментарий к ответу"), max_length=500, blank=True)
    answered_at = models.DateTimeField(_("когда ответила"), null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("кто ответил"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    results_note = models.TextField(_("итоги на площадке"), max_length=2000, blank=True)
    figures_entered_at = models.DateTimeField(_("цифры внесены"), null=True, blank=True, editable=False)
    figures_entered_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("кто внёс цифры"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    figures_by_partner = models.BooleanField(_("цифры подтверждены библиотекой"), default=False, editable=False)

    class Meta:
        abstract = True

    def figures(self) -> dict[str, int | None]:
        """The row's figures as they stand on it, by name."""
        return {name: getattr(self, name) for name in self.PARTNER_FIGURES}

    def save_figures(self, *, user, by_partner: bool, update_fields=None, **figures) -> None:
        """Save the row with its figures (as given here, or as a form left them on it) and who entered them,
        together: the one way the admin and the partner portal write figures (the import writes none).

        When a figure differs from the stored row (read here, in one query; a new row has none stored), the record
        says who entered them (`user`), when, and whether the library's own staff did (`by_partner`); a figure set
        back to unknown everywhere clears it. Saving the row's other fields keeps the record as it was. With
        `update_fields`, only those fields, the figures given and the record are saved."""
        unknown = set(figures) - set(self.PARTNER_FIGURES)
        if unknown:
            raise ValueError(f"{type(self).__name__} has no figures {sorted(unknown)}")
        for name, value in figures.items():
            setattr(self, name, value)
        if update_fields is not None:
            update_fields = [*update_fields, *figures]
        stored = None
        if self.PARTNER_FIGURES and self.pk is not None and not self._state.adding:
            stored = type(self).objects.filter(pk=self.pk).values(*self.PARTNER_FIGURES).first()
        now = self.figures()
        if now != (stored or dict.fromkeys(self.PARTNER_FIGURES)):
            self.figures_entered_at = timezone.now() if any(value is not None for value in now.values()) else None
            self.figures_entered_by = user if getattr(user, "pk", None) else None
            self.figures_by_partner = by_partner and self.figures_entered_at is not None
            if update_fields is not None:
                update_fields = [*update_fields, *FIGURES_AUTHOR_FIELDS]
        self.save(update_fields=update_fields)

    def record_answer(self, user, answer: str, comment: str) -> None:
        self.answer = answer
        self.answer_comment = comment
        self.answered_at = timezone.now()
        self.answered_by = user if getattr(user, "pk", None) else None


class Profile(models.Model):
    """What the site knows of a user beyond Django's account: how to address them (`core.people`)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("пользователь"), on_delete=models.CASCADE, related_name="profile"
    )
    gender = models.CharField(
        _("обращение"),
        max_length=1,
        choices=Gender.choices,
        blank=True,
        default=Gender.UNKNOWN,
        help_text=_(
            "В мужском или в женском роде сайт говорит с пользователем (например, на кнопке подтверждения "
            "удаления). Не указано — без рода."
        ),
    )

    class Meta:
        verbose_name = _("обращение к пользователю")
        verbose_name_plural = _("обращения к пользователям")

    def __str__(self) -> str:
        return str(self.get_gender_display())
