"""What needs the staff's attention, on the admin home: agreements to look after, this and next week's events,
gaps in the data (past activities still «запланировано», held events without attendance) and drafts.

Every list asks the models' own rules: `Agreement.state_on()` (expiring) and `notice_window_open()`, the report's
dormant rule (`reports.report.dormant_agreements`), `Event.objects.in_week()`; the gaps, the drafts and the
partners' rows are asked of each registered kind of activity (`core.kinds`: `awaiting(today)`,
`without_figures()`, `drafts()`, `partner_sides()`), so a new kind shows here without a line in this module.
Each item links to its record's change page and each block to the admin list filtered the same way (the list
filters of the apps' admins, or plain field lookups), so a count here is the count there. The whole page is a
fixed number of queries, whatever the number of rows: each block is a short list and a count.

This module reads the apps, the report and the reminders (`.importlinter`: the `staff` layer is above them);
`staff.apps` plugs it into the admin home.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from agreements.models import EXPIRY_WARNING_DAYS, Agreement
from core import kinds
from core.kinds import PartnerSideList, StaffList
from core.models import PartnerAnswer
from core.templatetags.coopnet import ru_plural_form
from events.admin_filters import NEXT_WEEK, THIS_WEEK
from events.models import Event
from portal.models import Proposal
from reminders.models import Reminder
from reports.report import dormant_agreements

LIMIT = 8  # items listed in a block; the rest are behind the block's link
EXPIRY_DAYS = EXPIRY_WARNING_DAYS  # `Agreement.State.EXPIRING`
REMINDERS_DAYS = 14

# Russian plural forms (one, few, many) of what each block counts: «1 соглашение», «3 соглашения», «5 соглашений».
AGREEMENTS = ("соглашение", "соглашения", "соглашений")
EVENTS = ("мероприятие", "мероприятия", "мероприятий")
REMINDERS = ("напоминание", "напоминания", "напоминаний")


def counted(number: int, forms: tuple[str, str, str]) -> str:
    """«3 соглашения», «5 соглашений», «21 соглашение». The catalogue-free `ngettext` of Django knows only English
    plurals (one form for 1, one for the rest), so the Russian rule of `core.templatetags` chooses the form."""
    return f"{number} {ru_plural_form(number, *(_(form) for form in forms))}"


@dataclass
class Item:
    label: str
    url: str
    note: str = ""


@dataclass
class Block:
    """One list: a heading, how many there are, the first few, and the admin list that shows them all."""

    key: str
    title: str
    total: int
    forms: tuple[str, str, str]
    items: list[Item]
    url: str

    @property
    def summary(self) -> str:
        return counted(self.total, self.forms)

    @property
    def more(self) -> int:
        return self.total - len(self.items)


@dataclass
class Group:
    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    quiet: str = ""  # said when none of its blocks lists anything

    @property
    def total(self) -> int:
        return sum(block.total for block in self.blocks)


@dataclass
class Dashboard:
    today: datetime.date
    groups: list[Group]
    report_url: str = ""

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def list_url(model, **params) -> str:
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def _date(day: datetime.date | None) -> str:
    return formats.date_format(day, "d.m.Y") if day else _("без даты")


def _start(event: Event) -> str:
    return formats.date_format(timezone.localtime(event.starts_at), "D, d.m.Y, H:i")


def _block(key, title, forms, queryset, model, params, item) -> Block:
    """A block from a queryset: its first LIMIT rows as items, its count, the admin list with `params`."""
    rows = list(queryset[:LIMIT])
    return Block(key, title, queryset.count(), forms, [item(row) for row in rows], list_url(model, **params))


def _listed(key, title, forms, objects, model, item) -> Block:
    """A block from records already chosen in Python; the admin list shows exactly them (`id__in`)."""
    ids = ",".join(str(obj.pk) for obj in objects)
    url = list_url(model, id__in=ids) if objects else list_url(model)
    return Block(key, title, len(objects), forms, [item(obj) for obj in objects[:LIMIT]], url)


# --- agreements ------------------------------------------------------------------------------------------------


def _agreements_group(today: datetime.date) -> Group:
    agreements = list(Agreement.objects.exclude(status=Agreement.Status.DRAFT).select_related("partner").order_by("pk"))
    expiring = [a for a in agreements if a.state_on(today) == Agreement.State.EXPIRING]
    expiring.sort(key=lambda a: (_term_end(a, today), a.pk))
    rows = expiring[:LIMIT]
    items = [Item(str(a), change_url(a), _("действует до %(day)s") % {"day": _date(_term_end(a, today))}) for a in rows]
    # The agreements' own list filter asks the same rule in SQL (`in_state_on`, tested to agree with `state_on`).
    url = list_url(Agreement, state=Agreement.State.EXPIRING.value)
    title = _("Истекают в ближайшие %(days)s дней") % {"days": EXPIRY_DAYS}
    group = Group("agreements", _("Соглашения"), [Block("expiring", title, len(expiring), AGREEMENTS, items, url)])
    group.quiet = _("Ни одно соглашение не истекает, не ждёт решения о пролонгации и не бездействует.")
    group.blocks.append(_notice_block(agreements, today))
    group.blocks.append(_dormant_block(agreements, today))
    return group


def _term_end(agreement: Agreement, today: datetime.date) -> datetime.date | None:
    """The last day of the running term (a termination entered for a later day ends it sooner)."""
    return agreement.current_term_end(today)


def _notice_block(agreements: list[Agreement], today: datetime.date) -> Block:
    """Self-prolonging agreements whose window for a notice of non-prolongation is open."""
    open_now = [a for a in agreements if a.notice_window_open(today)]
    open_now.sort(key=lambda a: (a.notice_deadline(today), a.pk))

    def item(a: Agreement) -> Item:
        return Item(str(a), change_url(a), _("уведомить до %(day)s") % {"day": _date(a.notice_deadline(today))})

    return _listed(
        "notice", _("Пора решить о пролонгации (открыт срок уведомления)"), AGREEMENTS, open_now, Agreement, item
    )


def _dormant_block(agreements: list[Agreement], today: datetime.date) -> Block:
    """The report's dormant agreements, as of today (in force 12 months or more, nothing held under them in 12)."""
    rows = dormant_agreements(today)
    by_id = {a.pk: a for a in agreements}
    dormant = [by_id[row.id] for row in sorted(rows, key=lambda r: (r.partner, r.id)) if row.id in by_id]
    last = {row.id: row.last_activity_on for row in rows}

    def item(a: Agreement) -> Item:
        day = last.get(a.pk)
        if day:
            note = _("последнее совместное дело — %(day)s") % {"day": _date(day)}
        else:
            note = _("по соглашению ещё ничего не проведено")
        return Item(str(a), change_url(a), note)

    return _listed("dormant", _("Бездействуют 12 месяцев"), AGREEMENTS, dormant, Agreement, item)


