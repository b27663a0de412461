"""Every model's admin derives from CoopnetModelAdmin: what they share is written in their bases, not added behind
their back, and a system check refuses one that forgets it."""

from django.contrib import admin
from django.contrib.auth.models import User

from adminkit.checks import every_admin_is_coopnets
from adminkit.site import SHARED_MIXINS, CoopnetModelAdmin


def test_every_registered_admin_has_the_shared_mixins():
    for model_admin in admin.site._registry.values():
        assert isinstance(model_admin, CoopnetModelAdmin) or all(isinstance(model_admin, m) for m in SHARED_MIXINS)
    assert every_admin_is_coopnets() == []


def test_djangos_user_admin_is_registered_again_as_coopnets():
    assert all(isinstance(admin.site._registry[User], mixin) for mixin in SHARED_MIXINS)


def test_the_check_refuses_a_plain_model_admin():
    registered = admin.site._registry[User]
    admin.site._registry[User] = admin.ModelAdmin(User, admin.site)
    try:
        errors = every_admin_is_coopnets()
    finally:
        admin.site._registry[User] = registered

    assert [error.id for error in errors] == ["adminkit.E001"]
    assert "auth.User" in errors[0].msg
