"""The partner portal's pages through the test client: what a partner library's staff member sees and does."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from core.models import PartnerAnswer, Status
from events.models import Event, Participation
from portal.models import Proposal
from tests.factories import (
    AgreementFactory,
    ContestFactory,
    CuratorFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    HostLibraryFactory,
    LibraryFactory,
    ParticipationFactory,
    TelebridgeFactory,
)
from tests.portal.helpers import partner_user, yesterday_at

pytestmark = pytest.mark.django_db

KEMEROVO = zoneinfo.ZoneInfo("Asia/Novokuznetsk")


@pytest.fixture
def host():
    return HostLibraryFactory()


@pytest.fixture
def library():
    return LibraryFactory(short_name="Томская детская", name="Томская областная детско-юношеская библиотека")


@pytest.fixture
def partner(client, library):
    user = partner_user(library)
    client.force_login(user)
    return user


def _held_telebridge(host, library, **kwargs):
    event = TelebridgeFactory(
        organiser=host, starts_at=yesterday_at(10, KEMEROVO), status=Status.HELD, title="Телемост «Читаем вместе»"
    )
    ParticipationFactory(event=event, library=host, role=Participation.Role.ORGANISER, participants_count=30)
    row = ParticipationFactory(event=event, library=library, role=Participation.Role.SITE, **kwargs)
    return event, row


def _future_telebridge(host, library):
    start = timezone.now() + datetime.timedelta(days=20)
    event = TelebridgeFactory(organiser=host, starts_at=start, title="Телемост «Весна»")
    return event, ParticipationFactory(event=event, library=library, role=Participation.Role.SITE)


def test_anonymous_visitor_is_sent_to_the_portal_login(client):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:login"))


def test_home_lists_what_waits_for_the_library(client, partner, host, library):
    _held_telebridge(host, library)
    _future_telebridge(host, library)
    AgreementFactory(partner=library)
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Подтвердите участие или откажитесь" in text
    assert "Телемост «Весна»" in text
    assert "Внесите цифры вашей площадки" in text
    assert "Телемост «Читаем вместе»" in text
    assert "Соглашение от" in text


def test_partner_enters_attendance_of_its_own_site(client, partner, host, library):
    event, row = _held_telebridge(host, library)
    url = reverse("portal:participation", args=[row.pk])
    page = client.get(url)
    assert "Цифры вашей площадки" in page.content.decode()
    response = client.post(url, {"action": "figures", "participants_count": "42", "results_note": "Читали вслух."})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.participants_count == 42
    assert row.results_note == "Читали вслух."
    assert row.figures_by_partner
    assert row.figures_entered_by == partner
    # The host's own figure is untouched and the event's total counts both sites.
    assert Event.objects.get(pk=event.pk).attendance == 72
    # History records the partner as the author of the version.
    assert row.history.first().history_user == partner


def test_figures_pass_the_admins_validation(client, partner, host, library):
    _event, row = _held_telebridge(host, library)
    url = reverse("portal:participation", args=[row.pk])
    response = client.post(url, {"action": "figures", "participants_count": "99999999999"})
    assert response.status_code == 400
    assert "Участников на вашей площадке" in response.content.decode()
    row.refresh_from_db()
    assert row.participants_count is None
    response = client.post(url, {"action": "figures", "participants_count": ""})
    assert response.status_code == 400
    assert "Обязательное поле" in response.content.decode()


def test_figures_are_refused_for_what_is_still_ahead(client, partner, host, library):
    _event, row = _future_telebridge(host, library)
    response = client.post(
        reverse("portal:participation", args=[row.pk]), {"action": "figures", "participants_count": "5"}
    )
    assert response.status_code == 400
    assert "Этого сейчас сделать нельзя" in response.content.decode()
    row.refresh_from_db()
    assert row.participants_count is None


def test_a_methodologist_changing_the_figure_clears_the_partners_confirmation(
    client, partner, host, library, methodologist
):
    _event, row = _held_telebridge(host, library)
    client.post(reverse("portal:participation", args=[row.pk]), {"action": "figures", "participants_count": "42"})
    row.refresh_from_db()
    assert row.figures_by_partner
    row.save_figures(user=methodologist, by_partner=False, participants_count=40)  # not the partner's number now
    row.refresh_from_db()
    assert not row.figures_by_partner
    assert row.figures_entered_by == methodologist


def test_partner_confirms_and_declines_taking_part(client, partner, host, library):
    _event, row = _future_telebridge(host, library)
    url = reverse("portal:participation", args=[row.pk])
    response = client.post(url, {"action": "answer", "answer": "declined", "comment": ""})
    assert response.status_code == 400
    assert "Напишите, почему" in response.content.decode()
    response = client.post(url, {"action": "answer", "answer": "declined", "comment": "Ремонт зала"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.answer == PartnerAnswer.DECLINED
    assert row.answer_comment == "Ремонт зала"
    assert row.answered_by == partner
    client.post(url, {"action": "answer", "answer": "confirmed", "comment": ""})
    row.refresh_from_db()
    assert row.answer == PartnerAnswer.CONFIRMED


def test_partner_declines_an_exhibition_stop_and_enters_a_held_stops_visitors(client, partner, host, library):
    today = timezone.localdate()
    exhibition = ExhibitionFactory(provider=host, title="Книжная выставка «Сибирь»")
    ahead = ExhibitionStopFactory(
        exhibition=exhibition,
        venue=library,
        starts_on=today + datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=60),
    )
    held = ExhibitionStopFactory(
        exhibition=ExhibitionFactory(provider=host),
        venue=library,
        starts_on=today - datetime.timedelta(days=40),
        ends_on=today - datetime.timedelta(days=10),
        status=Status.HELD,
    )
    response = client.post(
        reverse("portal:stop", args=[ahead.pk]), {"action": "answer", "answer": "declined", "comment": "Нет витрин"}
    )
    assert response.status_code == 302
    ahead.refresh_from_db()
    assert ahead.answer == PartnerAnswer.DECLINED
    response = client.post(
        reverse("portal:stop", args=[held.pk]), {"action": "figures", "visitors": "310", "excursions": "4"}
    )
    assert response.status_code == 302
    held.refresh_from_db()
    assert (held.visitors, held.excursions, held.figures_by_partner) == (310, 4, True)


def test_partner_answers_as_a_contests_curator(client, partner, host, library):
    today = timezone.localdate()
    contest = ContestFactory(
        organiser=host,
        submissions_from=today + datetime.timedelta(days=5),
        submissions_until=today + datetime.timedelta(days=40),
        results_on=today + datetime.timedelta(days=50),
    )
    curator = CuratorFactory(contest=contest, library=library, region="Томская область")
    response = client.post(
        reverse("portal:curatorship", args=[curator.pk]), {"action": "answer", "answer": "confirmed"}
    )
    assert response.status_code == 302
    curator.refresh_from_db()
    assert curator.answer == PartnerAnswer.CONFIRMED


def test_proposal_arrives_as_a_draft_event(client, partner, host, library):
    start = timezone.localdate() + datetime.timedelta(days=60)
    response = client.post(
        reverse("portal:proposal_new"),
        {
            "title": "Телемост «Легенды Томи»",
            "kind": "telebridge",
            "format": "online",
            "audience": "teens",
            "starts_on": start.isoformat(),
            "ends_on": "",
            "description": "Читатели двух областей рассказывают легенды своих рек.",
        },
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.library == library and proposal.author == partner
    event = proposal.event
    assert not event.is_published
    assert event.organiser == library
    assert event.kind == "telebridge"
    assert timezone.localtime(event.starts_at, zoneinfo.ZoneInfo(library.timezone)).date() == start
    assert Participation.objects.filter(event=event, library=library, role=Participation.Role.ORGANISER).exists()
    page = client.get(reverse("portal:proposals")).content.decode()
    assert "Телемост «Легенды Томи»" in page
    assert "на рассмотрении" in page
    proposal.decision = Proposal.Decision.DECLINED
    proposal.decision_comment = "В этом году телемостов с Томском уже три."
    proposal.save()
    page = client.get(reverse("portal:proposals")).content.decode()
    assert "отклонено" in page and "уже три" in page


def test_a_bad_proposal_is_refused_in_russian_and_nothing_is_saved(client, partner):
    response = client.post(
        reverse("portal:proposal_new"),
        {
            "title": "",
            "kind": "telebridge",
            "format": "online",
            "audience": "teens",
            "starts_on": "2026-13-45",
            "ends_on": "",
            "description": "",
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Проверьте форму" in text
    assert "Обязательное поле" in text
    assert not Proposal.objects.exists() and not Event.objects.exists()
    response = client.post(
        reverse("portal:proposal_new"),
        {
            "title": "Встреча",
            "kind": "seminar",
            "format": "online",
            "audience": "teens",
            "starts_on": "2030-05-10",
            "ends_on": "2030-05-01",
            "description": "Семинар",
        },
    )
    assert response.status_code == 400
    assert "раньше" in response.content.decode()
    assert not Proposal.objects.exists() and not Event.objects.exists()


def test_the_portal_never_shows_staff_notes_or_other_partners_figures(client, partner, host, library):
    event, row = _held_telebridge(host, library)
    other = LibraryFactory(short_name="Омская детская")
    ParticipationFactory(event=event, library=other, role=Participation.Role.SITE, participants_count=777)
    event.notes = "служебное: не показывать партнёрам"
    event.save()
    text = client.get(reverse("portal:participation", args=[row.pk])).content.decode()
    assert "Омская детская" in text  # who else took part is part of the event
    assert "777" not in text
    assert "служебное" not in text
    assert "30" not in text.split("Библиотеки-участники")[1].split("</dd>")[0]


def test_agreement_page_and_its_scan(client, partner, library, settings):
    from django.core.files.base import ContentFile

    agreement = AgreementFactory(partner=library)
    agreement.scan.save("scan.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    page = client.get(reverse("portal:agreement", args=[agreement.pk]))
    assert page.status_code == 200
    assert "История соглашения" in page.content.decode()
    scan = client.get(reverse("portal:agreement_scan", args=[agreement.pk]))
    assert scan.status_code == 200
    assert b"".join(scan.streaming_content).startswith(b"%PDF")


def test_report_year_out_of_range_is_a_clear_400(client, partner):
    response = client.get(reverse("portal:report"), {"year": "99999"})
    assert response.status_code == 400
    assert "Год — число от" in response.content.decode()
    assert client.get(reverse("portal:report_download", args=[1800, "xlsx"])).status_code == 404
    assert client.get(reverse("portal:report_download", args=[2020, "pdf"])).status_code == 404


def test_portal_pages_keep_their_number_of_queries(client, partner, host, library, django_assert_max_num_queries):
    for _n in range(3):
        _held_telebridge(host, library)
    with django_assert_max_num_queries(40) as small:
        client.get(reverse("portal:activities"))
    for _n in range(15):
        _held_telebridge(host, library)
        _future_telebridge(host, library)
    with django_assert_max_num_queries(40) as large:
        client.get(reverse("portal:activities"))
    assert len(large.captured_queries) == len(small.captured_queries)


def test_an_event_whose_total_was_typed_alone_does_not_wait_for_the_partners_count(client, partner, host, library):
    event = TelebridgeFactory(
        organiser=library, starts_at=yesterday_at(10, KEMEROVO), status=Status.HELD, participants_count=200
    )
    row = ParticipationFactory(event=event, library=library, role=Participation.Role.ORGANISER)
    home = client.get(reverse("portal:home")).content.decode()
    assert "Внесите цифры вашей площадки" not in home
    page = client.get(reverse("portal:participation", args=[row.pk])).content.decode()
    assert "указано только общее число участников — 200" in page
    assert "Цифры вашей площадки" in page


def test_contacts_and_the_hosts_notes_never_show_in_the_portal(client, partner, host, library):
    from tests.factories import ContactFactory

    ContactFactory(library=library, full_name="Сидорова Ольга Петровна", email="olga.s@example.org", phone="+7 999")
    ContactFactory(library=host, full_name="Кузнецова Нина", email="nina@example.org")
    agreement = AgreementFactory(partner=library, notes="служебное: торговались о сроке")
    library.notes = "служебное: координаты условные"
    library.save()
    _held_telebridge(host, library)
    pages = [
        reverse("portal:home"),
        reverse("portal:activities"),
        reverse("portal:agreement", args=[agreement.pk]),
        reverse("portal:report"),
    ]
    for url in pages:
        text = client.get(url).content.decode()
        for secret in ("Сидорова", "olga.s@", "+7 999", "Кузнецова", "nina@", "служебное"):
            assert secret not in text, (url, secret)


def test_portal_pages_are_never_cached_by_browsers_or_proxies(client, partner):
    response = client.get(reverse("portal:home"))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@pytest.mark.parametrize("kind", ["exhibition", "contest"])
def test_an_exhibition_or_a_contest_proposal_arrives_as_its_own_draft(client, partner, library, kind):
    start = timezone.localdate() + datetime.timedelta(days=40)
    end = start + datetime.timedelta(days=30)
    response = client.post(
        reverse("portal:proposal_new"),
        {
            "title": "Сибирь читающая",
            "kind": kind,
            "format": "offline",
            "audience": "children",
            "starts_on": start.isoformat(),
            "ends_on": end.isoformat(),
            "description": "Книги писателей Сибири для детей.",
        },
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.event is None
    draft = proposal.draft
    assert not draft.is_published
    if kind == "exhibition":
        assert draft == proposal.exhibition and draft.provider == library
    else:
        assert draft == proposal.contest and draft.organiser == library
        assert (draft.submissions_from, draft.submissions_until) == (start, end)
    assert proposal.fate() == "на рассмотрении"
    draft.is_published = True
    draft.save()
    proposal = Proposal.objects.get()  # read again: whether the draft is public is read with the proposal
    assert proposal.fate() == "принято и опубликовано на сайте"
    assert proposal.public_url == draft.get_absolute_url()


def _propose(client, start, **fields):
    data = {
        "title": "Телемост «Легенды Томи»",
        "kind": "telebridge",
        "format": "online",
        "audience": "teens",
        "starts_on": start.isoformat(),
        "ends_on": "",
        "description": "Читатели двух областей рассказывают легенды своих рек.",
        **fields,
    }
    response = client.post(reverse("portal:proposal_new"), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    return Proposal.objects.get()


def _upcoming_row(client, title):
    page = client.get(reverse("portal:home")).content.decode()
    upcoming = page[page.index('id="upcoming"') :]
    return next(row for row in upcoming.split("<tr>") if title in row)


def test_a_proposal_under_review_shows_as_a_proposal_until_staff_accept_it(client, partner, host, library):
    proposal = _propose(client, timezone.localdate() + datetime.timedelta(days=60))
    row = _upcoming_row(client, "Легенды Томи")
    assert "ваше предложение" in row and "на рассмотрении" in row
    assert "запланировано" not in row and "организатор" not in row
    proposal.decision = Proposal.Decision.ACCEPTED
    proposal.save()
    row = _upcoming_row(client, "Легенды Томи")
    assert "запланировано" in row and "организатор" in row and "предложение" not in row


def test_a_declined_proposal_is_no_joint_work(client, partner, host, library):
    proposal = _propose(client, timezone.localdate() + datetime.timedelta(days=60))
    proposal.decision = Proposal.Decision.DECLINED
    proposal.save()
    assert "Легенды Томи" not in client.get(reverse("portal:activities")).content.decode()


def test_the_draft_keeps_only_the_times_the_partner_gave(client, partner, host, library):
    start = timezone.localdate() + datetime.timedelta(days=60)
    local = zoneinfo.ZoneInfo(library.timezone)
    draft = _propose(client, start).event
    assert timezone.localtime(draft.starts_at, local).time() == datetime.time(0, 0)  # the day, no hour invented
    assert timezone.localtime(draft.ends_at, local).time() == datetime.time(23, 59)
    assert "Время библиотека не указала" in draft.notes
    Proposal.objects.all().delete()
    timed = _propose(client, start, title="Вебинар «Реки»", starts_at_time="15:30", ends_at_time="17:00").event
    assert timezone.localtime(timed.starts_at, local).time() == datetime.time(15, 30)
    assert timezone.localtime(timed.ends_at, local).time() == datetime.time(17, 0)
    assert "Время — условное" not in timed.notes


def test_the_partner_sees_the_broadcast_link_and_its_own_local_time(client, partner, host):
    moscow = LibraryFactory(short_name="Московская детская", timezone="Europe/Moscow")
    client.force_login(partner_user(moscow))
    start = datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=10), datetime.time(10), KEMEROVO)
    event = TelebridgeFactory(
        organiser=host, starts_at=start, title="Телемост «Зима»", online_url="https://vk.com/video-1_2"
    )
    row = ParticipationFactory(event=event, library=moscow, role=Participation.Role.SITE)
    page = client.get(reverse("portal:participation", args=[row.pk])).content.decode()
    assert 'href="https://vk.com/video-1_2"' in page
    day = f"{start.day} "
    assert f"{day}" in page and "06:00" in page  # 10:00 in Kemerovo is 06:00 in Moscow
    listed = client.get(reverse("portal:activities")).content.decode()
    assert "06:00" in listed
    assert "06:00" in client.get(reverse("portal:home")).content.decode()