# --- events, gaps, drafts ------------------------------------------------------------------------------------------


def _event_item(event: Event) -> Item:
    return Item(event.title, change_url(event), f"{_start(event)} · {event.organiser.short_name}")


def _events_group(today: datetime.date) -> Group:
    events = Event.objects.select_related("organiser")
    next_monday = today + datetime.timedelta(days=7)
    return Group(
        "week",
        _("Мероприятия недели"),
        [
            _block(
                "this_week", _("На этой неделе"), EVENTS, events.in_week(today), Event, {"when": THIS_WEEK}, _event_item
            ),
            _block(
                "next_week",
                _("На следующей неделе"),
                EVENTS,
                events.in_week(next_monday),
                Event,
                {"when": NEXT_WEEK},
                _event_item,
            ),
        ],
    )


def _allowed(user, model) -> bool:
    return user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


def _kind_block(found: StaffList) -> Block:
    """A block of a kind's rows, as the kind describes it (`core.kinds.StaffList`)."""

    def item(row) -> Item:
        return Item(found.label(row), change_url(found.record(row)), found.note(row))

    return _block(found.key, found.title, found.forms, found.rows, found.model, found.params, item)


def _kinds_group(user, group: Group, lists) -> Group:
    """A group of blocks, one for each list of each registered kind the user may view."""
    group.blocks += [_kind_block(found) for found in lists if _allowed(user, found.model)]
    return group


