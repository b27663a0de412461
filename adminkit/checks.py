"""A system check: every registered ModelAdmin derives from the shared mixins (`adminkit.site.SHARED_MIXINS`)."""

from django.core import checks

from adminkit.site import SHARED_MIXINS


def every_admin_is_coopnets(app_configs=None, **kwargs):
    from django.contrib import admin

    errors = []
    for model, model_admin in admin.site._registry.items():
        missing = [mixin.__name__ for mixin in SHARED_MIXINS if not isinstance(model_admin, mixin)]
        if missing:
            errors.append(
                checks.Error(
                    f"{type(model_admin).__module__}.{type(model_admin).__name__} (for {model._meta.label}) does not "
                    f"derive from adminkit.site.CoopnetModelAdmin: missing {', '.join(missing)}.",
                    hint="Derive it from CoopnetModelAdmin, or list it in adminkit.thirdparty.",
                    id="adminkit.E001",
                )
            )
    return errors
