"""The dashboard on the admin home: what each block lists, for whom, where its links lead, and at what cost."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse

from agreements.models import Agreement, Library
from contests.models import Contest
from core.models import Status
from events.models import Episode, Event
from exhibitions.models import ExhibitionStop
from staff.dashboard import counted
from tests.dashboard.moments import NOW, at, days
from tests.factories import (
    AgreementFactory,
    ContestFactory,
    EpisodeFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    HostLibraryFactory,
    LibraryFactory,
    ParticipationFactory,
    ProjectFactory,
    UserFactory,
)


@pytest.fixture
def scene(db):
    host = HostLibraryFactory()
    tomsk = LibraryFactory(short_name="Томская ОДЮБ")
    omsk = LibraryFactory(short_name="Омская ОДБ")
    perm = LibraryFactory(short_name="Пермская ДБ")
    altai = LibraryFactory(short_name="Алтайская КДБ")
    rows = {
        "expiring": AgreementFactory(
            partner=tomsk, signed_on=datetime.date(2024, 1, 10), valid_until=days(30), number="1"
        ),
        "dormant": AgreementFactory(partner=omsk, signed_on=datetime.date(2023, 3, 1), number="2"),
        "new": AgreementFactory(partner=perm, signed_on=days(-60), number="3"),
        "this_week": EventFactory(title="Телемост на этой неделе", organiser=host, starts_at=at(days(1))),
        "next_week": EventFactory(title="Вебинар на следующей неделе", organiser=host, starts_at=at(days(6))),
        "spring": EventFactory(title="Конференция весной", organiser=host, starts_at=at(days(120))),
        "awaiting": EventFactory(title="Забытый семинар", organiser=host, starts_at=at(days(-3))),
        "no_figures": EventFactory(
            title="Круглый стол без цифр", organiser=host, starts_at=at(days(-10)), status=Status.HELD
        ),
        "counted": EventFactory(
            title="Встреча с писателем", organiser=host, starts_at=at(days(-60)), status=Status.HELD
        ),
        "draft": EventFactory(title="Черновик вебинара", organiser=host, starts_at=at(days(20)), is_published=False),
        "stop_awaiting": ExhibitionStopFactory(
            exhibition=ExhibitionFactory(title="Выставка «Сказки»"), starts_on=days(-40), ends_on=days(-5)
        ),
        "stop_no_visitors": ExhibitionStopFactory(
            exhibition=ExhibitionFactory(title="Выставка «Земля Кузнецкая»"),
            starts_on=days(-60),
            ends_on=days(-30),
            status=Status.HELD,
        ),
        "contest": ContestFactory(
            title="Конкурс чтецов", submissions_from=days(-90), submissions_until=days(-40), results_on=days(-20)
        ),
        "episode": EpisodeFactory(title="Шорская сказка", published_on=days(-7)),
        "draft_exhibition": ExhibitionFactory(title="Черновик выставки", is_published=False),
    }
    # Tomsk took part in a held event two months ago: its agreement is served, not dormant.
    ParticipationFactory(event=rows["counted"], library=tomsk, participants_count=10)
    rows["notice"] = AgreementFactory(
        partner=altai,
        signed_on=days(-200),
        valid_until=days(100),
        auto_prolongation=True,
        notice_days=60,
        number="4",
    )
    return rows


def dashboard_of(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response, response.context["dashboard"]


def block(dashboard, group_key, block_key):
    group = next(g for g in dashboard.groups if g.key == group_key)
    return next(b for b in group.blocks if b.key == block_key)


def labels(dashboard, group_key, block_key):
    return [item.label for item in block(dashboard, group_key, block_key).items]


@pytest.mark.parametrize("persona", ["methodologist", "manager"])
def test_each_block_lists_its_records(client, request, persona, scene):
    _response, dashboard = dashboard_of(client, request.getfixturevalue(persona))
    assert labels(dashboard, "agreements", "expiring") == [str(scene["expiring"])]
    assert labels(dashboard, "agreements", "dormant") == [str(scene["dormant"])]
    assert labels(dashboard, "week", "this_week") == ["Телемост на этой неделе"]
    assert labels(dashboard, "week", "next_week") == ["Вебинар на следующей неделе"]
    assert labels(dashboard, "awaiting", "events") == ["Забытый семинар"]
    assert labels(dashboard, "awaiting", "stops") == ["Выставка «Сказки»"]
    assert labels(dashboard, "awaiting", "contests") == ["Конкурс чтецов"]
    assert labels(dashboard, "awaiting", "episodes") == [str(scene["episode"])]
    assert labels(dashboard, "attendance", "events") == ["Круглый стол без цифр"]
    assert labels(dashboard, "attendance", "stops") == ["Выставка «Земля Кузнецкая»"]
    assert labels(dashboard, "drafts", "event") == ["Черновик вебинара"]
    assert labels(dashboard, "drafts", "exhibition") == ["Черновик выставки"]


def test_agreements_whose_notice_window_is_open(client, methodologist, scene):
    _response, dashboard = dashboard_of(client, methodologist)
    notice = block(dashboard, "agreements", "notice")
    assert [item.label for item in notice.items] == [str(scene["notice"])]
    assert notice.items[0].note == "уведомить до " + days(40).strftime("%d.%m.%Y")


def test_items_link_to_their_change_pages(client, methodologist, scene):
    response, _dashboard = dashboard_of(client, methodologist)
    html = response.content.decode()
    for key, model in [
        ("expiring", "agreements_agreement"),
        ("this_week", "events_event"),
        ("contest", "contests_contest"),
    ]:
        assert reverse(f"admin:{model}_change", args=[scene[key].pk]) in html
    assert reverse("admin:exhibitions_exhibitionstop_change", args=[scene["stop_awaiting"].pk]) in html
    assert reverse("admin:events_episode_change", args=[scene["episode"].pk]) in html


def test_each_blocks_link_lists_what_the_block_counts(client, methodologist, scene):
    """The block's count is the count of the admin list it links to (the same rule), and its items are in it."""
    _response, dashboard = dashboard_of(client, methodologist)
    for group in dashboard.groups:
        for b in group.blocks:
            response = client.get(b.url)
            assert response.status_code == 200, b.url
            cl = response.context["cl"]
            assert cl.result_count == b.total, (group.key, b.key, b.url)
            listed = {str(pk) for pk in cl.queryset.values_list("pk", flat=True)}
            assert {resolve(item.url).kwargs["object_id"] for item in b.items} <= listed, b.url


