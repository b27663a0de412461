"""axe-core finds no serious or critical WCAG problems on the main pages, and nothing scrolls sideways at 320 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.scenery import build_site, main_pages

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}
# Pages with the longest words and widest content: cards, the filter form, tables, the map, the settings.
LARGE_FONT_PAGES = {
    "home",
    "events",
    "event-detail",
    "partners",
    "exhibition-detail",
    "contest-detail",
    "accessibility",
}
# WCAG 2.0/2.1 A and AA rules, plus axe's best practices (landmarks, one h1, heading order…).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}


# The page's width against the window's, and the first elements sticking out on the right.
WIDTHS = """() => {
  const inner = window.innerWidth, scroll = document.documentElement.scrollWidth;
  const classes = el => typeof el.className === 'string' ? el.className.trim().split(/\\s+/).filter(Boolean) : [];
  const name = el => [el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''), ...classes(el)].join('.');
  const culprits = scroll <= inner ? [] : Array.from(document.querySelectorAll('body *'))
    .filter(el => el.getBoundingClientRect().right > inner + 1)
    .slice(0, 5)
    .map(el => name(el) + ' (right edge ' + Math.round(el.getBoundingClientRect().right) + 'px)');
  return {inner, scroll, culprits};
}"""


def describe(label, page_url, violation):
    lines = [f"[{label}] {violation['id']} ({violation['impact']}): {violation['help']} — {page_url}"]
    for node in violation["nodes"][:8]:
        target = " ".join(str(part) for part in node["target"])
        summary = " ".join((node.get("failureSummary") or "").split())[:300]
        html = " ".join((node.get("html") or "").split())[:160]
        lines.append(f"    {target}  ←  {summary}\n      {html}")
    if len(violation["nodes"]) > 8:
        lines.append(f"    … and {len(violation['nodes']) - 8} more elements")
    return "\n".join(lines)


def scan(page, label, page_url):
    results = Axe().run(page, options=AXE_OPTIONS)
    return [describe(label, page_url, v) for v in results.response["violations"] if v["impact"] in BLOCKING]


def test_axe_finds_no_serious_or_critical_violations(page, url, shot):
    site = build_site()
    failures = []
    for label, name, args, query in main_pages(site):
        page_url = url(name, *args, query=query)
        response = page.goto(page_url)
        assert response.status == 200, f"{label}: {page_url} answered {response.status}"
        failures += scan(page, label, page_url)
    # The filter form with errors: the error summary and the marked fields must be accessible too.
    page_url = url("events:list", query="date_from=2030-13-45&date_to=abc&kind=nonsense")
    response = page.goto(page_url)
    assert response.status == 400, f"invalid filters: {page_url} answered {response.status}"
    failures += scan(page, "events-with-errors", page_url)
    shot(page, "events-with-errors")
    assert not failures, "axe-core violations:\n" + "\n".join(failures)


# Scheme → the pages scanned in it: white on black on the busiest pages, dark blue on light blue on the home
# page and on the settings page, whose option buttons preview every scheme's colours.
LOW_VISION_SCANS = {
    "wb": {"home", "event-detail", "telebridges", "accessibility"},
    "blue": {"home", "accessibility"},
}


def test_axe_in_low_vision_mode(new_context, url, live_server):
    """The low-vision schemes keep the contrast and structure (with the largest font)."""
    site = build_site()
    context = new_context()
    page = context.new_page()
    failures = []
    for scheme, labels in LOW_VISION_SCANS.items():
        context.add_cookies(
            [
                {"name": "lv_font", "value": "xlarge", "url": live_server.url},
                {"name": "lv_scheme", "value": scheme, "url": live_server.url},
            ]
        )
        for label, name, args, query in main_pages(site):
            if label not in labels:
                continue
            page_url = url(name, *args, query=query)
            page.goto(page_url)
            assert f"lv-scheme-{scheme}" in page.evaluate("() => document.documentElement.className")
            failures += scan(page, f"{label}, scheme {scheme}", page_url)
    assert not failures, "axe-core violations in low-vision mode:\n" + "\n".join(failures)


def test_no_horizontal_scrolling_at_320px(new_context, url, shot):
    """200 % zoom of a 640 px window is a 320 CSS px viewport: no page may need sideways scrolling there."""
    site = build_site()
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    too_wide = []
    for label, name, args, query in main_pages(site):
        page_url = url(name, *args, query=query)
        page.goto(page_url)
        widths = page.evaluate(WIDTHS)
        if widths["scroll"] > widths["inner"]:
            too_wide.append(
                f"{label}: scrollWidth {widths['scroll']} > innerWidth {widths['inner']} — {page_url}; "
                f"widest: {', '.join(widths['culprits'])}"
            )
            shot(page, f"320px-{label}")
        elif label in {"home", "event-detail", "partners"}:
            shot(page, f"320px-{label}")
    assert not too_wide, "Horizontal scrolling at 320 px:\n" + "\n".join(too_wide)


def test_no_horizontal_scrolling_at_320px_with_the_largest_font(new_context, url, shot, live_server):
    """The low-vision mode's largest font and wide letter spacing still fit a 320 px window."""
    site = build_site()
    context = new_context(viewport={"width": 320, "height": 640})
    context.add_cookies(
        [
            {"name": "lv_font", "value": "xlarge", "url": live_server.url},
            {"name": "lv_spacing", "value": "wide", "url": live_server.url},
        ]
    )
    page = context.new_page()
    too_wide = []
    for label, name, args, query in main_pages(site):
        if label not in LARGE_FONT_PAGES:
            continue
        page_url = url(name, *args, query=query)
        page.goto(page_url)
        assert "lv-font-xlarge" in page.evaluate("() => document.documentElement.className")
        widths = page.evaluate(WIDTHS)
        if widths["scroll"] > widths["inner"]:
            too_wide.append(
                f"{label}: scrollWidth {widths['scroll']} > innerWidth {widths['inner']} — {page_url}; "
                f"widest: {', '.join(widths['culprits'])}"
            )
            shot(page, f"320px-xlarge-{label}")
        elif label == "event-detail":
            shot(page, f"320px-xlarge-{label}")
    assert not too_wide, "Horizontal scrolling at 320 px with the largest font:\n" + "\n".join(too_wide)
