"""The portal's forms. Figures and proposals are model forms, so a partner's input passes the same field
validators, model `clean()` and constraints as the admin's."""

import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from coopnet.models import PartnerAnswer
from coopnet.tabular.slugs import unique_slug
from events.models import Event, Participation, ensure_organiser_participation
from exhibitions.models import ExhibitionStop
from portal.models import Proposal


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


# A proposed event's hours until the methodologists set the real ones: a working day in the library's own time.
PROPOSED_START = datetime.time(11, 0)
PROPOSED_END = datetime.time(12, 30)


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["title", "kind", "format", "audience", "starts_on", "ends_on", "description"]
        labels = {"title": _("Название"), "kind": _("Вид"), "description": _("Описание")}
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "ends_on": _("Если мероприятие длится больше одного дня."),
            "description": _("Идея, участники, что нужно от Государственной библиотеки Кузбасса."),
        }

    def __init__(self, *args, library, author, **kwargs):
        super().__init__(*args, **kwargs)
        self.library = library
        self.author = author
        self.instance.library = library
        self.instance.author = author

    def _draft_event(self) -> Event:
        data = self.cleaned_data
        zone = zoneinfo.ZoneInfo(self.library.timezone)
        starts_at = datetime.datetime.combine(data["starts_on"], PROPOSED_START, tzinfo=zone)
        ends_at = datetime.datetime.combine(data.get("ends_on") or data["starts_on"], PROPOSED_END, tzinfo=zone)
        who = self.author.get_full_name() or self.author.email
        return Event(
            title=data["title"],
            slug=unique_slug(Event, data["title"]),
            kind=data["kind"],
            format=data["format"],
            audience=data["audience"],
            organiser=self.library,
            starts_at=starts_at,
            ends_at=ends_at,
            description=data["description"],
            is_published=False,
            notes=str(
                _("Предложено библиотекой-партнёром через портал: %(library)s, %(who)s. Время — условное.")
                % {"library": self.library, "who": who}
            ),
        )

    def clean(self):
        data = super().clean()
        if not self.errors:
            event = self._draft_event()
            try:
                event.full_clean(exclude=["slug"])
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    target = {"starts_at": "starts_on", "ends_at": "ends_on"}.get(field, field)
                    self.add_error(target if target in self.fields else None, messages)
        return data

    @transaction.atomic
    def save(self, commit=True):
        event = self._draft_event()
        event.save()
        ensure_organiser_participation(event)
        self.instance.event = event
        return super().save(commit=commit)
