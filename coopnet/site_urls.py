"""Site-wide pages: home, search, low-vision settings, robots.txt, sitemap.xml."""

app_name = "site"

urlpatterns = []
