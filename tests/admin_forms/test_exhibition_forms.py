"""A travelling exhibition's route in the admin: stops on show at the same time are refused, the inline stacked."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from exhibitions.models import ExhibitionStop
from tests.admin_forms.helpers import add_rows, inline_formset, page_data
from tests.factories import ExhibitionFactory, ExhibitionStopFactory, LibraryFactory

pytestmark = pytest.mark.django_db

D = datetime.date
OVERLAP = "Площадки «Кемерово, 01.03–31.03» и «Хабаровск, 15.03–15.04» пересекаются по датам."


def change_url(exhibition):
    return reverse("admin:exhibitions_exhibition_change", args=[exhibition.pk])


@pytest.fixture
def exhibition(db):
    return ExhibitionFactory(title="Сказки народов Кузбасса")


@pytest.fixture
def kemerovo(host):
    return host  # the host library is in Kemerovo


@pytest.fixture
def khabarovsk(db):
    return LibraryFactory(short_name="Хабаровская КДБ", city="Хабаровск")


def stop(venue, starts_on, ends_on, **fields):
    return {
        "venue": str(venue.pk),
        "starts_on": starts_on.isoformat(),
        "ends_on": ends_on.isoformat(),
        "status": "planned",
        **fields,
    }


def post_stops(client, exhibition, rows):
    data = page_data(client.get(change_url(exhibition)))
    return client.post(change_url(exhibition), add_rows(data, "stops", rows))


def test_overlapping_stops_are_refused_with_both_named_and_nothing_saved(
    client, methodologist, exhibition, kemerovo, khabarovsk
):
    client.force_login(methodologist)
    rows = [stop(kemerovo, D(2027, 3, 1), D(2027, 3, 31)), stop(khabarovsk, D(2027, 3, 15), D(2027, 4, 15))]
    response = post_stops(client, exhibition, rows)
    assert response.status_code == 200
    assert OVERLAP in response.content.decode()
    assert not ExhibitionStop.objects.exists()


def test_a_stop_overlapping_a_stored_one_is_refused(client, methodologist, exhibition, kemerovo, khabarovsk):
    ExhibitionStopFactory(exhibition=exhibition, venue=kemerovo, starts_on=D(2027, 3, 1), ends_on=D(2027, 3, 31))
    client.force_login(methodologist)
    response = post_stops(client, exhibition, [stop(khabarovsk, D(2027, 3, 15), D(2027, 4, 15))])
    assert response.status_code == 200
    assert OVERLAP in response.content.decode()
    assert ExhibitionStop.objects.count() == 1


@pytest.mark.parametrize("status", ["cancelled", "postponed"])
def test_a_cancelled_or_postponed_stop_may_overlap(client, methodologist, exhibition, kemerovo, khabarovsk, status):
    client.force_login(methodologist)
    rows = [
        stop(kemerovo, D(2027, 3, 1), D(2027, 3, 31)),
        stop(khabarovsk, D(2027, 3, 15), D(2027, 4, 15), status=status),
    ]
    assert post_stops(client, exhibition, rows).status_code == 302
    assert ExhibitionStop.objects.filter(exhibition=exhibition).count() == 2


def test_consecutive_stops_are_accepted(client, methodologist, exhibition, kemerovo, khabarovsk):
    client.force_login(methodologist)
    rows = [stop(kemerovo, D(2027, 3, 1), D(2027, 3, 31)), stop(khabarovsk, D(2027, 4, 1), D(2027, 4, 30))]
    assert post_stops(client, exhibition, rows).status_code == 302
    assert ExhibitionStop.objects.count() == 2


def test_two_stops_trading_their_dates_in_one_save_are_accepted(
    client, methodologist, exhibition, kemerovo, khabarovsk
):
    """The route is checked as submitted, not against the dates about to change."""
    first = ExhibitionStopFactory(
        exhibition=exhibition, venue=kemerovo, starts_on=D(2027, 3, 1), ends_on=D(2027, 3, 31)
    )
    second = ExhibitionStopFactory(
        exhibition=exhibition, venue=khabarovsk, starts_on=D(2027, 4, 1), ends_on=D(2027, 4, 30)
    )
    client.force_login(methodologist)
    data = page_data(client.get(change_url(exhibition)))
    stops = inline_formset(client.get(change_url(exhibition)), "stops").formset
    for index, form in enumerate(stops.forms[:2]):
        moved_to = (D(2027, 4, 1), D(2027, 4, 30)) if form.instance == first else (D(2027, 3, 1), D(2027, 3, 31))
        data[f"stops-{index}-starts_on"], data[f"stops-{index}-ends_on"] = (day.isoformat() for day in moved_to)
    assert client.post(change_url(exhibition), data).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.starts_on, second.starts_on) == (D(2027, 4, 1), D(2027, 3, 1))


def test_the_stop_page_refuses_an_overlap_with_the_route(client, methodologist, exhibition, kemerovo, khabarovsk):
    ExhibitionStopFactory(exhibition=exhibition, venue=kemerovo, starts_on=D(2027, 3, 1), ends_on=D(2027, 3, 31))
    client.force_login(methodologist)
    url = reverse("admin:exhibitions_exhibitionstop_add")
    data = page_data(client.get(url))
    data.update({"exhibition": str(exhibition.pk), **stop(khabarovsk, D(2027, 3, 15), D(2027, 4, 15))})
    response = client.post(url, data)
    assert response.status_code == 200
    assert OVERLAP in response.content.decode()
    assert ExhibitionStop.objects.count() == 1


def test_the_model_refuses_an_overlap_naming_both_stops(exhibition, kemerovo, khabarovsk):
    ExhibitionStopFactory(exhibition=exhibition, venue=kemerovo, starts_on=D(2027, 3, 1), ends_on=D(2027, 3, 31))
    later = ExhibitionStop(exhibition=exhibition, venue=khabarovsk, starts_on=D(2027, 3, 15), ends_on=D(2027, 4, 15))
    with pytest.raises(ValidationError) as refused:
        later.full_clean()
    assert refused.value.messages == [OVERLAP]


def test_a_stop_spanning_new_year_is_named_with_its_years(exhibition, kemerovo, khabarovsk):
    ExhibitionStopFactory(exhibition=exhibition, venue=kemerovo, starts_on=D(2026, 12, 1), ends_on=D(2027, 1, 31))
    later = ExhibitionStop(exhibition=exhibition, venue=khabarovsk, starts_on=D(2027, 1, 15), ends_on=D(2027, 2, 15))
    with pytest.raises(ValidationError) as refused:
        later.full_clean()
    assert refused.value.messages == [
        "Площадки «Кемерово, 01.12.2026–31.01.2027» и «Хабаровск, 15.01–15.02» пересекаются по датам."
    ]


def test_visitors_beyond_a_million_are_refused(client, methodologist, exhibition, kemerovo):
    client.force_login(methodologist)
    response = post_stops(client, exhibition, [stop(kemerovo, D(2027, 3, 1), D(2027, 3, 31), visitors="1000001")])
    assert response.status_code == 200
    assert "Убедитесь, что это значение меньше либо равно 1000000." in response.content.decode()
    assert not ExhibitionStop.objects.exists()


def test_the_exhibition_page_renders_its_stops_stacked(client, methodologist, exhibition, kemerovo):
    ExhibitionStopFactory(exhibition=exhibition, venue=kemerovo)
    client.force_login(methodologist)
    response = client.get(change_url(exhibition))
    assert inline_formset(response, "stops").opts.template == "admin/edit_inline/stacked.html"
    html = response.content.decode()
    group = html[html.index('id="stops-group"') : html.index('id="stops-group"') + 300]
    assert 'data-inline-type="stacked"' in group
