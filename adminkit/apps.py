from axes import apps as axes_apps
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class CoopnetAdminConfig(AdminConfig):
    """Django's admin with coopnet's site (`adminkit.site.CoopnetAdminSite`) as the default one."""

    default_site = "adminkit.site.CoopnetAdminSite"

    def ready(self):
        super().ready()  # autodiscover: every app's admin module registers its models
        from django.contrib import admin
        from django.core import checks

        from adminkit.checks import every_admin_is_coopnets
        from adminkit.thirdparty import register_again

        register_again(admin.site)
        checks.register(every_admin_is_coopnets, checks.Tags.admin)


class AxesConfig(axes_apps.AppConfig):
    """django-axes under a Russian name in the admin (its own config has none, so the admin would say «Axes»)."""

    verbose_name = _("Попытки входа")
