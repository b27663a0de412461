"""Date rules every app shares: year arithmetic, the years the site accepts, a day's start in Kemerovo.

This module imports no app, so every layer may use it.
"""

import datetime

from django.utils import timezone

# Years outside this window are typos; refusing them also keeps date arithmetic far from datetime's limits.
MIN_YEAR, MAX_YEAR = 1990, 2100


def validate_year(value: datetime.date | datetime.datetime | None) -> None:
    """A date outside the years the site accepts is a typo (and would strain date arithmetic): every date field
    staff fill in carries this validator."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext_lazy as _

    if value is not None and not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(
            _("Укажите дату между %(start)s и %(end)s годом."),
            params={"start": MIN_YEAR, "end": MAX_YEAR},
            code="year_out_of_range",
        )


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` later (or earlier, when negative); 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def day_start(day: datetime.date) -> datetime.datetime:
    """Midnight of a day in the site's zone (Kemerovo)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min), timezone.get_default_timezone())
