"""The partner portal's pages: a partner library's staff see their cooperation with the host, answer, enter their
own site's figures, propose joint work and take their own report.

Every view is `partner_required` and reads records only through `portal.access` (scoped to the user's library),
so another library's row is a 404. Saves go through model forms (the admin's validation) inside a transaction, and
django-simple-history records the portal user as the author of each version.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from django.contrib import messages
from django.db import transaction
from django.forms import modelform_factory
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from agreements.models import Agreement
from agreements.timeline import ItemKind, agreement_timeline
from core.dates import MAX_YEAR, MIN_YEAR
from core.models import AWAITING_CONFIRMATION, PartnerAnswer, Status
from events.models import Episode, Participation
from portal import access
from portal.access import awaits_event_figures, may_answer, may_enter_figures, partner_required
from portal.forms import AnswerForm, ParticipationFiguresForm, ProposalForm, StopFiguresForm
from reports.exports.partner import partner_report_filename, to_docx, to_xlsx
from reports.partner import build_partner_report


@dataclass
class Row:
    """One joint activity as the portal lists it: the library's own row in it and what waits for the library."""

    title: str
    kind: str
    role: str
    start: datetime.date | None
    end: datetime.date | None
    status: str
    status_label: str
    url: str
    at: datetime.datetime | None = None  # an event's start, shown in the library's own time (`zone`)
    zone: str = ""
    answer: str = ""
    answer_label: str = ""
    needs_answer: bool = False
    needs_figures: bool = False
    figures: str = ""
    confirmed: bool = False

    @property
    def waits(self) -> bool:
        return self.needs_answer or self.needs_figures


def _local_day(moment, zone: str) -> datetime.date:
    """The day of a moment in the library's own time, the time its pages speak."""
    return timezone.localdate(moment, zoneinfo.ZoneInfo(zone))


def _as_proposal(row: Row, proposal) -> Row:
    """A row of an activity the library proposed and staff have not accepted yet: a proposal, not planned work,
    with only the hours the library gave."""
    row.role = _("предложено вашей библиотекой")
    row.status = PROPOSED
    row.status_label = _("ваше предложение: %(fate)s") % {"fate": proposal.fate()}
    row.needs_answer = row.needs_figures = False
    row.figures = ""
    if proposal.starts_at_time is None:
        row.at = None
    return row


PROPOSED = "proposed"


def _figure(value) -> str:
    return _("нет данных") if value is None else f"{value:n}".replace(",", "\u00a0")


def _participation_row(row: Participation, today) -> Row:
    event = row.event
    status = event.status_on(today)
    waits_answer = row.role != Participation.Role.ORGANISER and may_answer(event, today) and not row.answer
    zone = row.library.timezone
    return Row(
        title=event.title,
        kind=event.get_kind_display(),
        role=row.get_role_display(),
        start=_local_day(event.starts_at, zone),
        end=_local_day(event.ends_at, zone),
        status=status,
        status_label=event.status_label_on(today),
        url=reverse("portal:participation", args=[row.pk]),
        at=event.starts_at,
        zone=zone,
        answer=row.answer,
        answer_label=row.get_answer_display() if row.answer else "",
        needs_answer=waits_answer,
        needs_figures=awaits_event_figures(row, today),
        figures=_("участников: %(n)s") % {"n": _figure(row.participants_count)}
        if may_enter_figures(event, today)
        else "",
        confirmed=row.figures_by_partner,
    )


def _stop_row(stop, today) -> Row:
    return Row(
        title=stop.exhibition.title,
        kind=_("выставка"),
        role=_("площадка выставки"),
        start=stop.starts_on,
        end=stop.ends_on,
        status=stop.status_on(today),
        status_label=stop.status_label_on(today),
        url=reverse("portal:stop", args=[stop.pk]),
        answer=stop.answer,
        answer_label=stop.get_answer_display() if stop.answer else "",
        needs_answer=may_answer(stop, today) and not stop.answer,
        needs_figures=may_enter_figures(stop, today) and stop.visitors is None,
        figures=_("посетителей: %(n)s") % {"n": _figure(stop.visitors)} if may_enter_figures(stop, today) else "",
        confirmed=stop.figures_by_partner,
    )


def _curator_row(curator, today) -> Row:
    contest = curator.contest
    dates = [day for day in (contest.submissions_from, contest.submissions_until, contest.results_on) if day]
    return Row(
        title=contest.title,
        kind=_("конкурс"),
        role=_("региональный куратор: %(region)s") % {"region": curator.region},
        start=min(dates, default=None),
        end=max(dates, default=None),
        status=contest.status_on(today),
        status_label=contest.status_label_on(today),
        url=reverse("portal:curatorship", args=[curator.pk]),
        answer=curator.answer,
        answer_label=curator.get_answer_display() if curator.answer else "",
        needs_answer=may_answer(contest, today) and not curator.answer,
    )


