"""Abstract bases every activity app shares. Imports no app, so every layer may use it.

`Publishable` carries what makes a record a draft or public, with the one rule of visibility:
`objects.public()`. Models add their own conditions by overriding `public()` on their queryset
(calling `super().public()`), so a view, feed, sitemap or search never tests the flag itself.
"""

from django.db import models
from django.db.models import OuterRef
from django.db.models.expressions import ResolvedOuterRef
from django.utils.translation import gettext_lazy as _


def nested(value):
    """`value` as seen from a subquery one level deeper: an OuterRef must reach one level further out."""
    return OuterRef(value) if isinstance(value, OuterRef | ResolvedOuterRef) else value


class PublishedQuerySet(models.QuerySet):
    def public(self):
        """Exactly what a reader may see."""
        return self.filter(is_published=True)


class Publishable(models.Model):
    """A record staff prepare as a draft and then publish, with notes the public never sees."""

    notes = models.TextField(_("служебные заметки"), blank=True, help_text=_("На сайте не показываются."))
    is_published = models.BooleanField(_("опубликовано"), default=False)
    created_at = models.DateTimeField(_("создано"), auto_now_add=True)
    updated_at = models.DateTimeField(_("изменено"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True


def cover_upload_to(instance, filename: str) -> str:
    """Covers of each app in their own folder by year, as `events/covers/2026/<file>`."""
    from django.utils import timezone

    return f"{instance._meta.app_label}/covers/{timezone.now():%Y}/{filename}"


class Illustrated(models.Model):
    """A cover image with the text a screen reader says instead of it."""

    cover = models.ImageField(_("обложка"), upload_to=cover_upload_to, blank=True)
    cover_alt = models.CharField(_("описание обложки для незрячих"), max_length=300, blank=True)

    class Meta:
        abstract = True
