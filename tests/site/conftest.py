import datetime

import pytest
import time_machine

from tests.factories import KEMEROVO, HostLibraryFactory, LibraryFactory

# "Now" for these tests: events of the factories (10 March 2030) are upcoming, 2020 ones are past.
NOW = datetime.datetime(2029, 6, 1, 12, 0, tzinfo=KEMEROVO)


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def kemerovo(db):
    return HostLibraryFactory()


@pytest.fixture
def moscow(db):
    return LibraryFactory(
        short_name="Московская библиотека", city="Москва", region="Москва", timezone="Europe/Moscow", slug="moscow"
    )


@pytest.fixture
def ust_kamenogorsk(db):
    return LibraryFactory(
        short_name="Библиотека Усть-Каменогорска",
        city="Усть-Каменогорск",
        region="Восточно-Казахстанская область",
        country="KZ",
        timezone="Asia/Almaty",
        slug="ust-kamenogorsk",
    )


@pytest.fixture
def khabarovsk(db):
    return LibraryFactory(
        short_name="Хабаровская библиотека",
        city="Хабаровск",
        region="Хабаровский край",
        timezone="Asia/Vladivostok",
        slug="khabarovsk",
    )
