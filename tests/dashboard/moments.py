"""The moment these tests run at, and days around it."""

import datetime

from tests.factories import KEMEROVO

# Wednesday 2 December 2026, noon in Kemerovo. This week runs from Monday 30 November to Sunday 6 December, the
# next one from 7 to 13 December.
NOW = datetime.datetime(2026, 12, 2, 12, 0, tzinfo=KEMEROVO)
TODAY = NOW.date()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def at(day: datetime.date, hour: int = 14) -> datetime.datetime:
    """A moment of a day in Kemerovo."""
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=KEMEROVO)
