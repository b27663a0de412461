# The same frozen "now" and libraries in several time zones as the event pages' tests.
from tests.events.conftest import frozen_now, kemerovo, khabarovsk, moscow, ust_kamenogorsk  # noqa: F401