def test_the_filtered_links_use_the_events_list_filters(client, methodologist, scene):
    _response, dashboard = dashboard_of(client, methodologist)
    assert block(dashboard, "week", "this_week").url.endswith("?when=this_week")
    assert block(dashboard, "week", "next_week").url.endswith("?when=next_week")
    assert block(dashboard, "awaiting", "events").url.endswith("?status=awaiting")
    assert block(dashboard, "attendance", "events").url.endswith("?attendance=unknown")
    assert block(dashboard, "agreements", "expiring").url.endswith("?state=expiring")


def test_counts_are_said_with_russian_plurals(client, methodologist, db):
    host = HostLibraryFactory()
    for i in range(3):
        EventFactory(organiser=host, starts_at=at(days(1), 10 + i))
    for i in range(5):
        EventFactory(organiser=host, starts_at=at(days(7), 10 + i))
    response, _dashboard = dashboard_of(client, methodologist)
    html = response.content.decode()
    assert "На этой неделе: 3 мероприятия" in html
    assert "На следующей неделе: 5 мероприятий" in html
    assert [counted(n, ("соглашение", "соглашения", "соглашений")) for n in (1, 3, 5, 11, 21, 22)] == [
        "1 соглашение",
        "3 соглашения",
        "5 соглашений",
        "11 соглашений",
        "21 соглашение",
        "22 соглашения",
    ]


def test_a_long_block_shows_the_first_few_and_links_to_the_rest(client, methodologist, db):
    host = HostLibraryFactory()
    for i in range(12):
        EventFactory(organiser=host, starts_at=at(days(-20 + i)))  # past and still planned
    response, dashboard = dashboard_of(client, methodologist)
    awaiting = block(dashboard, "awaiting", "events")
    assert (awaiting.total, len(awaiting.items), awaiting.more) == (12, 8, 4)
    assert "Ещё 4 — в списке" in response.content.decode()


def test_the_annual_report_link_is_for_those_with_the_permission(client, methodologist, manager, db):
    report_url = reverse("reports:index")
    for user in (methodologist, manager):
        response, dashboard = dashboard_of(client, user)
        assert dashboard.report_url == report_url
        assert f'href="{report_url}">Годовой отчёт</a>' in response.content.decode()
    events_only = UserFactory(username="dave")
    events_only.user_permissions.add(Permission.objects.get(codename="view_event"))
    response, dashboard = dashboard_of(client, events_only)
    assert dashboard.report_url == ""
    assert "Годовой отчёт" not in response.content.decode()
    assert [g.key for g in dashboard.groups] == ["week", "awaiting", "attendance", "drafts", "partners"]


