import datetime

import pytest
import time_machine


@pytest.fixture
def mid_minute():
    """The clock at the start of a minute, ticking: the page cache's key holds the minute, so two requests that expect
    the second to be served from the cache must not straddle a minute's end."""
    now = datetime.datetime.now(datetime.UTC).replace(second=1, microsecond=0)
    with time_machine.travel(now, tick=True):
        yield
