"""Admin forms of contests: an entry's nomination and curator are chosen among its own contest's."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.models import Library

from .models import Contest, Entry, Nomination

EMPTY_CHOICE = ("", "---------")


def _nomination_choices(nominations) -> list:
    """Grouped by contest when several contests' nominations are listed."""
    nominations = list(nominations)
    contests = dict.fromkeys(n.contest_id for n in nominations)
    if len(contests) <= 1:
        return [EMPTY_CHOICE, *((n.pk, n.name) for n in nominations)]
    titles = {n.contest_id: n.contest.title for n in nominations}
    grouped = [(titles[pk], [(n.pk, n.name) for n in nominations if n.contest_id == pk]) for pk in contests]
    return [EMPTY_CHOICE, *grouped]


def _curator_choices(libraries) -> list:
    return [EMPTY_CHOICE, *((library.pk, library.short_name) for library in libraries)]


def contest_rows(contest: Contest | None):
    """A saved contest's nominations and curating libraries; none for a contest still being added."""
    if contest is None or contest.pk is None:
        return Nomination.objects.none(), Library.objects.none()
    return (
        Nomination.objects.filter(contest=contest).order_by("position", "name"),
        Library.objects.filter(curated_contests__contest=contest).order_by("short_name"),
    )


class BaseEntryForm(forms.ModelForm):
    nomination = forms.ModelChoiceField(Nomination.objects.none(), required=False, label=_("Номинация"))
    curator = forms.ModelChoiceField(Library.objects.none(), required=False, label=_("Библиотека-куратор"))

    class Meta:
        model = Entry
        fields = [
            "contest",
            "entrant_name",
            "age",
            "locality",
            "school",
            "curator",
            "work_title",
            "nomination",
            "result",
            "place",
            "public_consent",
        ]

    def limit(self, nominations, curators, nomination_choices: list, curator_choices: list) -> None:
        # The queryset decides what is accepted, the choices only what is listed (no query of their own).
        self.fields["nomination"].queryset = nominations
        self.fields["curator"].queryset = curators
        self.fields["nomination"].choices = nomination_choices
        self.fields["curator"].choices = curator_choices


class EntryForm(BaseEntryForm):
    """An entry on its own page, where its contest is a field too.

    Any contest's nomination and any curating library pass the fields; `Entry.clean()` refuses those of another
    contest than the one chosen, with a message. The lists show the entry's contest's when it has one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomination"].help_text = _("Одна из номинаций конкурса этой работы.")
        self.fields["curator"].help_text = _("Одна из библиотек-кураторов конкурса этой работы.")
        if self.instance.contest_id is not None:
            shown_nominations, shown_curators = contest_rows(self.instance.contest)
        else:
            shown_nominations = Nomination.objects.select_related("contest").order_by("contest__title", "position")
            shown_curators = Library.objects.filter(curated_contests__isnull=False).distinct().order_by("short_name")
        self.limit(
            Nomination.objects.all(),
            Library.objects.filter(curated_contests__isnull=False).distinct(),
            _nomination_choices(shown_nominations),
            _curator_choices(shown_curators),
        )


class ContestEntryForm(BaseEntryForm):
    """An entry in its contest's inline: only that contest's saved nominations and curators are accepted.

    Made per contest by `for_contest()`, which reads the lists once, so the inline renders in a constant number
    of queries however many entries the contest has."""

    contest: Contest | None = None
    nomination_list: list = [EMPTY_CHOICE]
    curator_list: list = [EMPTY_CHOICE]

    @classmethod
    def for_contest(cls, contest: Contest | None) -> type["ContestEntryForm"]:
        nominations, curators = contest_rows(contest)
        attrs = {
            "contest": contest,
            "nomination_list": _nomination_choices(nominations),
            "curator_list": _curator_choices(curators),
        }
        return type(cls.__name__, (cls,), attrs)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        saved = self.contest is not None and self.contest.pk is not None
        self.fields["nomination"].help_text = (
            _("Одна из номинаций этого конкурса.")
            if saved
            else _("Номинации можно выбрать, когда конкурс с ними будет сохранён.")
        )
        self.fields["curator"].help_text = (
            _("Одна из библиотек-кураторов этого конкурса.")
            if saved
            else _("Кураторов можно выбрать, когда конкурс с ними будет сохранён.")
        )
        nominations, curators = contest_rows(self.contest)
        self.limit(nominations, curators, self.nomination_list, self.curator_list)
