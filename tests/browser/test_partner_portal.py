"""The partner portal in a real Chromium, at 1366 px and at 360 px.

A methodologist invites a partner library's contact from the admin; the partner sets a password by the emailed
one-time link (a weak one is refused in Russian first), enters yesterday's telebridge figures for the library's
own site, declines a planned exhibition stop with a reason and proposes a joint event. The methodologist sees each
of these where she works: the annual report marks the figure «подтверждено партнёром», the admin home lists the
refusal under «Отказались участвовать», the proposal is an unpublished draft event and a «Предложения партнёров»
row.

Then every portal page is scanned: axe-core finds no serious or critical violation (also in the low-vision
schemes), nothing scrolls sideways at 360 px, and under a strict Content-Security-Policy nothing is blocked and
there is no inline code.
"""

import datetime
import re
import zoneinfo
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from agreements.models import Contact, Library
from core.models import PartnerAnswer, Status
from events.models import Event, Participation
from exhibitions.models import ExhibitionStop
from portal.invitations import invitation_path, invite
from portal.models import Membership, Proposal
from tests.browser.test_accessibility_scan import WIDTHS, scan
from tests.browser.test_strict_csp import INLINE_CODE, STRICT_CSP
from tests.factories import (
    AgreementFactory,
    ContactFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    HostLibraryFactory,
    LibraryFactory,
    MembershipFactory,
    ParticipationFactory,
    TelebridgeFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEMEROVO = zoneinfo.ZoneInfo("Asia/Novokuznetsk")
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 360, "height": 740}
# The methodologist's password (tests/factories.py UserFactory) and the one the partner sets by the invitation.
STAFF_PASSWORD = "correct-horse-battery"
PARTNER_PASSWORD = "Tomsk-reads-together-2026"
WEAK_PASSWORD = "12345678"

TELEBRIDGE = "Телемост «Читаем вместе»"
EXHIBITION = "Книжная выставка «Сибирь»"
PROPOSAL = "Телемост «Легенды Томи»"
LIBRARY_NAME = "Томская областная детско-юношеская библиотека"


@dataclass
class World:
    host: Library
    library: Library
    contact: Contact
    telebridge: Event
    row: Participation
    stop: ExhibitionStop
    yesterday: datetime.date


def _build_world() -> World:
    """The host, a partner library with an agreement and a contact; yesterday's held telebridge with the library as
    a site (no figure yet); a planned stop of the host's exhibition at the library; last year's and 2020's joint
    work, so that the report has something to show."""
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    host = HostLibraryFactory()
    library = LibraryFactory(short_name="Томская детская", name=LIBRARY_NAME)
    AgreementFactory(partner=library, number="7/С")
    contact = ContactFactory(
        library=library, full_name="Иванова Мария Петровна", email="m.ivanova@tomsk-library.example"
    )
    start = datetime.datetime.combine(yesterday, datetime.time(10), tzinfo=KEMEROVO)
    telebridge = TelebridgeFactory(
        title=TELEBRIDGE,
        organiser=host,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1, minutes=30),
        status=Status.HELD,
        description="Читатели Кемерова и Томска читают вслух любимые книги.",
    )
    ParticipationFactory(event=telebridge, library=host, role=Participation.Role.ORGANISER, participants_count=30)
    row = ParticipationFactory(event=telebridge, library=library, role=Participation.Role.SITE)
    stop = ExhibitionStopFactory(
        exhibition=ExhibitionFactory(provider=host, title=EXHIBITION),
        venue=library,
        starts_on=today + datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=60),
    )
    # 2020: a held telebridge with the library's figure entered by the host, for the partner's own report.
    old_start = datetime.datetime(2020, 3, 12, 11, 0, tzinfo=KEMEROVO)
    old = TelebridgeFactory(
        title="Телемост «Весна 2020»", organiser=host, starts_at=old_start, status=Status.HELD, participants_count=None
    )
    ParticipationFactory(event=old, library=host, role=Participation.Role.ORGANISER, participants_count=25)
    ParticipationFactory(event=old, library=library, role=Participation.Role.SITE, participants_count=18)
    return World(host, library, contact, telebridge, row, stop, yesterday)


@pytest.fixture
def world(db):
    return _build_world()


@pytest.fixture
def site(db):
    """The pages' scenery: the same data, a partner who has already set a password, and a second contact with a
    pending invitation (its link is the invitation page)."""
    world = _build_world()
    MembershipFactory(
        user__username="staff@tomsk-library.example",
        user__first_name="Мария",
        user__last_name="Иванова",
        library=world.library,
        contact=world.contact,
    )
    pending = ContactFactory(library=world.library, full_name="Петрова Анна Сергеевна", email="a.petrova@tomsk.example")
    invitee = invite(pending)
    return world, invitee.user


