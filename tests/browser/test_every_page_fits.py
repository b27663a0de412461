"""Every page fits the screen, over the demo data: every admin list, add and change page (each inline holding rows),
each record's history and restore pages, every partner-portal page and every public page at 1366 px, the laptops the
methodologists use; the portal and the public site at 360 px as well, a phone (the same page, its window narrowed).

A page fails when it scrolls sideways; when an admin list is wider than its box (its right-hand columns hidden
behind a scroll bar) or an inline's table pushes the page; when a cell, a title, a text box or a list cuts its text;
when a button's words spill out of it; when a list of terms puts a value in the terms' column. The admin's pages
are enumerated from `admin.site._registry` (a model or an inline the scenery has no row for fails the test too).
One browser, a context per visitor (a superuser, a partner library's member, an anonymous reader); every failure is
collected and reported together, with a screenshot of each failing page in <project>/screenshots/.

    .venv/bin/pytest tests/browser/test_every_page_fits.py      # about 80 s
"""

import datetime
import importlib
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models import Count
from django.test import Client, RequestFactory
from django.urls import URLPattern, reverse
from django.utils import timezone

from adminkit.history import history_of, is_tracked
from agreements.models import Agreement, Direction, Library
from contests.models import Contest
from core.models import Status
from events.models import Event, Person
from exhibitions.models import Exhibition
from portal import access
from portal import urls as portal_urls
from portal.invitations import invitation_path, invite
from reminders.models import Reminder
from tests.admin_russian.walk import WITHOUT_ROWS, make_access, maker_for
from tests.factories import (
    ContactFactory,
    CuratorFactory,
    ExhibitionStopFactory,
    MembershipFactory,
    ProposalFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 360, "height": 740}

# Admin views that are not pages: a file to download, a POST-only action.
NOT_PAGES = {"import_template": "a file to download", "copy": "POST only"}
# Portal views that are not pages of their own: files, logging out.
PORTAL_NOT_PAGES = {"agreement_scan", "amendment_scan", "report_download", "logout"}

