"""Partner accounts for the portal's tests: a library's staff member with a portal account, logged in or not."""

import datetime

from django.utils import timezone

from portal.models import Membership
from tests.factories import LibraryFactory, UserFactory


def partner_user(library=None, **kwargs):
    library = library or LibraryFactory()
    user = UserFactory(is_staff=False, first_name="Мария", last_name="Иванова", **kwargs)
    Membership.objects.create(user=user, library=library, joined_at=timezone.now())
    return user


def yesterday_at(hour: int, tz) -> datetime.datetime:
    day = timezone.localdate() - datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=tz)
