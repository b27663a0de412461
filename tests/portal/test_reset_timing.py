"""The password-reset form takes the same time whatever the address: it looks the address up the same way for
every one, and the email leaves after the answer (ops.background), so an SMTP round trip no longer tells which
addresses have accounts."""

import threading

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse

from ops import background
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
RESET = reverse("portal:password_reset")
released = threading.Event()


class SlowSmtp(EmailBackend):
    """An SMTP server that answers only once the test lets it."""

    def send_messages(self, messages):
        assert released.wait(10), "the test never let the mail go"
        return super().send_messages(messages)


@pytest.fixture
def slow_smtp(settings):
    settings.EMAIL_BACKEND = f"{__name__}.SlowSmtp"
    released.clear()
    yield
    released.set()
    background.wait()


@pytest.fixture
def partner(db):
    return MembershipFactory(user__username="olga@example.org", user__email="olga@example.org")


def test_the_answer_does_not_wait_for_the_mail(client, partner, slow_smtp):
    response = client.post(RESET, {"email": "olga@example.org"})

    assert response.status_code == 302 and response.url == reverse("portal:password_reset_done")
    assert mail.outbox == []  # answered while the server still holds the mail
    released.set()
    background.wait()
    [message] = mail.outbox
    assert message.to == ["olga@example.org"]


@pytest.mark.parametrize("email", ["olga@example.org", "nobody@example.org", "alice@example.org"])
def test_every_address_is_looked_up_with_the_same_queries(client, partner, methodologist, email, slow_smtp):
    client.post(RESET, {"email": "warm@example.org"})  # sessions, rate limit: the same for each below
    baseline = _queries(client, "someone@example.org")

    assert _queries(client, email) == baseline


def _queries(client, email) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.post(RESET, {"email": email})
    assert response.status_code == 302
    return [query["sql"].replace(email, "?") for query in captured.captured_queries]
