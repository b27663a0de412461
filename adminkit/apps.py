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
        _say_booleans_in_russian()


def _say_booleans_in_russian():
    """Django draws a yes/no field in lists and read-only forms as an icon whose text, read aloud by a screen
    reader, is Python's «True», «False» or «None» (`admin_list._boolean_icon`, which every caller looks up in that
    module when it runs): the same icon, said in Russian."""
    from django.contrib.admin.templatetags import admin_list
    from django.templatetags.static import static
    from django.utils.html import format_html
    from django.utils.translation import gettext

    def boolean_icon(field_val):
        icon, text = {True: ("yes", "да"), False: ("no", "нет"), None: ("unknown", "неизвестно")}[field_val]
        return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), gettext(text))

    admin_list._boolean_icon = boolean_icon


class AxesConfig(axes_apps.AppConfig):
    """django-axes under a Russian name in the admin (its own config has none, so the admin would say «Axes»), its
    records named in Russian: django-axes writes their names in English («Access Log for root @ 2026-12-07
    14:10:11.612461+00:00»), and the admin shows them in titles, breadcrumbs and delete pages."""

    verbose_name = _("Попытки входа")

    def ready(self):
        super().ready()
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        AccessAttempt.__str__ = _attempt_name
        AccessFailureLog.__str__ = _failure_name
        AccessLog.__str__ = _log_name


def _when(moment) -> str:
    from django.utils import formats, timezone

    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT") if moment else ""


def _attempt_name(attempt) -> str:
    from django.utils.translation import gettext

    return gettext("Попытка входа «%(user)s», %(when)s") % {
        "user": attempt.username,
        "when": _when(attempt.attempt_time),
    }


def _failure_name(failure) -> str:
    from django.utils.translation import gettext

    text = gettext("Неудачный вход «%(user)s» с адреса %(ip)s, %(when)s") % {
        "user": failure.username,
        "ip": failure.ip_address or "—",
        "when": _when(failure.attempt_time),
    }
    return text + (gettext(" (вход заблокирован)") if failure.locked_out else "")


def _log_name(log) -> str:
    from django.utils.translation import gettext

    return gettext("Вход «%(user)s», %(when)s") % {"user": log.username, "when": _when(log.attempt_time)}