def test_with_nothing_to_do_the_week_says_so_and_the_gaps_are_quiet(client, manager, db):
    response, dashboard = dashboard_of(client, manager)
    html = response.content.decode()
    assert block(dashboard, "week", "this_week").total == 0
    assert "На этой неделе: 0 мероприятий" in html
    assert [g.blocks for g in dashboard.groups if g.key in ("awaiting", "attendance", "drafts")] == [[], [], []]
    assert "Всё прошедшее отмечено." in html
    assert "Черновиков нет." in html


def test_a_user_outside_the_groups_sees_no_dashboard(client, outsider, scene):
    response, dashboard = dashboard_of(client, outsider)
    assert dashboard is None
    assert "Что требует внимания" not in response.content.decode()


def test_the_page_is_headed_and_listed_for_screen_readers(client, methodologist, scene):
    response, _dashboard = dashboard_of(client, methodologist)
    html = response.content.decode()
    assert '<section class="coop-dashboard" aria-labelledby="coop-dashboard-title">' in html
    assert '<h2 id="coop-dashboard-title">Что требует внимания</h2>' in html
    assert '<h3 id="dashboard-agreements-title">Соглашения</h3>' in html
    assert html.count('<ul class="coop-dashboard__items">') >= 10


def test_reminders_sent_recently_link_to_their_records(client, methodologist, scene):
    from django.contrib.contenttypes.models import ContentType

    Reminder = apps.get_model("reminders", "Reminder")
    agreement = scene["expiring"]
    common = {
        "content_type": ContentType.objects.get_for_model(Agreement),
        "object_id": agreement.pk,
        "subject": "coopnet: напоминания",
        "recipients": "alice@example.org",
        "kind": "term_ends",
        "due_on": days(30),
    }
    Reminder.objects.create(text="Срок соглашения истекает", sent_at=NOW - datetime.timedelta(days=1), **common)
    Reminder.objects.create(
        text="Давнее напоминание", sent_at=NOW - datetime.timedelta(days=40), lead_days=90, **common
    )
    response, dashboard = dashboard_of(client, methodologist)
    sent = block(dashboard, "reminders", "sent")
    assert [item.label for item in sent.items] == ["Срок соглашения истекает"]
    assert sent.items[0].url == reverse("admin:agreements_agreement_change", args=[agreement.pk])


# --- a fixed number of queries ----------------------------------------------------------------------------------


def populate(n, host, exhibition, project):
    """n records of every kind each block counts, made in bulk."""
    active, quiet = (
        Library.objects.bulk_create(
            LibraryFactory.build(slug=f"{name}-{n}-{i}", short_name=f"{name} {n}-{i}") for i in range(n)
        )
        for name in ("active", "quiet")
    )
    Event.objects.bulk_create(
        Event(
            title=f"{kind} {i}",
            slug=f"{kind}-{n}-{i}",
            kind=Event.Kind.WEBINAR,
            organiser=organiser,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=1),
            status=status,
            is_published=kind != "draft",
            participants_count=10 if kind == "joint" else None,
        )
        for i in range(n)
        for kind, organiser, start, status in [
            ("week", host, at(days(1)), Status.PLANNED),
            ("awaiting", host, at(days(-3)), Status.PLANNED),
            ("unknown", host, at(days(-10)), Status.HELD),
            ("draft", host, at(days(20)), Status.PLANNED),
            ("joint", active[i], at(days(-100)), Status.HELD),  # serves the active partner's agreement
        ]
    )
    ExhibitionStop.objects.bulk_create(
        ExhibitionStop(exhibition=exhibition, venue=host, starts_on=days(-40), ends_on=days(-5 - i % 30), status=s)
        for i in range(n)
        for s in (Status.PLANNED, Status.HELD)
    )
    Contest.objects.bulk_create(
        Contest(title=f"Конкурс {i}", slug=f"contest-{n}-{i}", organiser=host, results_on=days(-20)) for i in range(n)
    )
    first = Episode.objects.filter(project=project).count()
    Episode.objects.bulk_create(
        Episode(project=project, number=first + i + 1, title=f"Выпуск {i}", library=host, published_on=days(-7))
        for i in range(n)
    )
    signed = datetime.date(2022, 1, 1)
    Agreement.objects.bulk_create(
        [Agreement(host=host, partner=library, signed_on=signed, valid_until=days(30)) for library in active]
        + [Agreement(host=host, partner=library, signed_on=signed) for library in quiet]  # dormant
    )


def count_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return len(ctx.captured_queries), response.context["dashboard"]


