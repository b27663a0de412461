import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def html_tag(response):
    text = response.content.decode()
    return text[text.index("<html") : text.index(">", text.index("<html")) + 1]


def test_every_page_links_to_the_low_vision_settings(client):
    html = client.get(reverse("events:list")).content.decode()

    assert "Версия для слабовидящих" in html
    assert reverse("site:accessibility") + "?next=/events/" in html


def test_setting_through_a_plain_link_sets_a_cookie_and_goes_back(client):
    response = client.get(reverse("site:accessibility_set"), {"font": "xlarge", "next": "/events/?kind=webinar"})

    assert response.status_code == 302
    assert response["Location"] == "/events/?kind=webinar"
    assert response.cookies["lv_font"].value == "xlarge"
    assert response.cookies["lv_font"]["max-age"] == 365 * 24 * 60 * 60


def test_the_class_appears_on_the_next_page(client):
    client.get(reverse("site:accessibility_set"), {"font": "large", "scheme": "wb", "images": "off", "spacing": "wide"})

    tag = html_tag(client.get(reverse("site:home")))

    assert 'class="lv lv-font-large lv-scheme-wb lv-images-off lv-spacing-wide"' in tag


def test_the_panel_shows_on_every_page_once_the_mode_is_on(client):
    assert "Настройки для слабовидящих" not in client.get(reverse("events:list")).content.decode()

    client.get(reverse("site:accessibility_set"), {"scheme": "blue"})
    html = client.get(reverse("events:list")).content.decode()

    assert "Настройки для слабовидящих" in html
    assert 'aria-current="true">тёмно-синим по голубому' in html
    assert reverse("site:accessibility_reset") + "?next=/events/" in html


def test_a_form_post_works_too(client):
    response = client.post(reverse("site:accessibility_set"), {"spacing": "wide", "next": "/telebridges/"})

    assert response["Location"] == "/telebridges/"
    assert response.cookies["lv_spacing"].value == "wide"


def test_reset_forgets_every_choice(client):
    client.get(reverse("site:accessibility_set"), {"font": "large", "scheme": "bw"})

    response = client.get(reverse("site:accessibility_reset"), {"next": "/"})

    assert response["Location"] == "/"
    assert 'class="lv' not in html_tag(client.get(reverse("site:home")))


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "\\\\evil"])
def test_next_may_not_leave_the_site(client, target):
    response = client.get(reverse("site:accessibility_set"), {"font": "large", "next": target})

    assert response["Location"] == reverse("site:accessibility")


def test_an_unknown_value_is_refused_in_russian(client):
    response = client.get(reverse("site:accessibility_set"), {"font": "huge"})

    assert response.status_code == 400
    assert "Такого значения нет: Размер шрифта" in response.content.decode()
    assert "lv_font" not in response.cookies


def test_a_forged_cookie_is_ignored(client):
    client.cookies["lv_font"] = '" onload="alert(1)'
    client.cookies["lv_scheme"] = "neon"

    tag = html_tag(client.get(reverse("site:home")))

    assert tag == '<html lang="ru">'


def test_settings_page_offers_every_option_as_a_link(client):
    html = client.get(reverse("site:accessibility"), {"next": "/events/"}).content.decode()

    for query in (
        "font=normal",
        "font=large",
        "font=xlarge",
        "scheme=bw",
        "scheme=wb",
        "scheme=blue",
        "images=off",
        "images=on",
        "spacing=wide",
        "spacing=normal",
    ):
        assert f"{reverse('site:accessibility_set')}?{query}&amp;next=/events/" in html


@pytest.mark.parametrize("target", ["0", "events", "home", "site:home"])
def test_next_must_be_a_path_on_this_site(client, target):
    for name in ("site:accessibility_set", "site:accessibility_reset"):
        response = client.get(reverse(name), {"font": "large", "next": target})

        assert response.status_code == 302
        assert response["Location"] == reverse("site:accessibility")
