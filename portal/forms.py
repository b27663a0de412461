"""The portal's forms. Figures and proposals are model forms, so a partner's input passes the same field
validators, model `clean()` and constraints as the admin's."""

import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from contests.models import Contest
from core.models import PartnerAnswer
from events.models import Event, Participation, ensure_organiser_participation
from exhibitions.models import Exhibition, ExhibitionStop
from portal.models import CONTEST, EXHIBITION, Proposal
from tabular.slugs import unique_slug


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value):
        """A date input may hold only a valid date: what does not parse comes back empty (its error says why)."""
        if isinstance(value, str):
            try:
                datetime.date.fromisoformat(value)
            except ValueError:
                return None
        return super().format_value(value)


class AnswerForm(forms.Form):
    """Confirm or decline taking part; a refusal says why."""

    answer = forms.ChoiceField(
        label=_("Ваш ответ"),
        choices=[(PartnerAnswer.CONFIRMED, _("Участвуем")), (PartnerAnswer.DECLINED, _("Не сможем участвовать"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Комментарий"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("При отказе напишите причину — методисты увидят её."),
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") == PartnerAnswer.DECLINED and not data.get("comment", "").strip():
            self.add_error("comment", _("Напишите, почему библиотека не сможет участвовать."))
        return data


class ParticipationFiguresForm(forms.ModelForm):
    class Meta:
        model = Participation
        fields = ["participants_count", "results_note"]
        labels = {"participants_count": _("Участников на вашей площадке")}
        widgets = {"results_note": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "results_note": _("Коротко: как прошло, что получилось. Видят методисты; на сайте не публикуется.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants_count"].required = True


class StopFiguresForm(forms.ModelForm):
    class Meta:
        model = ExhibitionStop
        fields = ["visitors", "excursions", "results_note"]
        labels = {"visitors": _("Посетителей выставки"), "excursions": _("Проведено экскурсий")}
        widgets = {"results_note": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "results_note": _("Коротко: как прошла выставка у вас. Видят методисты; на сайте не публикуется.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visitors"].required = True


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


# A proposed event without the library's hours spans its whole days, in the library's own time: no hour is made up.
DAY_START = datetime.time(0, 0)
DAY_END = datetime.time(23, 59)
# The draft's fields that the proposal's own fields stand for, so an error shows beside the partner's field.
DRAFT_FIELDS = {
    "starts_at": "starts_on",
    "ends_at": "ends_on",
    "submissions_from": "starts_on",
    "submissions_until": "ends_on",
}


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = [
            "title",
            "kind",
            "format",
            "audience",
            "starts_on",
            "ends_on",
            "starts_at_time",
            "ends_at_time",
            "description",
        ]
        labels = {"title": _("Название"), "kind": _("Вид"), "description": _("Описание")}
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "starts_at_time": TimeInput(),
            "ends_at_time": TimeInput(),
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "kind": _(
                "Мероприятие, выставка или конкурс. Для выставки даты — когда её можно показать, "
                "для конкурса — приём работ."
            ),
            "ends_on": _("Если мероприятие длится больше одного дня."),
            "starts_at_time": _(
                "По времени вашей библиотеки, если оно уже известно. Для выставки и конкурса не нужно."
            ),
            "ends_at_time": _("По времени вашей библиотеки, если оно уже известно."),
            "description": _("Идея, участники, что нужно от Государственной библиотеки Кузбасса."),
        }

    def __init__(self, *args, library, author, **kwargs):
        super().__init__(*args, **kwargs)
        self.library = library
        self.author = author
        self.instance.library = library
        self.instance.author = author

    def _notes(self, timed: bool = True) -> str:
        who = self.author.get_full_name() or self.author.email
        said = _("Предложено библиотекой-партнёром через портал: %(library)s, %(who)s.") % {
            "library": self.library,
            "who": who,
        }
        if not timed:
            said = f"{said} {_('Время библиотека не указала: мероприятие занимает дни целиком, укажите часы.')}"
        return str(said)

    def _draft(self):
        """What the proposal becomes, by its kind: an unpublished event, exhibition or contest of the library."""
        data = self.cleaned_data
        common = {"title": data["title"], "description": data["description"], "is_published": False}
        if data["kind"] == EXHIBITION:
            return Exhibition(
                slug=unique_slug(Exhibition, data["title"]), provider=self.library, **common, notes=self._notes()
            )
        if data["kind"] == CONTEST:
            return Contest(
                slug=unique_slug(Contest, data["title"]),
                organiser=self.library,
                submissions_from=data["starts_on"],
                submissions_until=data.get("ends_on"),
                **common,
                notes=self._notes(),
            )
        zone = zoneinfo.ZoneInfo(self.library.timezone)
        start_time, end_time = data.get("starts_at_time"), data.get("ends_at_time")
        last_day = data.get("ends_on") or data["starts_on"]
        starts_at = datetime.datetime.combine(data["starts_on"], start_time or DAY_START, tzinfo=zone)
        ends_at = datetime.datetime.combine(last_day, end_time or start_time or DAY_END, tzinfo=zone)
        common["notes"] = self._notes(timed=start_time is not None)
        return Event(
            slug=unique_slug(Event, data["title"]),
            kind=data["kind"],
            format=data["format"],
            audience=data["audience"],
            organiser=self.library,
            starts_at=starts_at,
            ends_at=ends_at,
            **common,
        )

    def clean(self):
        data = super().clean()
        if data.get("ends_at_time") and not data.get("starts_at_time"):
            self.add_error("starts_at_time", _("Укажите и время начала."))
        starts, ends = data.get("starts_on"), data.get("ends_on")
        # Dates the wrong way round are the proposal's own error («Дата окончания не может быть раньше даты
        # начала.»); the draft would say it again in its own words.
        if not self.errors and not (starts and ends and ends < starts):
            draft = self._draft()
            try:
                draft.full_clean(exclude=["slug"])
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    target = DRAFT_FIELDS.get(field, field)
                    self.add_error(target if target in self.fields else None, messages)
        return data

    @transaction.atomic
    def save(self, commit=True):
        draft = self._draft()
        draft.save()
        if isinstance(draft, Event):
            ensure_organiser_participation(draft)
            self.instance.event = draft
        elif isinstance(draft, Exhibition):
            self.instance.exhibition = draft
        else:
            self.instance.contest = draft
        return super().save(commit=commit)