def sideways(page) -> str:
    """'' when the page fits its window, or what sticks out on the right."""
    widths = page.evaluate(WIDTHS)
    if widths["scroll"] <= widths["inner"]:
        return ""
    return f"scrollWidth {widths['scroll']} > {widths['inner']}; widest: {', '.join(widths['culprits'])}"


def assert_fits(page):
    problem = sideways(page)
    assert not problem, f"{page.url} scrolls sideways: {problem}"


def admin_login(page, live_server, username="alice"):
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", STAFF_PASSWORD)
    page.locator("#login-form [type=submit]").click()
    page.wait_for_url(f"{live_server.url}{reverse('admin:index')}")


def portal_login(page, live_server, email="staff@tomsk-library.example", password=STAFF_PASSWORD):
    page.goto(live_server.url + reverse("portal:login"))
    page.get_by_label("Электронная почта").fill(email)
    page.get_by_label("Пароль").fill(password)
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url(f"{live_server.url}{reverse('portal:home')}")


def _table(page, caption: str):
    return page.locator("table.portal-table", has=page.locator("caption", has_text=caption))


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1366px", "360px"])
def test_a_partner_joins_and_reports_and_the_methodologist_sees_it(
    live_server, methodologist, new_context, shot, world, viewport
):
    staff = new_context(viewport=viewport).new_page()
    admin_login(staff, live_server)

    # 1. The methodologist invites the library's contact from the contacts' list.
    staff.goto(live_server.url + reverse("admin:agreements_contact_changelist") + "?q=Иванова")
    staff.check(f"input.action-select[value='{world.contact.pk}']")
    staff.select_option("select[name=action]", "invite_to_portal")
    staff.locator("button[name=index]").click()
    expect(staff.locator(".messagelist .success")).to_contain_text("Приглашение отправлено: 1 адресату")
    shot(staff, "01-invitation-sent")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["m.ivanova@tomsk-library.example"]
    assert "Здравствуйте, Мария Петровна!" in message.body
    link = re.search(r"https?://\S+/partner/invitation/\S+/", message.body)
    assert link, message.body

    # The partner opens the link in a browser of her own.
    partner = new_context(viewport=viewport).new_page()
    partner.goto(live_server.url + urlsplit(link.group(0)).path)
    expect(partner.locator("h1")).to_have_text("Приглашение в портал библиотеки-партнёра")
    expect(partner.locator("main")).to_contain_text("m.ivanova@tomsk-library.example")
    assert_fits(partner)
    shot(partner, "02-set-password")

    # A weak password is refused, in Russian.
    partner.locator("#id_new_password1").fill(WEAK_PASSWORD)
    partner.locator("#id_new_password2").fill(WEAK_PASSWORD)
    partner.get_by_role("button", name="Задать пароль и войти").click()
    errors = partner.locator(".form-errors")
    expect(errors).to_contain_text("Проверьте форму")
    expect(errors).to_contain_text("Введённый пароль")
    assert "password" not in errors.inner_text().lower()
    assert_fits(partner)
    shot(partner, "03-weak-password-refused")

    partner.locator("#id_new_password1").fill(PARTNER_PASSWORD)
    partner.locator("#id_new_password2").fill(PARTNER_PASSWORD)
    partner.get_by_role("button", name="Задать пароль и войти").click()
    partner.wait_for_url(f"{live_server.url}{reverse('portal:home')}")
    membership = Membership.objects.select_related("user").get(contact=world.contact)
    assert membership.joined_at is not None and membership.user.check_password(PARTNER_PASSWORD)

    # /partner/: yesterday's telebridge waits for the library's figures.
    expect(partner.locator("h1")).to_contain_text("Томская детская")
    waiting = _table(partner, "Внесите цифры вашей площадки")
    expect(waiting).to_contain_text(TELEBRIDGE)
    expect(waiting).to_contain_text("ждёт ваших цифр")
    assert_fits(partner)
    shot(partner, "04-portal-home")

    waiting.get_by_role("link", name=TELEBRIDGE).click()
    partner.wait_for_url(f"**{reverse('portal:participation', args=[world.row.pk])}")
    expect(partner.get_by_role("heading", name="Цифры вашей площадки")).to_be_visible()
    partner.get_by_label("Участников на вашей площадке").fill("42")
    partner.locator("#id_results_note").fill("Читали вслух «Дикую собаку Динго».")
    assert_fits(partner)
    partner.get_by_role("button", name="Сохранить цифры").click()
    partner.wait_for_url(f"**{reverse('portal:participation', args=[world.row.pk])}")
    expect(partner.locator(".portal-message-success")).to_have_text(
        "Цифры сохранены. Методисты видят, что их внесла ваша библиотека."
    )
    expect(partner.locator("#figures-title ~ p").first).to_contain_text("Внесены вашей библиотекой")
    assert_fits(partner)
    shot(partner, "05-figures-saved")
    world.row.refresh_from_db()
    assert (world.row.participants_count, world.row.figures_by_partner) == (42, True)
    assert world.row.figures_entered_by == membership.user

    # 2. The annual report of the telebridge's year marks the site's figure as the partner's own.
    staff.goto(live_server.url + reverse("reports:index") + f"?year={world.yesterday.year}")
    item = staff.locator("li", has_text=TELEBRIDGE).last
    expect(item).to_contain_text("Томская детская — 42")
    expect(item.locator(".report-confirmed")).to_have_text("подтверждено партнёром")
    item.scroll_into_view_if_needed()
    shot(staff, "06-annual-report-confirmed")

    # 3. The partner declines the planned exhibition stop: a refusal needs a reason.
    partner.goto(live_server.url + reverse("portal:home"))
    answers = _table(partner, "Подтвердите участие или откажитесь")
    expect(answers).to_contain_text("ждёт вашего ответа")
    answers.get_by_role("link", name=EXHIBITION).click()
    partner.wait_for_url(f"**{reverse('portal:stop', args=[world.stop.pk])}")
    partner.get_by_label("Не сможем участвовать").check()
    partner.get_by_role("button", name="Ответить").click()
    expect(partner.locator(".form-errors")).to_contain_text("Напишите, почему библиотека не сможет участвовать.")
    assert_fits(partner)
    shot(partner, "07-refusal-needs-a-reason")
    partner.get_by_label("Не сможем участвовать").check()
    partner.get_by_label("Комментарий").fill("В зале ремонт до конца года.")
    partner.get_by_role("button", name="Ответить").click()
    expect(partner.locator(".portal-message-success")).to_have_text(
        "Ответ сохранён: методисты увидят, что библиотека не сможет участвовать."
    )
    assert_fits(partner)
    shot(partner, "08-declined")
    world.stop.refresh_from_db()
    assert world.stop.answer == PartnerAnswer.DECLINED
    assert world.stop.answer_comment == "В зале ремонт до конца года."

    staff.goto(live_server.url + reverse("admin:index"))
    declined = staff.locator("#dashboard-partners-declined")
    expect(declined.locator("h4")).to_contain_text("Отказались участвовать")
    expect(declined).to_contain_text(EXHIBITION)
    expect(declined).to_contain_text("В зале ремонт до конца года.")
    declined.scroll_into_view_if_needed()
    shot(staff, "09-dashboard-declined")

    # 4. The partner proposes a joint event.
    partner.goto(live_server.url + reverse("portal:proposals"))
    partner.get_by_role("link", name="Предложить мероприятие").click()
    partner.wait_for_url(f"**{reverse('portal:proposal_new')}")
    start = timezone.localdate() + datetime.timedelta(days=60)
    partner.get_by_label("Название").fill(PROPOSAL)
    partner.locator("#id_kind").select_option("telebridge")
    partner.locator("#id_format").select_option("online")
    partner.locator("#id_audience").select_option("teens")
    partner.locator("#id_starts_on").fill(start.isoformat())
    partner.get_by_label("Описание").fill("Читатели двух областей рассказывают легенды своих рек.")
    assert_fits(partner)
    shot(partner, "10-proposal-form")
    # By the keyboard: right after a full-page screenshot, Chromium swallows the first mouse click on this form.
    partner.get_by_role("button", name="Отправить предложение").press("Enter")
    partner.wait_for_url(f"**{reverse('portal:proposals')}")
    expect(partner.locator(".portal-message-success")).to_contain_text("Предложение отправлено.")
    row = partner.locator("table.portal-table tbody tr", has_text=PROPOSAL)
    expect(row).to_contain_text("на рассмотрении")
    assert_fits(partner)
    shot(partner, "11-proposal-sent")

    proposal = Proposal.objects.select_related("event").get(title=PROPOSAL)
    assert proposal.library == world.library and not proposal.event.is_published
    staff.goto(live_server.url + reverse("admin:events_event_changelist") + "?q=Легенды")
    event_row = staff.locator("#result_list tbody tr", has_text=PROPOSAL)
    expect(event_row).to_have_count(1)
    expect(event_row.locator("td.field-is_published img")).to_have_attribute("alt", "нет")  # not published yet
    shot(staff, "12-draft-event")
    staff.goto(live_server.url + reverse("admin:index"))
    staff.get_by_role("link", name="Предложения партнёров", exact=True).first.click()
    staff.wait_for_url(f"**{reverse('admin:portal_proposal_changelist')}")
    proposal_row = staff.locator("#result_list tbody tr", has_text=PROPOSAL)
    expect(proposal_row).to_contain_text("Томская детская")
    expect(proposal_row).to_contain_text("на рассмотрении")
    shot(staff, "13-partners-proposals")


