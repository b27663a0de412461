from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement

from .models import Contest, Curator, Entry

OPEN, UPCOMING, FINISHED = "open", "upcoming", "finished"
STAGE_TITLES = {
    OPEN: _("Идёт приём работ"),
    UPCOMING: _("Скоро"),
    FINISHED: _("Завершённые"),
}
RESULT_ORDER = [Entry.Result.WINNER, Entry.Result.LAUREATE, Entry.Result.FINALIST]
RESULT_TITLES = {
    Entry.Result.WINNER: _("Победители"),
    Entry.Result.LAUREATE: _("Лауреаты"),
    Entry.Result.FINALIST: _("Финалисты"),
}


def stage(contest, today) -> str:
    if contest.submissions_from and today < contest.submissions_from:
        return UPCOMING
    if contest.submissions_until and today > contest.submissions_until:
        return FINISHED
    return OPEN


def contest_list(request):
    today = timezone.localdate()
    groups = {OPEN: [], UPCOMING: [], FINISHED: []}
    contests = Contest.objects.public().annotate(curators_count=Count("curators"))
    for contest in contests:
        contest.stage = stage(contest, today)
        groups[contest.stage].append(contest)
    groups[OPEN].sort(key=lambda c: (c.submissions_until is None, c.submissions_until or today, c.title))
    groups[UPCOMING].sort(key=lambda c: (c.submissions_from, c.title))
    groups[FINISHED].sort(key=lambda c: (c.submissions_until, c.title), reverse=True)
    sections = [
        {"stage": key, "title": STAGE_TITLES[key], "contests": groups[key]} for key in (OPEN, UPCOMING, FINISHED)
    ]
    return render(
        request,
        "contests/contest_list.html",
        {"sections": sections, "total": sum(len(rows) for rows in groups.values())},
    )


def contest_detail(request, slug: str):
    contest = get_object_or_404(
        Contest.objects.public()
        .select_related("agreement", "agreement__partner")
        .prefetch_related(Prefetch("curators", queryset=Curator.objects.select_related("library").order_by("region"))),
        slug=slug,
    )
    awarded = Q(result__in=RESULT_ORDER)
    # Only entrants with consent are ever loaded; the others are counted, never fetched.
    public_entries = list(
        contest.entries.filter(awarded, public_consent=True).order_by("place", "nomination", "entrant_name")
    )
    anonymous = {
        row["result"]: row["n"]
        for row in contest.entries.filter(awarded, public_consent=False).values("result").annotate(n=Count("pk"))
    }
    results = []
    for result in RESULT_ORDER:
        entries = [entry for entry in public_entries if entry.result == result]
        hidden = anonymous.get(result, 0)
        if entries or hidden:
            results.append({"result": result, "title": RESULT_TITLES[result], "entries": entries, "hidden": hidden})
    agreement = contest.agreement
    if agreement is not None and not (agreement.is_public and agreement.status != Agreement.Status.DRAFT):
        agreement = None
    context = {
        "contest": contest,
        "stage": stage(contest, timezone.localdate()),
        "curators": list(contest.curators.all()),
        "results": results,
        "agreement": agreement,
    }
    return render(request, "contests/contest_detail.html", context)
