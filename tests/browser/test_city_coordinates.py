"""The library form's script: typing a city the gazetteer knows fills empty coordinates in the browser."""

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from agreements.map import project

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


CLICK_AT = """([x, y]) => {
  const svg = document.getElementById("coopnet-coordinates-map");
  const point = svg.createSVGPoint();
  point.x = x;
  point.y = y;
  const screen = point.matrixTransform(svg.getScreenCTM());
  return [screen.x, screen.y];
}"""


def test_a_click_on_the_map_puts_the_point_there(staff_page):
    x, y = project(48.48, 135.07)  # Khabarovsk, in the map's own units
    staff_page.locator("#coopnet-coordinates-map").scroll_into_view_if_needed()
    screen_x, screen_y = staff_page.evaluate(CLICK_AT, [x, y])
    staff_page.mouse.click(screen_x, screen_y)
    latitude = float(staff_page.locator("#id_latitude").input_value())
    longitude = float(staff_page.locator("#id_longitude").input_value())
    # A screen pixel is a few kilometres on this map.
    assert abs(latitude - 48.48) < 0.2 and abs(longitude - 135.07) < 0.2
    expect(staff_page.locator("#coopnet-coordinates-marker")).to_have_attribute("visibility", "visible")


def test_the_marker_follows_coordinates_typed_in(staff_page):
    staff_page.fill("#id_latitude", "55.35493")
    staff_page.fill("#id_longitude", "86.08730")
    marker = staff_page.locator("#coopnet-coordinates-marker")
    x, y = project(55.35493, 86.08730)
    assert abs(float(marker.get_attribute("cx")) - x) < 0.2
    assert abs(float(marker.get_attribute("cy")) - y) < 0.2


def test_library_form_with_its_map(staff_page, shot):
    staff_page.fill("#id_city", "Хабаровск")
    shot(staff_page, "library-form")
