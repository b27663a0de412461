"""Year arithmetic shared by agreements, the report and the data generator."""

import datetime

from core.dates import add_years

D = datetime.date


def test_adding_years_keeps_the_day():
    assert add_years(D(2020, 3, 15), 3) == D(2023, 3, 15)


def test_subtracting_years_keeps_the_day():
    assert add_years(D(2020, 3, 15), -1) == D(2019, 3, 15)


def test_29_february_becomes_28_february_in_a_common_year():
    assert add_years(D(2020, 2, 29), 1) == D(2021, 2, 28)
    assert add_years(D(2020, 2, 29), -1) == D(2019, 2, 28)


def test_29_february_stays_in_a_leap_year():
    assert add_years(D(2020, 2, 29), 4) == D(2024, 2, 29)
