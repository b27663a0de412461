"""Site-wide pages: home, search, low-vision settings, robots.txt, sitemap.xml."""

from django.templatetags.static import static
from django.urls import path
from django.views.generic import RedirectView

from ops.ratelimit import rate_limited
from pages import home, search, views
from pages.sitemaps import sitemap


class FaviconRedirect(RedirectView):
    """To the icon's current (hashed) name, looked up when asked: the names exist only after collectstatic."""

    def get_redirect_url(self, *args, **kwargs):
        return static("img/favicon.svg")


app_name = "site"

urlpatterns = [
    path("", home.home, name="home"),
    path("search/", rate_limited("search")(search.search), name="search"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("accessibility/set/", views.accessibility_set, name="accessibility_set"),
    path("accessibility/reset/", views.accessibility_reset, name="accessibility_reset"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, name="sitemap"),
    # Browsers ask for /favicon.ico whatever the page links to.
    path("favicon.ico", FaviconRedirect.as_view(permanent=True), name="favicon"),
]
