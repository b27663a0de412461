from axes import apps as axes_apps
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class CoopnetAdminConfig(AdminConfig):
    """Django's admin with coopnet's site (`adminkit.site.CoopnetAdminSite`) as the default one."""

    default_site = "adminkit.site.CoopnetAdminSite"


class AxesConfig(axes_apps.AppConfig):
    """django-axes under a Russian name in the admin (its own config has none, so the admin would say «Axes»)."""

    verbose_name = _("Попытки входа")