def _episode_row(episode, today) -> Row:
    return Row(
        title=str(episode),
        kind=_("выпуск проекта"),
        role=_("автор выпуска"),
        start=episode.published_on,
        end=episode.published_on,
        status=episode.status_on(today),
        status_label=episode.status_label_on(today),
        url="",
    )


def _side_row(kind, side, row, today) -> Row:
    activity = side.record(row)
    start, end = side.dates(row)
    figures_open = may_enter_figures(activity, today)
    missing = any(getattr(row, name) is None for name in side.model.PARTNER_FIGURES)
    return Row(
        title=side.title(row),
        kind=side.noun or str(kind.title),
        role=side.role(row),
        start=start,
        end=end,
        status=activity.status_on(today),
        status_label=activity.status_label_on(today),
        url=reverse("portal:row", args=[kind.key, row.pk]),
        answer=row.answer,
        answer_label=row.get_answer_display() if row.answer else "",
        needs_answer=may_answer(activity, today) and not row.answer,
        needs_figures=figures_open and missing,
        figures=side.figure(row) if figures_open and side.figure is not None and not missing else "",
        confirmed=row.figures_by_partner,
    )


def _rows(library, today) -> list[Row]:
    """Every joint activity of the library, in a fixed number of queries. What the library proposed shows as a
    proposal until staff accept it; a declined proposal is no joint work."""
    undecided = access.undecided_proposals(library)
    rows = []
    for source, build, drafts in (
        (access.participations(library), _participation_row, lambda r: undecided.get(("event", r.event_id))),
        (access.stops(library), _stop_row, lambda r: undecided.get(("exhibition", r.exhibition_id))),
        (access.curatorships(library), _curator_row, lambda r: undecided.get(("contest", r.contest_id))),
    ):
        for own in source:
            proposal = drafts(own)
            if proposal is None:
                rows.append(build(own, today))
            elif proposal.decision != proposal.Decision.DECLINED:
                rows.append(_as_proposal(build(own, today), proposal))
    rows += [
        _episode_row(episode, today)
        for episode in Episode.objects.with_library(library).select_related("project").order_by("-published_on")
    ]
    for kind, side in access.other_sides():
        rows += [_side_row(kind, side, row, today) for row in access.side_rows(side, library)]
    return rows


def _upcoming_and_past(rows, today):
    upcoming = sorted(
        (row for row in rows if row.end is None or row.end >= today),
        key=lambda row: (row.start is None, row.start or today),
    )
    past = sorted(
        (row for row in rows if row.end is not None and row.end < today), key=lambda row: row.start, reverse=True
    )
    return upcoming, past


def _with_state(agreements, today):
    for agreement in agreements:
        agreement.state_label = Agreement.State(agreement.state_on(today)).label
        agreement.term_end = agreement.current_term_end(today)
    return agreements


@partner_required
def home(request):
    library = request.partner
    today = timezone.localdate()
    rows = _rows(library, today)
    upcoming, _past = _upcoming_and_past(rows, today)
    agreements = list(access.agreements(library))
    _with_state(agreements, today)
    context = {
        "portal_section": "home",
        "library": library,
        "agreements": agreements,
        "waiting_answers": [row for row in rows if row.needs_answer],
        "waiting_figures": [row for row in rows if row.needs_figures],
        "upcoming": [row for row in upcoming if row.status != Status.CANCELLED][:10],
        "proposals": list(access.proposals(library)[:5]),
        "today": today,
    }
    return render(request, "portal/home.html", context)


@partner_required
def agreement_detail(request, pk: int):
    today = timezone.localdate()
    agreement = get_object_or_404(access.agreements(request.partner), pk=pk)
    _with_state([agreement], today)
    timeline = [item for item in agreement_timeline(agreement, today) if item.kind != ItemKind.ACTIVITY or item.day]
    context = {
        "portal_section": "home",
        "agreement": agreement,
        "amendments": list(agreement.amendments.all()),
        "timeline": timeline,
        "notice_deadline": agreement.notice_deadline(today),
        "today": today,
    }
    return render(request, "portal/agreement.html", context)


def _scan_response(document, filename: str):
    if not document.scan:
        raise Http404(_("Скан не загружен."))
    try:
        handle = document.scan.open("rb")
    except FileNotFoundError:
        raise Http404(_("Файл скана не найден.")) from None
    return FileResponse(handle, content_type="application/pdf", as_attachment=True, filename=filename)


@partner_required
def agreement_scan(request, pk: int):
    agreement = get_object_or_404(access.agreements(request.partner).select_related("partner"), pk=pk)
    return _scan_response(agreement, f"soglashenie-{agreement.partner.slug}-{agreement.signed_on:%Y-%m-%d}.pdf")