# --- Every portal page: axe-core, sideways scrolling, a strict CSP ------------------------------------------------


def _portal_pages(world, invitee):
    """(label, path, logged in?, what to do on the page after it loads): every portal page of the scenery."""

    def show_proposal_errors(page):
        page.get_by_label("Название").fill("")
        page.locator("#id_starts_on").fill("")
        page.get_by_role("button", name="Отправить предложение").click()
        expect(page.locator(".form-errors")).to_contain_text("Проверьте форму")

    agreement = world.library.agreements.get()
    return [
        ("login", reverse("portal:login"), False, None),
        ("invitation", invitation_path(invitee), False, None),
        ("password-reset", reverse("portal:password_reset"), False, None),
        ("home", reverse("portal:home"), True, None),
        ("agreement", reverse("portal:agreement", args=[agreement.pk]), True, None),
        ("activities", reverse("portal:activities"), True, None),
        ("event-row", reverse("portal:participation", args=[world.row.pk]), True, None),
        ("stop", reverse("portal:stop", args=[world.stop.pk]), True, None),
        ("proposals", reverse("portal:proposals"), True, None),
        ("proposal-form-errors", reverse("portal:proposal_new"), True, show_proposal_errors),
        ("report-2020", reverse("portal:report") + "?year=2020", True, None),
    ]