def _awaiting_group(user, today: datetime.date) -> Group:
    """Past activities nobody has marked: still «запланировано» after their date (`awaiting_confirmation`)."""
    group = Group("awaiting", _("Прошли, но не отмечены проведёнными"), quiet=_("Всё прошедшее отмечено."))
    return _kinds_group(user, group, [found for kind in kinds.kinds() for found in kind.awaiting(today)])


def _no_attendance_group(user, today: datetime.date) -> Group:
    """Held, and nobody said how many came: unknown, which is not zero (each kind's `without_figures()`)."""
    group = Group(
        "attendance",
        _("Проведены, но нет данных об участниках"),
        quiet=_("У всего проведённого указано число участников."),
    )
    return _kinds_group(user, group, [found for kind in kinds.kinds() for found in kind.without_figures(today)])


def _drafts_group(user) -> Group:
    """Records not published yet: the site does not show them."""
    group = Group("drafts", _("Черновики: ещё не опубликованы"), quiet=_("Черновиков нет."))
    return _kinds_group(user, group, [found for kind in kinds.kinds() for found in kind.drafts()])


def _reminder_item(reminder) -> Item:
    content_type = reminder.content_type
    try:
        url = reverse(f"admin:{content_type.app_label}_{content_type.model}_change", args=[reminder.object_id])
    except NoReverseMatch:
        url = change_url(reminder)
    sent = formats.date_format(timezone.localtime(reminder.sent_at), "d.m.Y")
    return Item(reminder.text or reminder.subject, url, _("отправлено %(day)s") % {"day": sent})


def _reminders_group(user, today: datetime.date) -> Group | None:
    if not user.has_perm("reminders.view_reminder"):
        return None
    since = timezone.now() - datetime.timedelta(days=REMINDERS_DAYS)
    sent = Reminder.objects.filter(sent_at__gte=since).select_related("content_type").order_by("-sent_at", "pk")
    title = _("Напоминания за %(days)s дней") % {"days": REMINDERS_DAYS}
    block = _block("sent", _("Отправлены"), REMINDERS, sent, Reminder, {}, _reminder_item)
    return Group("reminders", title, [block], quiet=_("За эти дни напоминаний не было."))


# --- the partner portal: answers, figures and proposals from partner libraries ---------------------------------------

PARTNER_DAYS = 14
ANSWERS = ("ответ", "ответа", "ответов")
FIGURES = ("запись с цифрами", "записи с цифрами", "записей с цифрами")
PROPOSALS = ("предложение", "предложения", "предложений")


def _partner_kinds(user) -> list[PartnerSideList]:
    """The libraries' own rows in activities (each kind's `partner_sides()`) the user may view."""
    return [side for kind in kinds.kinds() for side in kind.partner_sides() if _allowed(user, side.opens)]


def _answer_note(row) -> str:
    note = str(row.get_answer_display())
    return f"{note} — {row.answer_comment}" if row.answer_comment else note


def _partner_block(key, title, forms, found, note, moment) -> Block:
    """A block of rows of several kinds: `found` holds each kind's (kind, count, first rows); newest first."""
    total = sum(count for _kind, count, _rows in found)
    pairs = [(kind, row) for kind, _count, rows in found for row in rows]
    oldest = datetime.datetime.min.replace(tzinfo=datetime.UTC)  # a row answered before answers had a time
    pairs.sort(key=lambda pair: getattr(pair[1], moment) or oldest, reverse=True)
    items = [
        Item(
            kind.title(row),
            change_url(kind.record(row)),
            f"{getattr(row, kind.library_field).short_name}: {note(kind, row)}",
        )
        for kind, row in pairs[:LIMIT]
    ]
    return Block(key, title, total, forms, items, "")