def totals(dashboard):
    return {(g.key, b.key): b.total for g in dashboard.groups for b in g.blocks}


def test_the_home_costs_the_same_number_of_queries_with_5_and_500_records(client, methodologist, db):
    host = HostLibraryFactory()
    exhibition, project = ExhibitionFactory(), ProjectFactory()
    client.force_login(methodologist)

    populate(5, host, exhibition, project)
    with_five, dashboard = count_queries(client)
    assert set(totals(dashboard).values()) <= {0, 5}, totals(dashboard)

    populate(495, host, exhibition, project)
    with_500, dashboard = count_queries(client)
    expected = {key: 500 for key, total in totals(dashboard).items() if total}
    assert expected.keys() >= {("week", "this_week"), ("awaiting", "events"), ("attendance", "events")}
    assert expected.keys() >= {("agreements", "expiring"), ("agreements", "dormant"), ("awaiting", "contests")}
    assert {key: total for key, total in totals(dashboard).items() if total} == expected
    assert with_500 == with_five


def test_partners_answers_figures_and_proposals_show_on_the_dashboard(client, methodologist, db):
    from django.utils import timezone

    from core.models import PartnerAnswer
    from events.models import Participation
    from portal.models import Proposal
    from tests.factories import LibraryFactory, ParticipationFactory, ProposalFactory, TelebridgeFactory

    library = LibraryFactory(short_name="Томская детская")
    event = TelebridgeFactory(title="Телемост «Весна»", starts_at=timezone.now() + datetime.timedelta(days=9))
    row = ParticipationFactory(event=event, library=library, role=Participation.Role.SITE)
    row.record_answer(None, PartnerAnswer.DECLINED, "Ремонт зала")
    row.save()
    ProposalFactory(library=library, title="Телемост «Легенды Томи»", decision=Proposal.Decision.OPEN)
    response, dashboard = dashboard_of(client, methodologist)
    partners = next(group for group in dashboard.groups if group.key == "partners")
    blocks = {block.key: block for block in partners.blocks}
    assert blocks["declined"].total == 1
    assert "Ремонт зала" in blocks["declined"].items[0].note
    assert blocks["proposals"].total == 1
    text = response.content.decode()
    assert "Отказались участвовать: 1 ответ" in text
    assert "Телемост «Легенды Томи»" in text


def test_exhibition_stops_and_contests_lists_filter_what_awaits_confirmation(client, methodologist, db):
    from tests.factories import ContestFactory, ExhibitionStopFactory

    today = datetime.date.today()
    late = ExhibitionStopFactory(
        starts_on=today - datetime.timedelta(days=30), ends_on=today - datetime.timedelta(days=3)
    )
    ExhibitionStopFactory(starts_on=today + datetime.timedelta(days=3), ends_on=today + datetime.timedelta(days=30))
    old = ContestFactory(title="Конкурс без итогов", results_on=today - datetime.timedelta(days=5))
    ContestFactory(
        title="Конкурс впереди",
        submissions_from=today + datetime.timedelta(days=5),
        submissions_until=today + datetime.timedelta(days=20),
        results_on=today + datetime.timedelta(days=30),
    )
    client.force_login(methodologist)
    stops = client.get(reverse("admin:exhibitions_exhibitionstop_changelist"), {"status": "awaiting"})
    assert stops.status_code == 200
    assert list(stops.context["cl"].queryset) == [late]
    contests = client.get(reverse("admin:contests_contest_changelist"), {"status": "awaiting"})
    assert list(contests.context["cl"].queryset) == [old]
    assert "ждёт подтверждения" in contests.content.decode()


def test_a_dormant_agreement_says_when_its_last_activity_was_held(client, methodologist, scene):
    """Dormant means nothing held in the last 12 months, not nothing ever: the note names the last one, held long
    before the years the report loads."""
    omsk = scene["dormant"].partner
    long_ago = EventFactory(title="Вебинар 2024 года", organiser=omsk, starts_at=at(datetime.date(2024, 2, 5)))
    long_ago.status = Status.HELD
    long_ago.save()
    _response, dashboard = dashboard_of(client, methodologist)
    [item] = block(dashboard, "agreements", "dormant").items
    assert item.note == "последнее совместное дело — 05.02.2024"


def test_a_dormant_agreement_with_nothing_ever_held_says_so(client, methodologist, scene):
    _response, dashboard = dashboard_of(client, methodologist)
    [item] = block(dashboard, "agreements", "dormant").items
    assert item.note == "по соглашению ещё ничего не проведено"
