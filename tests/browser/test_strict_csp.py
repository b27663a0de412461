"""No inline code: the pages work under a strict Content-Security-Policy."""

import pytest
from playwright.sync_api import expect

from tests.browser.scenery import build_site, main_pages

pytestmark = pytest.mark.browser

INLINE_CODE = """() => {
  const found = [];
  const cut = text => (text || '').trim().slice(0, 60);
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const attr of el.getAttributeNames()) {
      if (/^on/i.test(attr)) found.push(`${tag} has handler ${attr}="${cut(el.getAttribute(attr))}"`);
      if (attr.toLowerCase() === 'style') found.push(`${tag} has style="${cut(el.getAttribute(attr))}"`);
    }
    if (tag === 'a' && /^\\s*javascript:/i.test(el.getAttribute('href') || '')) found.push('a href="javascript:…"');
  }
  for (const script of document.querySelectorAll('script:not([src])')) {
    if ((script.type || '').toLowerCase() !== 'application/ld+json') {
      found.push(`inline <script type="${script.type}">${cut(script.textContent)}</script>`);
    }
  }
  for (const style of document.querySelectorAll('style')) found.push(`inline <style>${cut(style.textContent)}</style>`);
  return found;
}"""

# What a deployment could switch on: only same-origin scripts, styles, images (and data: images), no inline anything.
STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)

# One page of each kind of content (the static check above covers every page): the reader-time script, lists
# with filter forms, the SVG map, the low-vision settings and search.
CSP_PAGES = {"home", "events", "event-detail", "partners", "exhibition-detail", "accessibility", "search"}


def test_no_inline_handlers_scripts_or_styles(page, url):
    site = build_site()
    found = []
    for label, name, args, query in main_pages(site):
        page.goto(url(name, *args, query=query))
        found += [f"{label}: {item}" for item in page.evaluate(INLINE_CODE)]
    assert not found, "Inline code would break a strict CSP:\n" + "\n".join(found)


def test_pages_work_under_strict_csp(new_context, url, live_server):
    """Serve every page with a strict CSP: the browser reports no violation and the reader-time script still runs."""
    site = build_site()
    context = new_context(timezone_id="Asia/Vladivostok")

    def with_csp(route):
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": STRICT_CSP}
        route.fulfill(response=response, headers=headers)

    context.route(f"{live_server.url}/**", with_csp)
    page = context.new_page()
    refused = []
    page.on("console", lambda msg: refused.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    for label, name, args, query in main_pages(site):
        if label not in CSP_PAGES:
            continue
        page.goto(url(name, *args, query=query))
        page.wait_for_load_state("load")
        refused_here = list(refused)
        refused.clear()
        assert not refused_here, f"{label}: the strict CSP blocked something:\n" + "\n".join(refused_here)
    page.goto(url("events:detail", site.telebridge.slug))
    expect(page.locator(".reader-time")).to_contain_text("17:00")
