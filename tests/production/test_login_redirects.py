"""A login with an unsafe `next` (another host, a scheme, a protocol-relative address) lands on the home of the
side one logged into: the admin's index for the admin login, the portal's home for the portal's."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.portal.helpers import partner_user

pytestmark = pytest.mark.django_db
PASSWORD = "верный-пароль-2026"
UNSAFE = ["https://evil.example/", "//evil.example/admin/", "javascript:alert(1)", "http:///evil.example", ""]


@pytest.mark.parametrize("unsafe", UNSAFE)
def test_the_admin_login_with_an_unsafe_next_lands_on_the_admins_home(client, unsafe):
    get_user_model().objects.create_user("metodist", password=PASSWORD, is_staff=True)

    response = client.post(
        reverse("admin:login"), {"username": "metodist", "password": PASSWORD, "next": unsafe}, REMOTE_ADDR="192.0.2.1"
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(response["Location"]).status_code == 200


def test_the_admin_login_keeps_a_safe_next(client):
    get_user_model().objects.create_user("metodist", password=PASSWORD, is_staff=True)
    target = reverse("admin:events_event_changelist")

    response = client.post(reverse("admin:login"), {"username": "metodist", "password": PASSWORD, "next": target})

    assert response["Location"] == target


@pytest.mark.parametrize("unsafe", UNSAFE)
def test_the_portal_login_with_an_unsafe_next_lands_on_the_portals_home(client, unsafe):
    partner_user(username="olga@example.org", password=PASSWORD)

    response = client.post(
        reverse("portal:login"), {"username": "olga@example.org", "password": PASSWORD, "next": unsafe}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:home")
