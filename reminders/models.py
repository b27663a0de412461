"""What the daily reminder email told the methodologists, so nothing is told twice."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Reminder(models.Model):
    """One item of a sent reminder email: a kind of reminder about one record, for one lead time and date.

    Unique per (kind, record, lead time, date), so a record is reminded of once per lead time: an agreement of its
    term ending 90, 30 and 7 days ahead, and again for the next term if it is prolonged.
    """

    class Kind(models.TextChoices):
        TERM_ENDS = "term_ends", _("срок соглашения истекает")
        NOTICE_DEADLINE = "notice_deadline", _("срок уведомления о непролонгации")
        DORMANT = "dormant", _("соглашение бездействует")
        AWAITING_CONFIRMATION = "awaiting", _("не отмечено, что проведено")
        NO_ATTENDANCE = "no_attendance", _("проведено, участники не указаны")
        NO_ONLINE_LINK = "no_online_link", _("нет ссылки на трансляцию")
        NO_SITE = "no_site", _("не указаны площадки")
        # To a partner library's portal members, about the library's own row in an activity (reminders/partners.py).
        PARTNER_FIGURES = "partner_figures", _("партнёру: внести цифры")
        PARTNER_FIGURES_AGAIN = "partner_figures_again", _("партнёру: повторно о цифрах")

    kind = models.CharField(_("о чём"), max_length=30, choices=Kind.choices)
    content_type = models.ForeignKey(ContentType, verbose_name=_("тип записи"), on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(_("номер записи"))
    record = GenericForeignKey("content_type", "object_id")
    lead_days = models.PositiveSmallIntegerField(
        _("за сколько дней"), default=0, validators=[MaxValueValidator(366)], help_text=_("0 — без срока.")
    )
    due_on = models.DateField(_("дата, о которой напоминание"))
    text = models.CharField(_("пункт письма"), max_length=500)
    subject = models.CharField(_("тема письма"), max_length=300)
    recipients = models.TextField(_("получатели"))
    sent_at = models.DateTimeField(_("отправлено"))

    class Meta:
        verbose_name = _("напоминание")
        verbose_name_plural = _("напоминания")
        ordering = ["-sent_at", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id", "lead_days", "due_on"],
                name="reminder_once_per_record_and_lead",
                violation_error_message=_("Об этом уже напоминали."),
            ),
            models.CheckConstraint(
                condition=models.Q(lead_days__lte=366),
                name="reminder_lead_days_range",
                violation_error_message=_("Не больше 366 дней."),
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.text
