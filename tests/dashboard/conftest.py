import pytest
import time_machine

from tests.dashboard.moments import NOW


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield NOW