# What is wrong with the page, as a list of sentences (empty when it fits). `admin` also checks what only the
# admin has: its lists' tables and its inlines.
PROBLEMS = """(admin) => {
  const problems = [];
  const inner = window.innerWidth, scroll = document.documentElement.scrollWidth;
  const classes = el => typeof el.className === 'string' ? el.className.trim().split(/\\s+/).filter(Boolean) : [];
  const name = el => [el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''), ...classes(el)].join('.');
  const words = el => (el.innerText || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
  const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  if (scroll > inner) {
    // The innermost elements sticking out on the right: the ones to fix.
    const out = Array.from(document.querySelectorAll('body *')).filter(
      el => visible(el) && el.getBoundingClientRect().right > inner + 1);
    const leaves = out.filter(el => !Array.from(el.children).some(child => out.includes(child)));
    const named = leaves.slice(0, 4).map(el => `${name(el)} (to ${Math.round(el.getBoundingClientRect().right)} px)`);
    problems.push(`scrolls sideways: ${scroll} px wide in a ${inner} px window; sticking out: ${named.join(', ')}`);
  }
  if (admin) {
    for (const table of document.querySelectorAll('#result_list')) {
      const box = table.parentElement;
      if (table.offsetWidth > box.clientWidth + 1) {
        const hidden = Array.from(table.querySelectorAll('thead th')).filter(
          th => th.getBoundingClientRect().right > box.getBoundingClientRect().right + 1).map(words);
        problems.push(`the list is ${table.offsetWidth} px wide in a ${box.clientWidth} px box; ` +
                      `columns off the right edge: ${hidden.join(', ')}`);
      }
    }
    // An inline's table may scroll inside its own box, never push the page.
    for (const table of document.querySelectorAll('.inline-group table')) {
      let box = table.parentElement, wrapped = false;
      for (; box && !box.classList.contains('inline-group'); box = box.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) { wrapped = true; break; }
      }
      const group = table.closest('.inline-group');
      if (!wrapped && table.offsetWidth > group.clientWidth + 1) {
        problems.push(`the inline ${name(group)} is ${table.offsetWidth} px wide in ${group.clientWidth} px`);
      }
    }
  }
  // A list of terms and values (dl.facts) keeps its values in their own column, beside their terms.
  for (const dl of document.querySelectorAll('dl')) {
    const style = getComputedStyle(dl);
    if (!visible(dl) || style.display !== 'grid' || style.gridTemplateColumns.split(' ').length < 2) continue;
    const terms = Array.from(dl.querySelectorAll(':scope > dt'));
    const edge = Math.max(...terms.map(dt => dt.getBoundingClientRect().right));
    const astray = Array.from(dl.querySelectorAll(':scope > dd')).filter(dd => dd.getBoundingClientRect().left < edge);
    if (astray.length) problems.push(`${name(dl)} puts a value in the terms' column: «${words(astray[0])}»`);
  }
  // Text cut by its box: cells, titles, the chosen values of pickers. (A negative text-indent is an icon's
  // hidden label, as on Django's arrow buttons.)
  for (const el of document.querySelectorAll('body *')) {
    if (!visible(el) || el.closest('.visually-hidden, .sr-only, [aria-hidden=true]')) continue;
    const style = getComputedStyle(el);
    const cuts = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
    if (!cuts || el.clientWidth < 2 || el.scrollWidth <= el.clientWidth + 1 || parseFloat(style.textIndent) < -99) {
      continue;
    }
    if (!(el.innerText || '').trim() || el.matches('select, textarea, input')) continue;
    problems.push(`${name(el)} cuts its text at ${el.clientWidth} px of ${el.scrollWidth}: «${words(el)}»`);
  }
  // Fields that cut what they show: a text box its value, a list its options, a closed list its choice. (A row of
  // a tabular inline is a table's row: it shows the start of each value, and the record's own page the whole.)
  const ruler = document.createElement('canvas').getContext('2d');
  const room = el => {
    const style = getComputedStyle(el);
    ruler.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  };
  for (const input of document.querySelectorAll('input[type=text], input[type=email], input[type=url]')) {
    if (!visible(input) || !input.value || input.offsetWidth < 5 || input.closest('.tabular')) continue;
    const space = room(input);
    if (ruler.measureText(input.value).width > space + 1) {
      problems.push(`the field ${name(input)} cuts its value at ${Math.round(space)} px: «${words(input)}»`);
    }
  }
  for (const select of document.querySelectorAll('select')) {
    if (!visible(select) || select.offsetWidth < 5 || select.classList.contains('select2-hidden-accessible')) continue;
    const space = room(select) - (select.multiple ? 4 : 20);  // an option's own padding; the closed list's arrow
    const shown = select.multiple ? Array.from(select.options) : [select.options[select.selectedIndex]];
    const cut = shown.filter(option => option && ruler.measureText(option.text).width > space + 3);
    if (cut.length) {
      problems.push(`the list ${name(select)} cuts ${cut.length} of its choices at ${Math.round(space)} px: ` +
                    `«${cut[0].text.slice(0, 60)}»`);
    }
  }
  // A button holds its words: on one line, inside its box.
  for (const el of document.querySelectorAll('a.button, .button, button, input[type=submit], .object-tools a')) {
    if (!visible(el) || !(el.innerText || el.value || '').trim()) continue;
    const style = getComputedStyle(el);
    if (parseFloat(style.textIndent) < -99) continue;
    const lines = style.display === 'inline' ? el.getClientRects().length : 1;
    const text = el.matches('input') ? room(el) < ruler.measureText(el.value).width - 1 : false;
    if (lines > 1 || text || el.scrollWidth > el.clientWidth + 1) {
      problems.push(`the button «${words(el)}» does not hold its words (${lines} pieces, ` +
                    `${el.scrollWidth} px of text in ${el.clientWidth} px)`);
    }
  }
  return problems;
}"""


