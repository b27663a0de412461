"""Brute force on the admin login: after five wrong passwords the account is locked out from that address, even
for the right password, with a Russian page; a superuser can lift the lockout at once."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.utils import timezone

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def methodologist():
    return get_user_model().objects.create_user("metodist", password="верный-пароль-2026", is_staff=True)


def _try(client, password, address="192.0.2.10"):
    return client.post(LOGIN, {"username": "metodist", "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_out_even_for_the_right_one(client, methodologist):
    for _ in range(4):
        assert _try(client, "неверный").status_code == 200  # the form again, with its error
    locked = _try(client, "неверный")
    assert locked.status_code == 429
    response = _try(client, "верный-пароль-2026")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Вход временно заблокирован" in page
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_address_and_a_right_password_before_it_resets_the_count(client, methodologist):
    for _ in range(4):
        _try(client, "неверный")
    assert _try(client, "верный-пароль-2026").status_code == 302  # logged in: the count starts again
    client.logout()
    for _ in range(4):
        assert _try(client, "неверный").status_code == 200
    assert _try(client, "верный-пароль-2026", address="198.51.100.7").status_code == 302


def test_a_superuser_lifts_the_lockout_in_the_admin(client, methodologist, admin_client):
    for _ in range(5):
        _try(client, "неверный")
    attempt = AccessAttempt.objects.get(username="metodist")
    page = admin_client.get("/admin/axes/accessattempt/")
    assert page.status_code == 200
    admin_client.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )
    assert not AccessAttempt.objects.exists()
    assert _try(client, "верный-пароль-2026").status_code == 302


def test_a_superuser_clears_expired_attempts_in_russian(client, methodologist, admin_client, settings):
    _try(client, "неверный", address="198.51.100.7")  # a recent attempt stays
    old = AccessAttempt.objects.create(
        username="metodist", ip_address="192.0.2.99", user_agent="", path_info="", failures_since_start=1
    )
    AccessAttempt.objects.filter(pk=old.pk).update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(minutes=1)
    )

    response = admin_client.post(
        "/admin/axes/accessattempt/",
        {"action": "cleanup_expired_attempts", "_selected_action": [old.pk]},
        follow=True,
    )

    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == ["Удалено истёкших попыток входа: 1."]
    assert AccessAttempt.objects.get().ip_address == "198.51.100.7"
    page = admin_client.get("/admin/axes/accessattempt/").content.decode()
    assert "Удалить истёкшие попытки входа" in page
