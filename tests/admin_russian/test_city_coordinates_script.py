"""The library form's script: typing a city the gazetteer knows fills empty coordinates in the browser."""

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def staff_page(new_context, live_server, client, methodologist):
    client.force_login(methodologist)
    context = new_context()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + reverse("admin:agreements_library_add"))
    return page


def test_typing_a_known_city_fills_empty_coordinates(staff_page):
    staff_page.fill("#id_city", "Хабаровск")
    expect(staff_page.locator("#id_latitude")).to_have_value("48.4802")
    expect(staff_page.locator("#id_longitude")).to_have_value("135.0719")
    staff_page.fill("#id_city", "Бикин")  # not in the gazetteer: what the script put there goes
    expect(staff_page.locator("#id_latitude")).to_have_value("")


def test_coordinates_staff_typed_are_left_alone(staff_page):
    staff_page.fill("#id_latitude", "48.47")
    staff_page.fill("#id_longitude", "135.06")
    staff_page.fill("#id_city", "Хабаровск")
    expect(staff_page.locator("#id_latitude")).to_have_value("48.47")


def test_a_city_of_another_country_is_not_taken(staff_page):
    staff_page.select_option("#id_country", "RU")
    staff_page.fill("#id_city", "Петропавловск")  # the one in the gazetteer is in Kazakhstan
    expect(staff_page.locator("#id_latitude")).to_have_value("")
    staff_page.select_option("#id_country", "KZ")
    expect(staff_page.locator("#id_latitude")).to_have_value("54.8667")
