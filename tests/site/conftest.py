# The site pages are tested at the same frozen "now", with the same libraries in four time zones, as the events.
from tests.events.conftest import frozen_now, kemerovo, khabarovsk, moscow, ust_kamenogorsk  # noqa: F401