@partner_required
def amendment_scan(request, pk: int):
    amendment = get_object_or_404(access.amendments(request.partner).select_related("agreement__partner"), pk=pk)
    slug = amendment.agreement.partner.slug
    return _scan_response(amendment, f"dopsoglashenie-{slug}-{amendment.signed_on:%Y-%m-%d}.pdf")


@partner_required
def activities(request):
    today = timezone.localdate()
    upcoming, past = _upcoming_and_past(_rows(request.partner, today), today)
    context = {"portal_section": "activities", "upcoming": upcoming, "past": past, "today": today}
    return render(request, "portal/activities.html", context)


def _answer(request, row, activity, today):
    """The answer form of a row: shown while the activity is planned; a POST saves it. Returns (form, saved)."""
    if not may_answer(activity, today):
        return None, False
    if request.method == "POST" and request.POST.get("action") == "answer":
        form = AnswerForm(request.POST)
        if form.is_valid():
            row.record_answer(request.user, form.cleaned_data["answer"], form.cleaned_data["comment"].strip())
            row.full_clean()
            # Only what the partner answered: a methodologist's concurrent change of the row's other fields stays.
            row.save(update_fields=["answer", "answer_comment", "answered_at", "answered_by"])
            if row.answer == PartnerAnswer.CONFIRMED:
                messages.success(request, _("Спасибо: участие подтверждено."))
            else:
                messages.success(request, _("Ответ сохранён: методисты увидят, что библиотека не сможет участвовать."))
            return form, True
        return form, False
    initial = {"answer": row.answer, "comment": row.answer_comment} if row.answer else None
    return AnswerForm(initial=initial), False


def _figures(request, row, activity, form_class, today):
    """The figures form of the library's own row: shown once the activity has taken place."""
    if not may_enter_figures(activity, today):
        return None, False
    if request.method == "POST" and request.POST.get("action") == "figures":
        form = form_class(request.POST, instance=row)
        if form.is_valid():
            row = form.save(commit=False)
            row.save_figures(user=request.user, by_partner=True, update_fields=list(form_class._meta.fields))
            messages.success(request, _("Цифры сохранены. Методисты видят, что их внесла ваша библиотека."))
            return form, True
        return form, False
    return form_class(instance=row), False


def _unsaved_status(request, answer_form, figures_form, why: str) -> int:
    """The status of a row's page that saved nothing: 200 for a GET; 400 for a POST with errors, or one sending a
    form the page does not offer now (the activity moved on, or a crafted request), said with `why`."""
    if request.method != "POST":
        return 200
    offered = {"answer": answer_form is not None, "figures": figures_form is not None}
    if not offered.get(request.POST.get("action"), False):
        messages.error(request, _("Этого сейчас сделать нельзя: %(why)s.") % {"why": why})
    return 400


@partner_required
@require_http_methods(["GET", "POST"])
@transaction.atomic
def participation_detail(request, pk: int):
    today = timezone.localdate()
    row = get_object_or_404(access.participations(request.partner).select_for_update(of=("self",)), pk=pk)
    event = row.event
    proposal = access.undecided_proposals(request.partner).get(("event", event.pk))
    if proposal is not None and proposal.decision == proposal.Decision.DECLINED:
        raise Http404
    answer_form = figures_form = None
    if row.role != Participation.Role.ORGANISER and proposal is None:
        answer_form, saved = _answer(request, row, event, today)
        if saved:
            return redirect(request.path)
    if proposal is None:
        figures_form, saved = _figures(request, row, event, ParticipationFiguresForm, today)
        if saved:
            return redirect(request.path)
    status = _unsaved_status(request, answer_form, figures_form, _("мероприятие уже прошло, отменено или ещё впереди"))
    sites = sorted(event.participations.all(), key=lambda site: site.library.short_name)
    context = {
        "portal_section": "activities",
        "row": row,
        "event": event,
        "sites": sites,
        "typed_total": event.participants_count if event.typed_total_stands else None,
        "public_url": access.public_url(row, event),
        "status_label": _as_proposal(_participation_row(row, today), proposal).status_label
        if proposal is not None
        else event.status_label_on(today),
        "awaiting": event.status_on(today) == AWAITING_CONFIRMATION and proposal is None,
        "proposal": proposal,
        "timed": proposal is None or proposal.starts_at_time is not None,
        "answer_form": answer_form,
        "figures_form": figures_form,
    }
    return render(request, "portal/participation.html", context, status=status)


