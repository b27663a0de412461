"""The admins Django and django-axes register for their own models, as coopnet's (`CoopnetModelAdmin`'s mixins
first): users, groups and login attempts in grammatical Russian, with history and safe concurrent editing. A user's
page also says how the site addresses them (`core.models.Profile`), and permissions read as Russian phrases."""

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import Group, User
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from adminkit.grammar import NEUTER, declare_nouns, noun, noun_for
from adminkit.related import RelatedLinksMixin
from adminkit.site import SHARED_MIXINS
from core.models import Profile
from core.templatetags.coopnet import ru_plural_form

declare_nouns(
    {
        "core.profile": noun(
            _("обращение к пользователю"),
            _("обращение к пользователю"),
            _("обращение к пользователю"),
            _("обращения к пользователю"),
            _("обращений к пользователю"),
            NEUTER,
        ),
    }
)

# What a permission lets one do, by the start of its codename, with the model's plural accusative after it.
PERMISSION_VERBS = {
    "add": _("добавлять"),
    "change": _("изменять"),
    "delete": _("удалять"),
    "view": _("просматривать"),
}


def permission_label(permission) -> str:
    """«Партнёры и соглашения | изменять библиотеки», «Мероприятия и проекты | просматривать гостей»; a permission
    of the site's own («Может смотреть и выгружать годовой отчёт») keeps its name."""
    model = permission.content_type.model_class()
    app = model._meta.app_config.verbose_name if model is not None else permission.content_type.app_label
    action, _sep, model_name = permission.codename.partition("_")
    noun_ = noun_for(model) if model is not None else None
    if action in PERMISSION_VERBS and model is not None and model_name == model._meta.model_name:
        plural = noun_.counted[2] if noun_ is not None and noun_.animate else model._meta.verbose_name_plural
        return f"{app} | {PERMISSION_VERBS[action]} {plural}"
    return f"{app} | {gettext(permission.name)}"


class RussianPermissionsMixin:
    """The permissions list of a user or a group, each permission as a Russian phrase."""

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in {"permissions", "user_permissions"} and formfield is not None:
            formfield.queryset = formfield.queryset.select_related("content_type")
            formfield.label_from_instance = permission_label
        return formfield


class ProfileInline(RelatedLinksMixin, admin.StackedInline):
    model = Profile
    can_delete = False
    max_num = 1
    fields = ["gender"]
    verbose_name = _("обращение к пользователю")
    verbose_name_plural = _("Обращение к пользователю")


class UserAdmin(*SHARED_MIXINS, RussianPermissionsMixin, auth_admin.UserAdmin):
    inlines = [*auth_admin.UserAdmin.inlines, ProfileInline]
    # Permissions' names are long: the two lists one above the other, each as wide as the form, so none is cut.
    filter_horizontal = ["groups"]
    filter_vertical = ["user_permissions"]


class GroupAdmin(*SHARED_MIXINS, RussianPermissionsMixin, auth_admin.GroupAdmin):
    filter_horizontal = []
    filter_vertical = ["permissions"]


class AccessAttemptAdmin(*SHARED_MIXINS, axes_admin.AccessAttemptAdmin):
    @admin.display(description=_("действует до"))
    def expiration(self, obj):
        return super().expiration(obj)

    @admin.display(description=_("состояние"))
    def status(self, obj):
        """«осталось 3 попытки» or «вход заблокирован» (django-axes says «3 Attempt Remaining»)."""
        left = settings.AXES_FAILURE_LIMIT - obj.failures_since_start
        if left <= 0:
            return gettext("вход заблокирован")
        said = ru_plural_form(
            left, _("осталась %(n)d попытка"), _("осталось %(n)d попытки"), _("осталось %(n)d попыток")
        )
        return str(said) % {"n": left}

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
