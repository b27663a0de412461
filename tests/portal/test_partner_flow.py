"""The partner portal's whole round, as people do it through their pages: a methodologist invites a partner's
contact; the partner sets a password, logs in, enters the attendance of yesterday's telebridge at its site; the
host's annual report shows it marked as confirmed by the partner. The partner declines a planned exhibition stop
and the methodologist's dashboard shows it; the partner proposes an event and it is a draft in the admin."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.models import Status
from events.models import Event, Participation
from portal.models import Proposal
from tests.factories import (
    ContactFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    HostLibraryFactory,
    ParticipationFactory,
    TelebridgeFactory,
)
from tests.portal.helpers import yesterday_at
from tests.portal.test_accounts import STRONG, invite_from_admin, link_in, set_password

pytestmark = pytest.mark.django_db

KEMEROVO = zoneinfo.ZoneInfo("Asia/Novokuznetsk")


def test_a_partner_completes_the_hosts_figures_without_an_email_between_libraries(client, methodologist):
    host = HostLibraryFactory()
    contact = ContactFactory(library__short_name="Томская ОДЮБ", full_name="Петрова Анна Сергеевна")
    library = contact.library
    telebridge = TelebridgeFactory(
        organiser=host, title="Телемост «Сибирские сказки»", starts_at=yesterday_at(11, KEMEROVO), status=Status.HELD
    )
    ParticipationFactory(event=telebridge, library=host, role=Participation.Role.ORGANISER, participants_count=35)
    site = ParticipationFactory(event=telebridge, library=library, role=Participation.Role.SITE)
    today = timezone.localdate()
    stop = ExhibitionStopFactory(
        exhibition=ExhibitionFactory(provider=host, title="Выставка «Книги Кузбасса»"),
        venue=library,
        starts_on=today + datetime.timedelta(days=20),
        ends_on=today + datetime.timedelta(days=40),
    )

    # The methodologist invites; the partner sets a password from the email and is in the portal.
    invite_from_admin(client, methodologist, contact)
    [invitation] = mail.outbox
    partner = Client()
    done = set_password(partner, link_in(invitation, "invitation"), STRONG)
    assert done.url == reverse("portal:home")
    home = partner.get(reverse("portal:home")).content.decode()
    assert "Телемост «Сибирские сказки»" in home and "ждёт ваших цифр" in home

    # The attendance at the partner's own site.
    response = partner.post(
        reverse("portal:participation", args=[site.pk]), {"action": "figures", "participants_count": "27"}
    )
    assert response.status_code == 302
    assert Event.objects.get(pk=telebridge.pk).attendance == 62

    # The host's annual report counts it and marks it as confirmed by the partner.
    client.force_login(methodologist)
    report = client.get(reverse("reports:index"), {"year": telebridge.starts_at.year}).content.decode()
    assert "Телемост «Сибирские сказки»" in report
    line = report.split("Телемост «Сибирские сказки»")[1].split("</li>")[0]
    assert "27" in line and "подтверждено партнёром" in line

    # Declining a planned stop reaches the dashboard.
    response = partner.post(
        reverse("portal:stop", args=[stop.pk]),
        {"action": "answer", "answer": "declined", "comment": "Зал на ремонте до весны"},
    )
    assert response.status_code == 302
    dashboard = client.get(reverse("admin:index")).content.decode()
    assert "Отказались участвовать: 1 ответ" in dashboard
    assert "Зал на ремонте до весны" in dashboard

    # A proposal is a draft event in the admin.
    response = partner.post(
        reverse("portal:proposal_new"),
        {
            "title": "Телемост «Легенды Томи»",
            "kind": "telebridge",
            "format": "online",
            "audience": "children",
            "starts_on": (today + datetime.timedelta(days=70)).isoformat(),
            "ends_on": "",
            "description": "Читатели Томска и Кемерова рассказывают легенды своих рек.",
        },
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    events = client.get(reverse("admin:events_event_changelist"), {"is_published__exact": "0"}).content.decode()
    assert "Телемост «Легенды Томи»" in events
    proposals = client.get(reverse("admin:portal_proposal_changelist")).content.decode()
    assert "Телемост «Легенды Томи»" in proposals and "на рассмотрении" in proposals
    assert not proposal.event.is_published
    # No email went to the host's staff or between libraries: the invitation was the only one.
    assert len(mail.outbox) == 1
