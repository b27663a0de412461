from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import public_agreements_credited_by

from .models import Contest, Curator, Entry

Stage = Contest.Stage
# What readers are told about; a planned one past its date just looks past ("awaiting" is for staff).
STAGE_TITLES = {
    Stage.OPEN: _("Идёт приём работ"),
    Stage.UPCOMING: _("Скоро"),
    Stage.FINISHED: _("Завершённые"),
}
CALLED_OFF_TITLE = _("Отменённые и перенесённые")
RESULT_TITLES = Entry.AWARD_TITLES


def contest_list(request):
    today = timezone.localdate()
    groups = {stage: [] for stage in STAGE_TITLES}
    called_off = []
    for contest in Contest.objects.public().annotate(curators_count=Count("curators")):
        # Its dates no longer hold: listed apart, not as taking entries or finished.
        (called_off if contest.is_called_off else groups[contest.stage_on(today)]).append(contest)
    groups[Stage.OPEN].sort(key=lambda c: (c.submissions_until is None, c.submissions_until or today, c.title))
    groups[Stage.UPCOMING].sort(key=lambda c: (c.submissions_from, c.title))
    groups[Stage.FINISHED].sort(key=lambda c: (c.submissions_until, c.title), reverse=True)
    sections = [{"stage": stage, "title": title, "contests": groups[stage]} for stage, title in STAGE_TITLES.items()]
    sections.append({"stage": "called-off", "title": CALLED_OFF_TITLE, "contests": called_off})
    return render(
        request,
        "contests/contest_list.html",
        {"sections": sections, "total": sum(len(section["contests"]) for section in sections)},
    )


def _results(contest) -> list[dict]:
    """Awarded entries by result; those the public may not see are counted, never loaded."""
    awarded = contest.entries.awarded()
    shown = list(
        awarded.public()
        .select_related("nomination")
        .order_by("place", "nomination__position", "nomination__name", "entrant_name")
    )
    withheld = dict(awarded.withheld().values_list("result").annotate(n=Count("pk")).order_by())
    results = []
    for result in Entry.AWARDED:
        entries = [entry for entry in shown if entry.result == result]
        hidden = withheld.get(result, 0)
        if entries or hidden:
            results.append({"result": result, "title": RESULT_TITLES[result], "entries": entries, "hidden": hidden})
    return results


def contest_detail(request, slug: str):
    contest = get_object_or_404(
        Contest.objects.public().prefetch_related(
            Prefetch("curators", queryset=Curator.objects.select_related("library").order_by("region")),
            "nominations",
            "agreements_added",
            "agreements_excluded",
        ),
        slug=slug,
    )
    context = {
        "contest": contest,
        # A cancelled or postponed contest takes no entries, whatever its dates say: its notice says so instead.
        "stage": None if contest.is_called_off else contest.stage_on(timezone.localdate()),
        "curators": list(contest.curators.all()),
        "results": _results(contest),
        "agreements": public_agreements_credited_by(contest),
    }
    return render(request, "contests/contest_detail.html", context)
