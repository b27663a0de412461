"""The partner portal's own records: whose account belongs to which partner library, and what partners proposed.

Everything else a partner does in the portal is stored on the activity apps' rows (`core.models.PartnerSide`:
answers and figures on an event's participation, an exhibition's stop, a contest's curator).
"""

from django.conf import settings
from django.db import models
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from agreements.models import Contact, Library
from contests.models import Contest
from core.dates import validate_year
from events.models import Event
from exhibitions.models import Exhibition


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(user__is_active=True, library__is_host=False)


class Membership(models.Model):
    """A partner library's staff member with a portal account: the account belongs to that library alone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("учётная запись"),
        on_delete=models.CASCADE,
        related_name="partner_membership",
    )
    library = models.ForeignKey(
        Library, verbose_name=_("библиотека"), on_delete=models.PROTECT, related_name="portal_members"
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("контактное лицо"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="portal_memberships",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("пригласил"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("приглашение отправлено"), null=True, blank=True)
    joined_at = models.DateTimeField(_("пароль задан"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("учётная запись партнёра")
        verbose_name_plural = _("учётные записи партнёров")
        ordering = ["library__short_name", "user__last_name", "user__email"]

    def __str__(self) -> str:
        name = self.user.get_full_name() or self.user.email or self.user.username
        return f"{name} ({self.library})"


EXHIBITION, CONTEST = "exhibition", "contest"
# What a partner may propose: any kind of event, a travelling exhibition, a contest.
PROPOSAL_KINDS = [*Event.Kind.choices, (EXHIBITION, _("выставка")), (CONTEST, _("конкурс"))]


class ProposalQuerySet(models.QuerySet):
    def with_public_draft(self):
        """Annotate `draft_is_public`: whether readers may see what the proposal became, by that model's own rule
        (`objects.public()`), in the same query."""
        shown = (
            Exists(Event.objects.public().filter(pk=OuterRef("event_id")))
            | Exists(Exhibition.objects.public().filter(pk=OuterRef("exhibition_id")))
            | Exists(Contest.objects.public().filter(pk=OuterRef("contest_id")))
        )
        return self.annotate(draft_is_public=ExpressionWrapper(shown, output_field=BooleanField()))


class ProposalManager(models.Manager.from_queryset(ProposalQuerySet)):
    """Every proposal read knows whether its draft is public (`fate()` and `public_url` say it)."""

    def get_queryset(self):
        return super().get_queryset().with_public_draft()


class Proposal(models.Model):
    """A joint activity a partner library proposed in the portal. It arrives as a draft — an event, an exhibition or
    a contest by its kind — which the host's methodologists complete and publish, or they decline the proposal with
    a reason the partner sees."""

    class Decision(models.TextChoices):
        OPEN = "", _("на рассмотрении")
        ACCEPTED = "accepted", _("принято")
        DECLINED = "declined", _("отклонено")

    library = models.ForeignKey(
        Library, verbose_name=_("библиотека"), on_delete=models.PROTECT, related_name="proposals"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("автор"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("название"), max_length=400)
    kind = models.CharField(_("вид"), max_length=30, choices=PROPOSAL_KINDS)
    format = models.CharField(_("формат"), max_length=20, choices=Event.Format.choices, default=Event.Format.ONLINE)
    audience = models.CharField(
        _("аудитория"), max_length=20, choices=Event.Audience.choices, default=Event.Audience.CHILDREN
    )
    starts_on = models.DateField(_("дата начала"), validators=[validate_year])
    ends_on = models.DateField(_("дата окончания"), null=True, blank=True, validators=[validate_year])
    # The hours, when the library gives them, in the library's own time; without them the draft spans whole days.
    starts_at_time = models.TimeField(_("время начала"), null=True, blank=True)
    ends_at_time = models.TimeField(_("время окончания"), null=True, blank=True)
    description = models.TextField(_("описание"), max_length=5000)
    event = models.OneToOneField(
        Event,
        verbose_name=_("черновик мероприятия"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )
    exhibition = models.OneToOneField(
        Exhibition,
        verbose_name=_("черновик выставки"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )
    contest = models.OneToOneField(
        Contest,
        verbose_name=_("черновик конкурса"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )
    decision = models.CharField(
        _("решение"), max_length=20, choices=Decision.choices, blank=True, default=Decision.OPEN
    )
    decision_comment = models.TextField(
        _("комментарий для библиотеки"),
        max_length=2000,
        blank=True,
        help_text=_("Библиотека-партнёр увидит его в портале."),
    )
    created_at = models.DateTimeField(_("предложено"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    objects = ProposalManager()

    class Meta:
        verbose_name = _("предложение партнёра")
        verbose_name_plural = _("предложения партнёров")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="proposal_ends_after_start",
                violation_error_message=_("Дата окончания не может быть раньше даты начала."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def draft(self):
        """The record the proposal became (an event, an exhibition or a contest), or None once deleted."""
        return self.event or self.exhibition or self.contest

    UNDER_REVIEW, DECLINED, ACCEPTED, PUBLISHED, CALLED_OFF = "review", "declined", "accepted", "published", "off"

    def standing(self) -> str:
        """Where the proposal stands: one rule for the portal and the admin list (`fate()` says it in words).

        Read through `Proposal.objects` (`with_public_draft()`), which says whether readers may see the draft."""
        draft = self.draft
        if self.decision == self.Decision.DECLINED:
            return self.DECLINED
        if draft is None:
            return self.ACCEPTED if self.decision == self.Decision.ACCEPTED else self.UNDER_REVIEW
        if draft.is_called_off:
            return self.CALLED_OFF
        if self.draft_is_public:
            return self.PUBLISHED
        if self.decision == self.Decision.ACCEPTED:
            return self.ACCEPTED
        return self.UNDER_REVIEW

    def fate(self) -> str:
        """What became of the proposal, as the partner is told."""
        standing = self.standing()
        if standing == self.CALLED_OFF:
            return str(self.draft.get_status_display())
        if standing == self.ACCEPTED and self.draft is not None:
            return str(_("принято, готовится к публикации"))
        return str(
            {
                self.DECLINED: _("отклонено"),
                self.ACCEPTED: _("принято"),
                self.PUBLISHED: _("принято и опубликовано на сайте"),
                self.UNDER_REVIEW: _("на рассмотрении"),
            }[standing]
        )

    @property
    def undecided(self) -> bool:
        """Staff have not accepted it: under review (its draft is no joint work yet) or declined."""
        return self.standing() in (self.UNDER_REVIEW, self.DECLINED)

    @property
    def public_url(self) -> str:
        """The page of what it became on the site, once readers may see it there (`with_public_draft()`)."""
        draft = self.draft
        return draft.get_absolute_url() if draft is not None and self.draft_is_public else ""
