"""The admins Django and django-axes register for their own models, as coopnet's (`CoopnetModelAdmin`'s mixins
first): users, groups and login attempts in grammatical Russian, with history and safe concurrent editing."""

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import Group, User
from django.utils.translation import gettext_lazy as _

from adminkit.site import SHARED_MIXINS


class UserAdmin(*SHARED_MIXINS, auth_admin.UserAdmin):
    pass


class GroupAdmin(*SHARED_MIXINS, auth_admin.GroupAdmin):
    pass


class AccessAttemptAdmin(*SHARED_MIXINS, axes_admin.AccessAttemptAdmin):
    actions = ["cleanup_expired_attempts"]

    @admin.action(description=_("Удалить истёкшие попытки входа"))
    def cleanup_expired_attempts(self, request, queryset):
        """axes' own action, in Russian, and without its 500: axes reads the moment of a login attempt from the
        request, which only a login request carries; here the attempts expire counted from now."""
        if not hasattr(request, "axes_attempt_time"):
            request.axes_attempt_time = None
        count = self.handler.clean_expired_user_attempts(request=request)
        self.message_user(request, _("Удалено истёкших попыток входа: %(count)s.") % {"count": count})


class AccessLogAdmin(*SHARED_MIXINS, axes_admin.AccessLogAdmin):
    pass


class AccessFailureLogAdmin(*SHARED_MIXINS, axes_admin.AccessFailureLogAdmin):
    pass


THIRD_PARTY = {
    User: UserAdmin,
    Group: GroupAdmin,
    AccessAttempt: AccessAttemptAdmin,
    AccessLog: AccessLogAdmin,
    AccessFailureLog: AccessFailureLogAdmin,
}


def register_again(site) -> None:
    """Replace the admins the third-party apps registered (only those they did register)."""
    for model, admin_class in THIRD_PARTY.items():
        if site.is_registered(model):
            site.unregister(model)
            site.register(model, admin_class)