def _walk(page, live_server, site, check):
    """Open every portal page, anonymous ones first, then log in by the portal's form; check(label, page) on each."""
    world, invitee = site
    logged_in = False
    for label, path, needs_login, then in _portal_pages(world, invitee):
        if needs_login and not logged_in:
            portal_login(page, live_server)
            logged_in = True
        response = page.goto(live_server.url + path)
        assert response.status == 200, f"{label}: {path} answered {response.status}"
        if then is not None:
            then(page)
        check(label, page)


# (pass, viewport, low-vision cookies): the scans run in each.
PASSES = [
    ("laptop", LAPTOP, {}),
    ("phone", PHONE, {}),
    ("phone-low-vision-wb", PHONE, {"lv_font": "xlarge", "lv_scheme": "wb", "lv_spacing": "wide"}),
    ("laptop-low-vision-blue", LAPTOP, {"lv_font": "large", "lv_scheme": "blue"}),
]


@pytest.mark.parametrize(("name", "viewport", "cookies"), PASSES, ids=[p[0] for p in PASSES])
def test_portal_pages_pass_axe_and_fit_the_window(live_server, new_context, shot, site, name, viewport, cookies):
    context = new_context(viewport=viewport)
    context.add_cookies([{"name": k, "value": v, "url": live_server.url} for k, v in cookies.items()])
    page = context.new_page()
    violations, too_wide = [], []

    def check(label, page):
        if cookies.get("lv_scheme"):
            assert f"lv-scheme-{cookies['lv_scheme']}" in page.evaluate("() => document.documentElement.className")
        violations.extend(scan(page, f"{label}, {name}", page.url))
        problem = sideways(page)
        if problem:
            too_wide.append(f"{label} ({page.url}): {problem}")
            shot(page, f"{label}-too-wide")
        elif label in {"home", "event-row", "report-2020", "proposal-form-errors"}:
            shot(page, label)

    _walk(page, live_server, site, check)
    assert not violations, "axe-core violations on portal pages:\n" + "\n".join(violations)
    assert not too_wide, "Portal pages scrolling sideways:\n" + "\n".join(too_wide)


@pytest.mark.parametrize("cookies", [{}, {"lv_font": "xlarge", "lv_scheme": "wb"}], ids=["normal", "low-vision"])
def test_portal_pages_work_under_a_strict_csp(live_server, new_context, site, cookies):
    context = new_context(viewport=LAPTOP)
    context.add_cookies([{"name": k, "value": v, "url": live_server.url} for k, v in cookies.items()])

    def with_csp(route):
        # Not following redirects: the browser follows them itself (after a form's POST), through this route again.
        response = route.fetch(max_redirects=0)
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_CSP})

    context.route(f"{live_server.url}/**", with_csp)
    page = context.new_page()
    reports = []
    page.on("console", lambda msg: reports.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    inline, blocked = [], []

    def check(label, page):
        inline.extend(f"{label}: {item}" for item in page.evaluate(INLINE_CODE))
        blocked.extend(f"{label}: {text}" for text in reports)
        reports.clear()

    _walk(page, live_server, site, check)
    assert not inline, "Inline code on portal pages would break a strict CSP:\n" + "\n".join(inline)
    assert not blocked, "The strict CSP blocked something on portal pages:\n" + "\n".join(blocked)
