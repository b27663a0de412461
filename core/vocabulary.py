"""Words every activity app shares: age marks and scopes. Imports no app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgeRating(models.TextChoices):
    """Information-product age marks required by Federal Law 436-FZ."""

    ZERO = "0+", "0+"
    SIX = "6+", "6+"
    TWELVE = "12+", "12+"
    SIXTEEN = "16+", "16+"
    EIGHTEEN = "18+", "18+"


class Scope(models.TextChoices):
    INTERNATIONAL = "international", _("международный")
    INTERREGIONAL = "interregional", _("межрегиональный")
    REGIONAL = "regional", _("региональный")