def _partners_group(user, today: datetime.date) -> Group | None:
    """What partner libraries said in the portal: refusals of what is still ahead, recent answers and figures, and
    proposals waiting for a decision."""
    sides = _partner_kinds(user)
    if not sides and not user.has_perm("portal.view_proposal"):
        return None
    group = Group("partners", _("Портал партнёров"), quiet=_("От партнёров ничего нового."))
    since = timezone.now() - datetime.timedelta(days=PARTNER_DAYS)
    declined, answered, figures = [], [], []
    for kind in sides:
        refusals = kind.rows().filter(kind.planned(today), answer=PartnerAnswer.DECLINED)
        refusals = refusals.order_by("-answered_at", "pk")
        declined.append((kind, refusals.count(), list(refusals[:LIMIT])))
        recent = kind.rows().filter(answered_at__gte=since).order_by("-answered_at", "pk")
        answered.append((kind, recent.count(), list(recent[:LIMIT])))
        if kind.figure is not None:
            entered = kind.rows().filter(figures_by_partner=True, figures_entered_at__gte=since)
            entered = entered.order_by("-figures_entered_at", "pk")
            figures.append((kind, entered.count(), list(entered[:LIMIT])))

    def answer(kind, row):
        return _answer_note(row)

    def figure(kind, row):
        return kind.figure(row)

    days = {"days": PARTNER_DAYS}
    group.blocks.append(
        _partner_block("declined", _("Отказались участвовать"), ANSWERS, declined, answer, "answered_at")
    )
    group.blocks.append(
        _partner_block("answers", _("Ответы за %(days)s дней") % days, ANSWERS, answered, answer, "answered_at")
    )
    group.blocks.append(
        _partner_block(
            "figures",
            _("Цифры, внесённые партнёрами за %(days)s дней") % days,
            FIGURES,
            figures,
            figure,
            "figures_entered_at",
        )
    )
    if user.has_perm("portal.view_proposal"):
        open_proposals = Proposal.objects.filter(decision=Proposal.Decision.OPEN, draft_is_public=False)
        open_proposals = open_proposals.select_related("library").order_by("-created_at", "pk")
        group.blocks.append(
            _block(
                "proposals",
                _("Предложения ждут решения"),
                PROPOSALS,
                open_proposals,
                Proposal,
                {"decision__exact": ""},
                lambda p: Item(p.title, change_url(p), f"{p.library.short_name}, {_date(p.starts_on)}"),
            )
        )
    return group


# --- the page -------------------------------------------------------------------------------------------------------

VIEW_PERMISSIONS = (
    "agreements.view_agreement",
    "events.view_event",
    "events.view_episode",
    "exhibitions.view_exhibitionstop",
    "contests.view_contest",
)


def build_dashboard(user, today: datetime.date | None = None) -> Dashboard | None:
    """The dashboard for a staff user: only what the user may view; None for a user who may view none of it."""
    if not any(user.has_perm(permission) for permission in VIEW_PERMISSIONS):
        return None
    today = today or timezone.localdate()
    groups = []
    if user.has_perm("agreements.view_agreement"):
        groups.append(_agreements_group(today))
    if user.has_perm("events.view_event"):
        groups.append(_events_group(today))
    groups += [_awaiting_group(user, today), _no_attendance_group(user, today), _drafts_group(user)]
    partners = _partners_group(user, today)
    if partners is not None:
        groups.append(partners)
    reminders = _reminders_group(user, today)
    if reminders is not None:
        groups.append(reminders)
    groups = [group for group in groups if group.blocks]  # the user may view something in it
    for group in groups:
        if group.key != "week":  # "no events this week" is news; an empty list of gaps is not
            group.blocks = [block for block in group.blocks if block.total]
    report_url = reverse("reports:index") if user.has_perm("reports.view_annual_report") else ""
    return Dashboard(today, groups, report_url)


def index_context(request) -> dict:
    """What the admin home's template (templates/admin/index.html) reads."""
    return {"dashboard": build_dashboard(request.user)}
