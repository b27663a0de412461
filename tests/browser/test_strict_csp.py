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


def test_no_inline_code_and_nothing_blocked_by_a_strict_csp(new_context, url, live_server):
    """Every main page, served with a strict CSP: no inline handlers, scripts or styles in the DOM, no violation
    reported by the browser, and the reader-time script still runs."""
    site = build_site()
    context = new_context(timezone_id="Asia/Vladivostok")

    def with_csp(route):
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": STRICT_CSP}
        route.fulfill(response=response, headers=headers)

    context.route(f"{live_server.url}/**", with_csp)
    page = context.new_page()
    reports = []
    page.on("console", lambda msg: reports.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    inline, blocked = [], []
    for label, name, args, query in main_pages(site):
        page.goto(url(name, *args, query=query))
        inline += [f"{label}: {item}" for item in page.evaluate(INLINE_CODE)]
        blocked += [f"{label}: {text}" for text in reports]
        reports.clear()
    assert not inline, "Inline code would break a strict CSP:\n" + "\n".join(inline)
    assert not blocked, "The strict CSP blocked something:\n" + "\n".join(blocked)

    page.goto(url("events:detail", site.telebridge.slug))
    expect(page.locator(".reader-time")).to_contain_text("17:00")
