"""A factory per model. Defaults build valid, published rows; override what a test is about."""

import datetime
from zoneinfo import ZoneInfo

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from agreements.models import Agreement, Contact, Direction, Library
from contests.models import Contest, Curator, Entry, Nomination
from events.models import Episode, Event, Participation, Person, Project
from exhibitions.models import Exhibition, ExhibitionStop
from portal.models import Membership, Proposal

KEMEROVO = ZoneInfo("Asia/Novokuznetsk")


class LibraryFactory(DjangoModelFactory):
    class Meta:
        model = Library

    name = factory.Sequence(lambda n: f"Областная детская библиотека № {n}")
    short_name = factory.Sequence(lambda n: f"Библиотека {n}")
    slug = factory.Sequence(lambda n: f"library-{n}")
    kind = Library.Kind.CHILDREN
    country = Library.Country.RUSSIA
    region = "Томская область"
    city = "Томск"
    timezone = "Asia/Tomsk"
    latitude = "56.48470"
    longitude = "84.94820"
    is_host = False


class HostLibraryFactory(LibraryFactory):
    """The host library; django_get_or_create keeps it single across factories."""

    class Meta:
        model = Library
        django_get_or_create = ["slug"]

    name = "Государственная библиотека Кузбасса для детей и молодёжи"
    short_name = "Библиотека Кузбасса для детей и молодёжи"
    slug = "host"
    region = "Кемеровская область — Кузбасс"
    city = "Кемерово"
    timezone = "Asia/Novokuznetsk"
    is_host = True


class ContactFactory(DjangoModelFactory):
    class Meta:
        model = Contact

    library = factory.SubFactory(LibraryFactory)
    full_name = factory.Sequence(lambda n: f"Иванова Мария {n}")
    position = "методист"
    email = factory.Sequence(lambda n: f"contact{n}@example.org")
    phone = "+7 900 000-00-00"


class DirectionFactory(DjangoModelFactory):
    class Meta:
        model = Direction

    name = factory.Sequence(lambda n: f"Направление {n}")
    slug = factory.Sequence(lambda n: f"direction-{n}")


