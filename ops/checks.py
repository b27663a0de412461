"""System checks of the running configuration."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks


def site_url_is_served(app_configs=None, **kwargs):
    """Every email links to SITE_URL, not to the host a request came by: with debug off, its host must be one the
    site answers to (ALLOWED_HOSTS), or partners' invitations and reminders link to a site that is not there."""
    if settings.DEBUG:
        return []
    host = (urlsplit(settings.SITE_URL).hostname or "").lower()
    allowed = [h.lower() for h in settings.ALLOWED_HOSTS]
    if "*" in allowed or any(host == h or (h.startswith(".") and host.endswith(h)) for h in allowed):
        return []
    return [
        checks.Warning(
            f"SITE_URL ({settings.SITE_URL}) is not served by this site: its host is not in ALLOWED_HOSTS "
            f"({', '.join(settings.ALLOWED_HOSTS) or 'empty'}).",
            hint="Set SITE_URL to the address readers and partners open, e.g. SITE_URL=https://coopnet.example.org "
            "(.env.example): the links in every email are built from it.",
            id="ops.W001",
        )
    ]
