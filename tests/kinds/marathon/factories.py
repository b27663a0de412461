import datetime

import factory
from factory.django import DjangoModelFactory

from tests.factories import LibraryFactory

from .models import Marathon, MarathonSite


class MarathonFactory(DjangoModelFactory):
    class Meta:
        model = Marathon

    title = factory.Sequence(lambda n: f"Читательский марафон «Книжное лето» № {n}")
    slug = factory.Sequence(lambda n: f"marathon-{n}")
    organiser = factory.SubFactory(LibraryFactory)
    starts_on = datetime.date(2020, 6, 1)
    ends_on = datetime.date(2020, 6, 30)
    description = "Читаем всем городом"
    is_published = True


class MarathonSiteFactory(DjangoModelFactory):
    class Meta:
        model = MarathonSite

    marathon = factory.SubFactory(MarathonFactory)
    library = factory.SubFactory(LibraryFactory)
