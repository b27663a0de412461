"""The main pages are usable with the keyboard alone: skip link, tab order, visible focus, filters by keyboard."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.scenery import OTHER_TELEBRIDGE_TITLE, TELEBRIDGE_TITLE, build_site

pytestmark = pytest.mark.browser

# What the focused element is and how its focus is drawn.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const form = el.closest('form');
  // A date input takes several Tab stops (day, month, year) on one element; a second visit means focus wrapped.
  const seen = window.__tabSeen || (window.__tabSeen = new Set());
  const repeat = window.__tabLast === el;
  const wrapped = !repeat && seen.has(el);
  seen.add(el);
  window.__tabLast = el;
  return {
    repeat, wrapped,
    // Focus on a date input's own calendar button (inside the browser's shadow DOM): the host is not :focus,
    // and Chromium draws its own ring around the button.
    browserInner: el.tagName === 'INPUT' && /^(date|time|datetime-local|month|week)$/.test(el.type)
      && !el.matches(':focus'),
    tag: el.tagName.toLowerCase(),
    id: el.id,
    name: el.getAttribute('name') || '',
    type: el.getAttribute('type') || '',
    text: (el.innerText || el.value || '').trim().slice(0, 60),
    href: el.getAttribute('href') || '',
    inNav: !!el.closest('nav.site-nav'),
    inMain: !!el.closest('main'),
    filterForm: !!(form && form.classList.contains('filter-form')),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow,
    visible: el.getClientRects().length > 0 && style.visibility !== 'hidden',
  };
}"""

# Form controls of the filter form in document order, as the keyboard should reach them.
FILTER_CONTROLS = """() => Array.from(document.querySelectorAll('form.filter-form'))
  .flatMap(form => Array.from(form.querySelectorAll('input, select, textarea, button')))
  .filter(el => el.type !== 'hidden' && !el.disabled)
  .map(el => el.tagName.toLowerCase() === 'button' ? 'button:' + el.innerText.trim() : el.getAttribute('name'))"""

NAV_LINKS = "() => Array.from(document.querySelectorAll('nav.site-nav a')).map(a => a.getAttribute('href'))"

IN_FILTER = "!!document.activeElement.closest('form.filter-form')"
ON_FILTER_SEARCH = f"() => {IN_FILTER} && document.activeElement.name === 'q'"
ON_FILTER_BUTTON = f"() => {IN_FILTER} && document.activeElement.tagName === 'BUTTON'"

MAX_TABS = 150


def has_focus_indicator(state) -> bool:
    outline = state["outlineStyle"] != "none" and state["outlineWidth"] > 0
    shadow = state["boxShadow"] not in ("", "none")
    return outline or shadow