@dataclass
class Walk:
    """The pages to open, and what was wrong with them."""

    shot: object
    failures: list[str] = field(default_factory=list)
    opened: int = 0

    def check(self, page, label: str, *, admin: bool, width: str) -> None:
        problems = page.evaluate(PROBLEMS, admin)
        if problems:
            self.failures.append(f"[{width}] {label} {page.url}\n    " + "\n    ".join(problems))
            self.shot(page, re.sub(r"[^\w-]+", "-", f"{width}-{label}"))

    def open(self, page, url: str, label: str, *, admin=False, phone_too=False, status=200) -> None:
        response = page.goto(url)
        self.opened += 1
        if response is None or response.status != status:
            self.failures.append(f"{label} {url} answered {response.status if response else 'nothing'}, not {status}")
            return
        # Collapsed groups of an admin form hold fields too: open them.
        page.evaluate("document.querySelectorAll('details').forEach(details => { details.open = true; })")
        self.check(page, label, admin=admin, width="1366")
        if phone_too:
            page.set_viewport_size(PHONE)
            self.check(page, label, admin=admin, width="360")
            page.set_viewport_size(LAPTOP)


# --- The scenery: the demo, and a row of every admin model and inline the demo has none of -------------------------


@dataclass
class World:
    superuser: object
    partner: object  # a partner library's member who has set a password
    library: Library
    invitee: object  # a contact's account whose invitation is still pending


DIRECTIONS = importlib.import_module("agreements.migrations.0002_directions")


def build_world() -> World:
    # A transactional test before this one may have emptied the tables, the directions a migration wrote included.
    DIRECTIONS.create_directions(django_apps, None)
    call_command("load_demo", stdout=io.StringIO())
    superuser = UserFactory(username="root", first_name="Алиса", last_name="Методистова", is_superuser=True)

    # The partner library with the most joint work; in the portal, it is a site of events, a stop of an exhibition
    # and a curator of a contest.
    library = (
        Library.objects.filter(is_host=False).annotate(n=Count("participations")).order_by("-n", "short_name").first()
    )
    if not library.exhibition_stops.exists():
        ExhibitionStopFactory(
            exhibition=Exhibition.objects.order_by("pk").first(),
            venue=library,
            starts_on=datetime.date(2031, 3, 1),
            ends_on=datetime.date(2031, 3, 31),
            status=Status.PLANNED,
        )
    if not library.curated_contests.exists():
        CuratorFactory(contest=Contest.objects.order_by("pk").first(), library=library, region=library.region)
    for _kind, side in access.other_sides():  # kinds without a portal page of their own (tests/kinds)
        if not side.rows().filter(**{side.library_field: library}).exists():
            maker_for(side.model)(**{side.library_field: library})
    contact = library.contacts.first()
    partner = MembershipFactory(
        library=library,
        contact=contact,
        user__username=contact.email or "staff@partner.example",
        user__first_name="Мария",
        user__last_name="Иванова",
    ).user
    pending = ContactFactory(library=library, full_name="Петрова Анна Сергеевна", email="a.petrova@partner.example")
    invitee = invite(pending).user
    ProposalFactory(
        library=library,
        author=partner,
        title="Межрегиональный телемост «Легенды Иртыша и Томи: сказки народов Сибири и Казахстана»",
    )

    # A supplementary agreement that changes the term and the directions.
    agreement = Agreement.objects.filter(partner=library).first()
    amendment = agreement.amendments.create(
        number="1",
        signed_on=agreement.signed_on + datetime.timedelta(days=365),
        new_valid_until=datetime.date(2030, 12, 31),
        summary="Срок действия продлён до 31.12.2030; добавлены совместные конкурсы детского и молодёжного творчества.",
    )
    directions = list(Direction.objects.order_by("position"))
    amendment.directions_added.set(directions[-1:])
    amendment.directions_removed.set(directions[:1])

    # Rows of what the demo leaves empty: a reminder, login attempts, a deleted record, a second version to restore.
    Reminder.objects.create(
        kind=Reminder.Kind.DORMANT,
        content_type=ContentType.objects.get_for_model(agreement),
        object_id=agreement.pk,
        due_on=timezone.localdate(),
        text=f"Соглашение {agreement} бездействует: совместной работы не было 12 месяцев",
        subject="Напоминания coopnet",
        recipients="alice@example.org, methodist@kuzbass-library.example",
        sent_at=timezone.now(),
    )
    for model_name in ("AccessAttempt", "AccessLog", "AccessFailureLog"):
        make_access(model_name)()
    for direction in Direction.objects.all():  # made by a migration, before versions were kept: give each one
        direction.save()
    deleted = Person.objects.create(full_name="Удалённый гость", occupation="писательница")
    deleted.delete()
    for model in admin.site._registry:
        label = model._meta.label_lower
        if label not in WITHOUT_ROWS and not model._default_manager.exists():
            maker_for(model)()
    # A second version of each record the admin opens, so that its history offers «Восстановить эту версию»; the
    # event's shows what changed, old and new side by side.
    for model, model_admin in admin.site._registry.items():
        obj = richest(model_admin) if is_tracked(model) else None
        if isinstance(obj, Event):
            obj.description, obj.results = "Первое описание мероприятия.", "Итоги: " + obj.description
        if obj is not None:
            obj.save()
            obj.save()  # the current version, so the one with the changes has the button
    return World(superuser=superuser, partner=partner, library=library, invitee=invitee)


