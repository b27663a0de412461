"""The admins Django and django-axes register for their own models, as coopnet's (`CoopnetModelAdmin`'s mixins
first): users, groups and login attempts in grammatical Russian, with history and safe concurrent editing."""

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import Group, User

from adminkit.site import SHARED_MIXINS


class UserAdmin(*SHARED_MIXINS, auth_admin.UserAdmin):
    # A permission's name runs to 800 px («История изменений | HistoricalExhibition_agreements_excluded | …»): its two
    # lists one above the other, each as wide as the form, so no name is cut at 1366 px.
    filter_horizontal = ["groups"]
    filter_vertical = ["user_permissions"]


class GroupAdmin(*SHARED_MIXINS, auth_admin.GroupAdmin):
    filter_horizontal = []
    filter_vertical = ["permissions"]


class AccessAttemptAdmin(*SHARED_MIXINS, axes_admin.AccessAttemptAdmin):
    pass


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