@partner_required
@require_http_methods(["GET", "POST"])
@transaction.atomic
def stop_detail(request, pk: int):
    today = timezone.localdate()
    stop = get_object_or_404(access.stops(request.partner).select_for_update(of=("self",)), pk=pk)
    answer_form, saved = _answer(request, stop, stop, today)
    if saved:
        return redirect(request.path)
    figures_form, saved = _figures(request, stop, stop, StopFiguresForm, today)
    if saved:
        return redirect(request.path)
    status = _unsaved_status(request, answer_form, figures_form, _("выставка уже прошла, отменена или ещё впереди"))
    context = {
        "portal_section": "activities",
        "stop": stop,
        "exhibition": stop.exhibition,
        "route": list(stop.exhibition.stops.select_related("venue").order_by("starts_on")),
        "public_url": access.public_url(stop, stop.exhibition),
        "status_label": stop.status_label_on(today),
        "awaiting": stop.status_on(today) == AWAITING_CONFIRMATION,
        "answer_form": answer_form,
        "figures_form": figures_form,
    }
    return render(request, "portal/stop.html", context, status=status)


@partner_required
@require_http_methods(["GET", "POST"])
@transaction.atomic
def curatorship_detail(request, pk: int):
    today = timezone.localdate()
    curator = get_object_or_404(access.curatorships(request.partner).select_for_update(of=("self",)), pk=pk)
    contest = curator.contest
    answer_form, saved = _answer(request, curator, contest, today)
    if saved:
        return redirect(request.path)
    status = _unsaved_status(request, answer_form, None, _("конкурс уже завершён или отменён"))
    context = {
        "portal_section": "activities",
        "curator": curator,
        "contest": contest,
        "status_label": contest.status_label_on(today),
        "answer_form": answer_form,
        "entries": contest.entries.filter(curator=curator.library).count(),
        "public_url": access.public_url(curator, contest),
    }
    return render(request, "portal/curatorship.html", context, status=status)


@partner_required
@require_http_methods(["GET", "POST"])
@transaction.atomic
def row_detail(request, key: str, pk: int):
    """The library's own row in an activity of a registered kind without a page of the portal's own: its answer
    while the activity is planned, its figures once it has taken place."""
    today = timezone.localdate()
    found = [(kind, side) for kind, side in access.other_sides() if kind.key == key]
    if not found:
        raise Http404
    kind, side = found[0]
    rows = access.side_rows(side, request.partner).select_for_update(of=("self",))
    row = get_object_or_404(rows, pk=pk)
    activity = side.record(row)
    answer_form, saved = _answer(request, row, activity, today)
    if saved:
        return redirect(request.path)
    form_class = modelform_factory(side.model, fields=[*side.model.PARTNER_FIGURES, "results_note"])
    figures_form, saved = _figures(request, row, activity, form_class, today)
    if saved:
        return redirect(request.path)
    status = _unsaved_status(request, answer_form, figures_form, _("дело уже прошло, отменено или ещё впереди"))
    context = {
        "portal_section": "activities",
        "row": row,
        "item": _side_row(kind, side, row, today),
        "awaiting": activity.status_on(today) == AWAITING_CONFIRMATION,
        "answer_form": answer_form,
        "figures_form": figures_form,
    }
    return render(request, "portal/row.html", context, status=status)


@partner_required
def proposals(request):
    context = {"portal_section": "proposals", "proposals": list(access.proposals(request.partner))}
    return render(request, "portal/proposals.html", context)


@partner_required
@require_http_methods(["GET", "POST"])
def proposal_new(request):
    form = ProposalForm(request.POST or None, library=request.partner, author=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(
                request, _("Предложение отправлено. Методисты Государственной библиотеки Кузбасса рассмотрят его.")
            )
            return redirect("portal:proposals")
        return render(request, "portal/proposal_form.html", {"portal_section": "proposals", "form": form}, status=400)
    return render(request, "portal/proposal_form.html", {"portal_section": "proposals", "form": form})


def _report_year(request) -> int | None:
    raw = request.GET.get("year", "")
    if not raw:
        return timezone.localdate().year
    try:
        year = int(raw)
    except ValueError:
        return None
    return year if MIN_YEAR <= year <= MAX_YEAR else None


@partner_required
def report(request):
    year = _report_year(request)
    if year is None:
        context = {
            "portal_section": "report",
            "error": _("Год — число от %(min)s до %(max)s.") % {"min": MIN_YEAR, "max": MAX_YEAR},
        }
        return render(request, "portal/report.html", context, status=400)
    this_year = timezone.localdate().year
    context = {
        "portal_section": "report",
        "year": year,
        "years": list(range(this_year, max(MIN_YEAR, this_year - 10) - 1, -1)),
        "report": build_partner_report(request.partner, year),
    }
    return render(request, "portal/report.html", context)


@partner_required
def report_download(request, year: int, fmt: str):
    if fmt not in ("xlsx", "docx") or not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    built = build_partner_report(request.partner, year)
    if fmt == "xlsx":
        content, mime = to_xlsx(built), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content, mime = to_docx(built), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(content, content_type=mime)
    filename = partner_report_filename(request.partner, year, fmt)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
