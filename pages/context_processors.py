"""Values every public page's layout needs: low-vision classes, the navigation and its current section."""

from core import kinds, lowvision

NAV_SECTIONS = {"site:home": "home", "site:search": "search"}


def nav_section(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    if match.view_name in NAV_SECTIONS:
        return NAV_SECTIONS[match.view_name]
    if match.namespace == "agreements":
        return "partners" if match.url_name.startswith("partner") else "agreements"
    links = kinds.nav_links()
    exact = next((link.section for link in links if link.viewname == match.view_name), None)
    if exact is not None:
        return exact
    return next((link.section for link in links if link.viewname.split(":")[0] == match.namespace), "")


def site(request):
    values = lowvision.read(request.COOKIES)
    return {
        "lv": values,
        "lv_active": lowvision.is_active(values),
        "lv_classes": lowvision.html_classes(values),
        "lv_groups": lowvision.option_groups(values),
        "lv_next": request.get_full_path(),
        "nav_section": nav_section(request),
        "nav_links": kinds.nav_links(),
    }