# --- The admin: every page of every registered model --------------------------------------------------------------


def inline_rows(model_admin, obj) -> list[int]:
    """How many rows each inline of the admin holds for the record."""
    counts = []
    for inline in model_admin.inlines:
        fk = next(
            candidate
            for candidate in inline.model._meta.get_fields()
            if (candidate.many_to_one or candidate.one_to_one)
            and candidate.related_model is model_admin.model
            and inline.fk_name in (None, candidate.name)
        )
        counts.append(inline.model._default_manager.filter(**{fk.name: obj}).count())
    return counts


def richest(model_admin):
    """The record whose change page holds the most: rows in the most inlines, then the most rows, then the longest
    name."""

    def weight(obj):
        rows = inline_rows(model_admin, obj)
        return (sum(1 for n in rows if n), sum(rows), len(str(obj)))

    return max(model_admin.model._default_manager.all(), key=weight, default=None)


def allowed(model_admin, view: str, request, obj) -> bool:
    """Whether the superuser may open the view at all (an admin may refuse adding, as axes' logs do)."""
    if view == "add":
        return model_admin.has_add_permission(request)
    if view == "delete":
        return model_admin.has_delete_permission(request, obj)
    return True


def admin_pages(world: World) -> tuple[list[tuple[str, str]], list[str]]:
    """(label, path) of every page of every registered model's admin, from admin.site._registry; and what is missing
    from the scenery (a model without a row, an inline without rows)."""
    pages = [("index", reverse("admin:index")), ("password_change", reverse("admin:password_change"))]
    missing = []
    request = RequestFactory().get("/")
    request.user = world.superuser
    app_labels = sorted({model._meta.app_label for model in admin.site._registry})
    pages += [(f"app-{app}", reverse("admin:app_list", args=[app])) for app in app_labels]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        obj = None if opts.label_lower in WITHOUT_ROWS else richest(model_admin)
        if obj is None and opts.label_lower not in WITHOUT_ROWS:
            missing.append(f"{opts.label_lower}: no row")
        if obj is not None:
            rows = zip(model_admin.inlines, inline_rows(model_admin, obj), strict=True)
            missing += [f"{opts.label_lower}: no rows in {inline.__name__}" for inline, n in rows if not n]
        for pattern in model_admin.get_urls():
            if not isinstance(pattern, URLPattern) or not pattern.name:
                continue
            view = pattern.name.removeprefix(f"{opts.app_label}_{opts.model_name}_")
            if view in NOT_PAGES or not allowed(model_admin, view, request, obj):
                continue
            params = set(pattern.pattern.converters)
            if params and obj is None:
                continue
            args = []
            if params & {"object_id", "id"}:
                args.append(obj.pk)
            if "history_id" in params:
                first = history_of(model).filter(**{opts.pk.attname: obj.pk}).order_by("history_date").first()
                if first is None:
                    missing.append(f"{opts.label_lower}: no version to restore")
                    continue
                args.append(first.pk)
            if len(args) != len(params):
                missing.append(f"{opts.label_lower}: cannot fill {sorted(params)} of {pattern.name}")
                continue
            pages.append((f"{opts.label_lower}-{view}", reverse(f"admin:{pattern.name}", args=args)))
    return pages, missing


# --- The partner portal --------------------------------------------------------------------------------------------


