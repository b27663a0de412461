"""The low-vision mode («версия для слабовидящих»): chosen in a panel, kept in cookies, works without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.browser.scenery import build_site

pytestmark = pytest.mark.browser

LOOK = """() => {
  const html = getComputedStyle(document.documentElement), body = getComputedStyle(document.body);
  return {fontSize: parseFloat(html.fontSize), bodyFontSize: parseFloat(body.fontSize),
          background: body.backgroundColor, color: body.color};
}"""


def lv_cookies(context):
    return {c["name"]: c["value"] for c in context.cookies() if c["name"].startswith("lv_")}


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_large_font_white_on_black_survives_reload(new_context, url, shot, javascript):
    site = build_site()
    context = new_context(java_script_enabled=javascript)
    page = context.new_page()
    suffix = "js" if javascript else "nojs"

    page.goto(url("events:detail", site.telebridge.slug))
    detail_url = page.url
    regular = page.evaluate(LOOK)
    assert "lv-" not in (page.evaluate("() => document.documentElement.className") or "")

    # The link in the header opens the settings; the choice brings the reader back to the same page.
    page.locator("header").get_by_role("link", name="Версия для слабовидящих").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Версия для слабовидящих")
    shot(page, f"1-settings-{suffix}")
    page.locator("section", has=page.get_by_role("heading", name="Размер шрифта")).get_by_role(
        "link", name="крупный", exact=True
    ).click()
    expect(page).to_have_url(detail_url)

    # Now the panel is on every page: switch the colours from there.
    panel = page.locator(".lv-panel")
    expect(panel).to_be_visible()
    panel.get_by_role("link", name="белым по чёрному").click()
    expect(page).to_have_url(detail_url)
    shot(page, f"2-chosen-{suffix}")

    page.reload()
    classes = page.evaluate("() => document.documentElement.className").split()
    assert {"lv", "lv-font-large", "lv-scheme-wb"} <= set(classes), classes
    assert lv_cookies(context) == {"lv_font": "large", "lv_scheme": "wb"}
    look = page.evaluate(LOOK)
    assert look["bodyFontSize"] > regular["bodyFontSize"], (regular, look)
    assert look["background"] in {"rgb(0, 0, 0)", "rgba(0, 0, 0, 1)"}, look
    assert look["color"] in {"rgb(255, 255, 255)", "rgba(255, 255, 255, 1)"}, look
    expect(page.locator(".lv-panel")).to_be_visible()
    shot(page, f"3-after-reload-{suffix}")

    # Another page remembers it too; the regular version forgets everything.
    page.goto(url("site:home"))
    assert "lv-scheme-wb" in page.evaluate("() => document.documentElement.className").split()
    page.locator(".lv-panel").get_by_role("link", name="Обычная версия сайта").click()
    expect(page).to_have_url(url("site:home"))
    assert "lv-" not in page.evaluate("() => document.documentElement.className")
    assert lv_cookies(context) == {}
