"""A reader finds a telebridge, sees when it starts in every participating city and puts it in a calendar."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.scenery import OTHER_TELEBRIDGE_TITLE, SITE_TIMES, TELEBRIDGE_TITLE, build_site

pytestmark = pytest.mark.browser


def test_home_to_telebridge_filtered_by_age_then_times_and_ics(page, url, shot):
    site = build_site()

    page.goto(url("site:home"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shot(page, "1-home")

    page.get_by_role("navigation", name="Основные разделы").get_by_role("link", name="Телемосты").click()
    expect(page).to_have_url(url("events:telebridges"))
    expect(page.get_by_role("link", name=TELEBRIDGE_TITLE)).to_be_visible()
    expect(page.get_by_role("link", name=OTHER_TELEBRIDGE_TITLE)).to_be_visible()
    shot(page, "2-telebridges")

    form = page.locator("form.filter-form")
    form.get_by_label("Возрастная маркировка").select_option("6+")
    form.get_by_role("button", name="Показать").click()
    expect(page).to_have_url(re.compile(r"[?&]age_rating=6%2B(&|$)"))
    expect(page.get_by_role("link", name=TELEBRIDGE_TITLE)).to_be_visible()
    expect(page.get_by_role("link", name=OTHER_TELEBRIDGE_TITLE)).to_have_count(0)
    shot(page, "3-telebridges-6plus")

    page.get_by_role("link", name=TELEBRIDGE_TITLE).click()
    expect(page).to_have_url(url("events:detail", site.telebridge.slug))
    expect(page.get_by_role("heading", level=1)).to_have_text(TELEBRIDGE_TITLE)
    times = page.locator(".site-times")
    for city, time in SITE_TIMES.items():
        expect(times.locator("li", has_text=city)).to_contain_text(time)
    shot(page, "4-telebridge-detail")

    with page.expect_download() as download_info:
        page.locator(f'a[href="{reverse("events:ics", args=[site.telebridge.slug])}"]').first.click()
    download = download_info.value
    assert download.suggested_filename == f"{site.telebridge.slug}.ics"
    body = download.path().read_text(encoding="utf-8")
    assert "BEGIN:VCALENDAR" in body
    assert "BEGIN:VEVENT" in body
    # iCalendar folds long lines at 75 octets: unfold before looking for the title.
    unfolded = re.sub(r"\r?\n[ \t]", "", body)
    assert TELEBRIDGE_TITLE in unfolded.replace("\\", "")


def test_reader_sees_start_in_own_time_zone(new_context, url, shot):
    """The browser says the reader is in Khabarovsk (UTC+10): the page's script shows 17:00 for 14:00 Kemerovo, and
    names the zone by its Russian cities, not by its IANA name."""
    site = build_site()
    page = new_context(timezone_id="Asia/Vladivostok").new_page()

    page.goto(url("events:detail", site.telebridge.slug))
    own = page.locator(".reader-time")
    expect(own).to_be_visible()
    expect(own).to_contain_text("17:00")
    expect(own).to_contain_text("(Владивосток, Хабаровск)")
    expect(own).not_to_contain_text("Asia/")
    shot(page, "reader-time-vladivostok")


def test_event_page_is_complete_without_javascript(new_context, url):
    """Without JavaScript the sites' times are all there and no empty "your time" line is left behind."""
    site = build_site()
    page = new_context(java_script_enabled=False, timezone_id="Asia/Vladivostok").new_page()

    page.goto(url("events:detail", site.telebridge.slug))
    times = page.locator(".site-times")
    for city, time in SITE_TIMES.items():
        expect(times.locator("li", has_text=city)).to_contain_text(time)
    expect(page.locator(".reader-time")).to_be_hidden()