def portal_pages(world: World) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    """(label, path) of every portal page: those a visitor opens before logging in, those of a member; and the
    portal's URL names no page here covers."""
    library = world.library
    # The report of the library's busiest year.
    year = Counter(row.event.starts_at.year for row in access.participations(library)).most_common(1)[0][0]
    anonymous = [
        ("login", reverse("portal:login")),
        ("invitation", invitation_path(world.invitee)),
        ("password_reset", reverse("portal:password_reset")),
        ("password_reset_done", reverse("portal:password_reset_done")),
        ("password_reset_complete", reverse("portal:password_reset_complete")),
    ]
    member = [
        ("home", reverse("portal:home")),
        ("agreement", reverse("portal:agreement", args=[access.agreements(library).first().pk])),
        ("activities", reverse("portal:activities")),
        ("proposals", reverse("portal:proposals")),
        ("proposal_new", reverse("portal:proposal_new")),
        ("report", reverse("portal:report") + f"?year={year}"),
    ]
    member += [
        (f"participation-{row.pk}", reverse("portal:participation", args=[row.pk]))
        for row in access.participations(library)
    ]
    member += [(f"stop-{row.pk}", reverse("portal:stop", args=[row.pk])) for row in access.stops(library)]
    member += [
        (f"curatorship-{row.pk}", reverse("portal:curatorship", args=[row.pk])) for row in access.curatorships(library)
    ]
    for kind, side in access.other_sides():
        rows = access.side_rows(side, library)
        member += [(f"row-{kind.key}-{row.pk}", reverse("portal:row", args=[kind.key, row.pk])) for row in rows]
    covered = {label.split("-")[0] for label, _path in anonymous + member} | PORTAL_NOT_PAGES
    # The reset link's page needs a token of a reset asked for by email; it is the invitation's page's twin.
    covered.add("password_reset_confirm")
    uncovered = [p.name for p in portal_urls.urlpatterns if p.name not in covered]
    return anonymous, member, uncovered


# --- The public site -----------------------------------------------------------------------------------------------


def public_pages(context, live_server) -> list[tuple[str, str, int]]:
    """(label, path, status): every page of the sitemap, search with results, the low-vision settings, a filter
    error and a page not found."""
    sitemap = context.request.get(live_server.url + reverse("site:sitemap")).text()
    paths = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    return [
        *[(path.strip("/").replace("/", "-") or "home", path, 200) for path in paths],
        ("search", reverse("site:search") + "?q=%D1%82%D0%B5%D0%BB%D0%B5%D0%BC%D0%BE%D1%81%D1%82", 200),
        ("accessibility", reverse("site:accessibility"), 200),
        ("events-with-errors", reverse("events:list") + "?date_from=2030-13-45&kind=nonsense", 400),
        ("not-found", "/no-such-page/", 404),
    ]


def logged_in(new_context, live_server, user, viewport):
    client = Client()
    client.force_login(user)
    context = new_context(viewport=viewport)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    return context


def test_every_page_fits(live_server, new_context, shot):
    world = build_world()
    walk = Walk(shot=shot)

    staff = logged_in(new_context, live_server, world.superuser, LAPTOP).new_page()
    pages, missing = admin_pages(world)
    for label, path in pages:
        walk.open(staff, live_server.url + path, f"admin {label}", admin=True)

    reader_context = new_context(viewport=LAPTOP)
    reader = reader_context.new_page()
    anonymous, member, uncovered = portal_pages(world)
    for label, path in anonymous:
        walk.open(reader, live_server.url + path, f"portal {label}", phone_too=True)
    partner = logged_in(new_context, live_server, world.partner, LAPTOP).new_page()
    for label, path in member:
        walk.open(partner, live_server.url + path, f"portal {label}", phone_too=True)

    queue = public_pages(reader_context, live_server)
    seen = set()
    while queue:  # the sitemap's lists, then each one's following pages
        label, path, status = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        walk.open(reader, live_server.url + path, f"public {label}", phone_too=True, status=status)
        following = reader.locator("a[rel=next]")
        if following.count():
            following_path = following.first.evaluate("a => a.href").removeprefix(live_server.url)
            queue.append((f"{label}-next", following_path, 200))

    report = []
    if missing:
        report.append("The scenery lacks rows for these admin pages:\n" + "\n".join(missing))
    if uncovered:
        report.append(f"Portal pages this test does not open: {uncovered}")
    if walk.failures:
        report.append(f"{len(walk.failures)} of {walk.opened} pages do not fit:\n" + "\n".join(walk.failures))
    assert not report, "\n\n".join(report)