def tab_through(page):
    """Press Tab from the top of a fresh page until focus leaves the page or comes round again; every stop."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUSED)
        if state is None or state["wrapped"]:
            break
        seen.append(state)
    return seen


def pages(site):
    return [
        ("home", ("site:home",)),
        ("events", ("events:list",)),
        ("event-detail", ("events:detail", site.telebridge.slug)),
        ("partners", ("agreements:partner_list",)),
        ("exhibitions", ("exhibitions:list",)),
        ("contests", ("contests:list",)),
    ]


def test_main_pages_by_keyboard_alone(page, url, shot):
    site = build_site()
    problems = []
    for label, route in pages(site):
        page.goto(url(*route))

        # The first Tab lands on the skip link, which becomes visible; Enter moves focus into <main>.
        page.keyboard.press("Tab")
        first = page.evaluate(FOCUSED)
        assert first is not None, f"{label}: Tab focused nothing"
        assert first["href"] == "#main", f"{label}: first Tab focused {first}, not the skip link"
        skip = page.locator("a.skip-link")
        expect(skip).to_be_in_viewport()
        if label == "home":
            shot(page, "skip-link-focused")
        assert has_focus_indicator(first), f"{label}: the focused skip link has no visible focus style: {first}"
        page.keyboard.press("Enter")
        in_main = page.evaluate("() => !!document.activeElement.closest('main')")
        assert in_main, f"{label}: Enter on the skip link did not move focus into <main>"
        # …and the next Tab goes on from there, past the header and the navigation.
        page.keyboard.press("Tab")
        next_in_main = page.evaluate("() => !!document.activeElement.closest('main')")
        assert next_in_main, f"{label}: after the skip link, Tab left <main>"

        # From the top, Tab reaches every nav link and then the filter form's fields and button, in order.
        page.goto(url(*route))
        stops = tab_through(page)
        walk = [s for s in stops if not s["repeat"]]
        nav_expected = page.evaluate(NAV_LINKS)
        nav_reached = [s["href"] for s in walk if s["inNav"]]
        if nav_reached != nav_expected:
            problems.append(f"{label}: nav links reached {nav_reached}, expected {nav_expected}")
        filter_expected = page.evaluate(FILTER_CONTROLS)
        filter_reached = [
            f"button:{s['text']}" if s["tag"] == "button" else s["name"]
            for s in walk
            if s["filterForm"] and s["tag"] in {"input", "select", "textarea", "button"}
        ]
        if filter_reached != filter_expected:
            problems.append(f"{label}: filter controls reached {filter_reached}, expected {filter_expected}")
        nav_index = max((i for i, s in enumerate(walk) if s["inNav"]), default=-1)
        filter_index = min((i for i, s in enumerate(walk) if s["filterForm"]), default=len(walk))
        if filter_expected and nav_index > filter_index:
            problems.append(f"{label}: the filter form is reached before the end of the navigation")
        if not any(s["inMain"] for s in walk):
            problems.append(f"{label}: Tab never reaches anything inside <main>")
        for state in stops:
            if state["browserInner"]:
                continue
            if not state["visible"]:
                what = state["href"] or state["name"]
                problems.append(f"{label}: Tab focuses an invisible element {state['tag']} {what}")
            elif not has_focus_indicator(state):
                problems.append(
                    f"{label}: no visible focus on {state['tag']} «{state['text']}» {state['href'] or state['name']}"
                    f" (outline {state['outlineStyle']} {state['outlineWidth']}px, box-shadow {state['boxShadow']})"
                )
    assert not problems, "Keyboard problems:\n" + "\n".join(problems)


def test_focus_style_differs_from_unfocused(page, url):
    """A nav link looks different when focused: the outline or shadow appears only with focus."""
    build_site()
    page.goto(url("site:home"))
    link = page.get_by_role("navigation", name="Основные разделы").get_by_role("link", name="Мероприятия")
    style = "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
    unfocused = link.evaluate(style)
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the «Мероприятия» nav link")
    focused = link.evaluate(style)
    assert focused != unfocused, f"focus changes nothing: {focused}"
    outline_style, outline_width, shadow = focused
    assert (outline_style != "none" and float(outline_width.removesuffix("px")) > 0) or shadow != "none"


def test_filter_telebridges_by_keyboard_only(page, url, shot):
    build_site()
    page.goto(url("events:list"))
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(ON_FILTER_SEARCH):
            break
    else:
        pytest.fail("Tab never reached the search field of the filter form")
    page.keyboard.type("Гайдар")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=%D0%93%D0%B0%D0%B9%D0%B4%D0%B0%D1%80"))
    expect(page.get_by_role("link", name=TELEBRIDGE_TITLE)).to_be_visible()
    expect(page.get_by_role("link", name=OTHER_TELEBRIDGE_TITLE)).to_have_count(0)
    shot(page, "events-filtered-by-keyboard")

    # A select works too: reach the age rating, pick 12+ with the arrow keys, submit with Enter on the button.
    page.goto(url("events:telebridges"))
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.name === 'age_rating'"):
            break
    else:
        pytest.fail("Tab never reached the age rating filter")
    options = page.evaluate("() => Array.from(document.activeElement.options).map(o => o.value)")
    for _ in range(options.index("12+")):
        page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.value") == "12+"
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(ON_FILTER_BUTTON):
            break
    else:
        pytest.fail("Tab never reached the filter form's submit button")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]age_rating=12%2B(&|$)"))
    expect(page.get_by_role("link", name=OTHER_TELEBRIDGE_TITLE)).to_be_visible()
    expect(page.get_by_role("link", name=TELEBRIDGE_TITLE)).to_have_count(0)
    shot(page, "telebridges-12plus-by-keyboard")
