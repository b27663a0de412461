"""Emails link to SITE_URL: with debug off, `manage.py check` warns when the site does not answer at that address."""

from django.core.management import call_command

from ops.checks import site_url_is_served


def ids():
    return [message.id for message in site_url_is_served()]


def test_a_site_url_the_site_does_not_serve_is_warned_of(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["coopnet.kemerovo.example"]
    settings.SITE_URL = "http://127.0.0.1:8000"

    assert ids() == ["ops.W001"]


def test_a_served_site_url_passes(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["coopnet.kemerovo.example", ".library.example"]
    for url in ("https://coopnet.kemerovo.example", "https://COOPNET.kemerovo.example/", "https://www.library.example"):
        settings.SITE_URL = url
        assert ids() == [], url


def test_debug_and_any_host_need_no_site_url(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    settings.ALLOWED_HOSTS = ["coopnet.kemerovo.example"]
    settings.DEBUG = True
    assert ids() == []
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    assert ids() == []


def test_manage_py_check_reports_it(settings, capsys):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["coopnet.kemerovo.example"]
    settings.SITE_URL = "http://127.0.0.1:8000"

    call_command("check")

    assert "ops.W001" in capsys.readouterr().err