class AgreementFactory(DjangoModelFactory):
    class Meta:
        model = Agreement

    host = factory.SubFactory(HostLibraryFactory)
    partner = factory.SubFactory(LibraryFactory)
    number = factory.Sequence(lambda n: f"{n}/С")
    signed_on = datetime.date(2020, 1, 15)
    valid_from = factory.SelfAttribute("signed_on")
    valid_until = None
    status = Agreement.Status.IN_FORCE
    is_public = True


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Писатель {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    occupation = "писатель"


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True  # the `agreement` hook only adds a many-to-many row

    title = factory.Sequence(lambda n: f"Вебинар {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = Event.Kind.WEBINAR
    format = Event.Format.ONLINE
    organiser = factory.SubFactory(LibraryFactory)
    starts_at = datetime.datetime(2030, 3, 10, 14, 0, tzinfo=KEMEROVO)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    age_rating = "6+"
    is_published = True

    @factory.post_generation
    def agreement(obj, create, extracted, **kwargs):
        """`agreement=` credits the activity to that agreement by hand, as a staff override does."""
        if create and extracted is not None:
            obj.agreements_added.add(extracted)


class TelebridgeFactory(EventFactory):
    title = factory.Sequence(lambda n: f"Телемост {n}")
    kind = Event.Kind.TELEBRIDGE


class ParticipationFactory(DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(EventFactory)
    library = factory.SubFactory(LibraryFactory)
    role = Participation.Role.SITE


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Проект {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    organiser = factory.SubFactory(HostLibraryFactory)
    is_published = True


class EpisodeFactory(DjangoModelFactory):
    class Meta:
        model = Episode
        skip_postgeneration_save = True  # the `agreement` hook only adds a many-to-many row

    project = factory.SubFactory(ProjectFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Сказка {n}")
    library = factory.SubFactory(LibraryFactory)
    published_on = datetime.date(2020, 6, 1)
    is_published = True

    @factory.post_generation
    def agreement(obj, create, extracted, **kwargs):
        """`agreement=` credits the activity to that agreement by hand, as a staff override does."""
        if create and extracted is not None:
            obj.agreements_added.add(extracted)


class ExhibitionFactory(DjangoModelFactory):
    class Meta:
        model = Exhibition
        skip_postgeneration_save = True  # the `agreement` hook only adds a many-to-many row

    title = factory.Sequence(lambda n: f"Выставка {n}")
    slug = factory.Sequence(lambda n: f"exhibition-{n}")
    kind = Exhibition.Kind.TRAVELLING
    provider = factory.SubFactory(LibraryFactory)
    is_published = True

    @factory.post_generation
    def agreement(obj, create, extracted, **kwargs):
        """`agreement=` credits the activity to that agreement by hand, as a staff override does."""
        if create and extracted is not None:
            obj.agreements_added.add(extracted)


class ExhibitionStopFactory(DjangoModelFactory):
    class Meta:
        model = ExhibitionStop

    exhibition = factory.SubFactory(ExhibitionFactory)
    venue = factory.SubFactory(HostLibraryFactory)
    starts_on = datetime.date(2020, 3, 1)
    ends_on = datetime.date(2020, 3, 31)


class ContestFactory(DjangoModelFactory):
    class Meta:
        model = Contest
        skip_postgeneration_save = True  # the `agreement` hook only adds a many-to-many row

    title = factory.Sequence(lambda n: f"Конкурс {n}")
    slug = factory.Sequence(lambda n: f"contest-{n}")
    organiser = factory.SubFactory(LibraryFactory)
    submissions_from = datetime.date(2020, 2, 1)
    submissions_until = datetime.date(2020, 4, 1)
    results_on = datetime.date(2020, 5, 1)
    is_published = True

    @factory.post_generation
    def agreement(obj, create, extracted, **kwargs):
        """`agreement=` credits the activity to that agreement by hand, as a staff override does."""
        if create and extracted is not None:
            obj.agreements_added.add(extracted)


class CuratorFactory(DjangoModelFactory):
    class Meta:
        model = Curator

    contest = factory.SubFactory(ContestFactory)
    library = factory.SubFactory(HostLibraryFactory)
    region = "Кемеровская область — Кузбасс"


class EntryFactory(DjangoModelFactory):
    class Meta:
        model = Entry

    contest = factory.SubFactory(ContestFactory)
    entrant_name = factory.Sequence(lambda n: f"Участник {n}")
    age = 12
    locality = "Кемерово"
    result = Entry.Result.PARTICIPANT
    public_consent = False


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")
    is_staff = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))
        if create:
            self.save()


class NominationFactory(DjangoModelFactory):
    class Meta:
        model = Nomination

    contest = factory.SubFactory(ContestFactory)
    name = factory.Sequence(lambda n: f"Номинация {n}")
    position = factory.Sequence(lambda n: n)


class MembershipFactory(DjangoModelFactory):
    """A partner library's portal account that has set its password («correct-horse-battery»)."""

    class Meta:
        model = Membership

    user = factory.SubFactory(
        UserFactory,
        username=factory.Sequence(lambda n: f"partner{n}@example.org"),
        email=factory.LazyAttribute(lambda o: o.username),
        is_staff=False,
    )
    library = factory.SubFactory(LibraryFactory)
    invited_at = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=KEMEROVO)
    joined_at = datetime.datetime(2026, 3, 3, 10, 0, tzinfo=KEMEROVO)


class ProposalFactory(DjangoModelFactory):
    """A joint event a partner library proposed in the portal (without its draft event)."""

    class Meta:
        model = Proposal

    library = factory.SubFactory(LibraryFactory)
    title = factory.Sequence(lambda n: f"Предложенный телемост {n}")
    kind = Event.Kind.TELEBRIDGE
    starts_on = datetime.date(2030, 4, 12)
    description = "Читатели двух библиотек рассказывают о любимых книгах."
