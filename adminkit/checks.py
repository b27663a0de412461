"""System checks: every registered ModelAdmin derives from the shared mixins (`adminkit.site.SHARED_MIXINS`), and
every inline it shows from `adminkit.related.RelatedLinksMixin`."""

from django.core import checks

from adminkit.related import RelatedLinksMixin
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
        for inline in getattr(model_admin, "inlines", ()):
            if not issubclass(inline, RelatedLinksMixin):
                errors.append(
                    checks.Error(
                        f"{inline.__module__}.{inline.__name__} (an inline of {model._meta.label}) does not derive "
                        "from adminkit.related.RelatedLinksMixin.",
                        hint="Put RelatedLinksMixin first among its bases: its rows get no ✖ deleting a chosen record.",
                        id="adminkit.E002",
                    )
                )
    return errors
