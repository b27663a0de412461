"""Terms and tacit prolongations, computed at fixed dates, and the notice of non-prolongation."""

import datetime

import pytest
from django.urls import reverse

from agreements.models import Agreement, Term
from tests.factories import AgreementFactory, LibraryFactory

D = datetime.date
Kind = Term.Kind
pytestmark = pytest.mark.django_db


def spans(terms):
    return [(term.start, term.end, term.kind) for term in terms]


def test_an_auto_prolonged_agreement_runs_through_several_terms():
    agreement = AgreementFactory(
        signed_on=D(2018, 8, 20), valid_until=D(2019, 8, 20), auto_prolongation=True, prolongation_years=1
    )
    assert spans(agreement.terms(D(2022, 1, 10))) == [
        (D(2018, 8, 20), D(2019, 8, 20), Kind.INITIAL),
        (D(2019, 8, 21), D(2020, 8, 20), Kind.PROLONGATION),
        (D(2020, 8, 21), D(2021, 8, 20), Kind.PROLONGATION),
        (D(2021, 8, 21), D(2022, 8, 20), Kind.PROLONGATION),
    ]
    assert agreement.current_term_end(D(2022, 1, 10)) == D(2022, 8, 20)


def test_prolongation_by_three_years_and_a_29_february_end():
    agreement = AgreementFactory(
        signed_on=D(2016, 3, 1), valid_until=D(2020, 2, 29), auto_prolongation=True, prolongation_years=3
    )
    assert spans(agreement.terms(D(2026, 12, 1))) == [
        (D(2016, 3, 1), D(2020, 2, 29), Kind.INITIAL),
        (D(2020, 3, 1), D(2023, 2, 28), Kind.PROLONGATION),
        (D(2023, 3, 1), D(2026, 2, 28), Kind.PROLONGATION),
        (D(2026, 3, 1), D(2029, 2, 28), Kind.PROLONGATION),
    ]


def test_a_fixed_term_agreement_has_one_term_and_then_none_running():
    agreement = AgreementFactory(signed_on=D(2020, 1, 15), valid_until=D(2023, 1, 31))
    assert spans(agreement.terms(D(2026, 12, 1))) == [(D(2020, 1, 15), D(2023, 1, 31), Kind.INITIAL)]
    assert agreement.current_term_end(D(2022, 6, 1)) == D(2023, 1, 31)
    assert agreement.current_term_end(D(2023, 2, 1)) is None


def test_a_termination_cuts_the_running_term_short():
    agreement = AgreementFactory(
        signed_on=D(2018, 1, 10),
        valid_until=D(2019, 1, 10),
        auto_prolongation=True,
        status=Agreement.Status.TERMINATED,
        terminated_on=D(2020, 6, 1),
    )
    terms = agreement.terms(D(2026, 12, 1))
    assert spans(terms) == [
        (D(2018, 1, 10), D(2019, 1, 10), Kind.INITIAL),
        (D(2019, 1, 11), D(2020, 1, 10), Kind.PROLONGATION),
        (D(2020, 1, 11), D(2020, 5, 31), Kind.PROLONGATION),
    ]
    assert terms[-1].cut_short
    assert agreement.current_term_end(D(2020, 3, 1)) == D(2020, 5, 31)


def test_a_draft_has_no_terms():
    assert AgreementFactory(status=Agreement.Status.DRAFT).terms(D(2026, 12, 1)) == []


def _grid():
    """Agreements covering every branch of the rule: fixed, open-ended, prolonging, late or retroactive start,
    terminated in the middle of a term, a draft, an end before the signing."""
    T = Agreement.Status.TERMINATED
    rows = [
        {"signed_on": D(2019, 5, 1), "valid_until": D(2020, 5, 1)},
        {"signed_on": D(2019, 5, 1), "valid_until": None},
        {"signed_on": D(2019, 5, 1), "valid_until": D(2020, 2, 29), "auto_prolongation": True},
        {"signed_on": D(2019, 5, 1), "valid_until": D(2020, 5, 1), "auto_prolongation": True, "prolongation_years": 2},
        {"signed_on": D(2019, 5, 1), "valid_from": D(2019, 9, 1), "valid_until": D(2021, 1, 1)},
        {"signed_on": D(2019, 5, 1), "valid_from": D(2019, 1, 1), "valid_until": D(2020, 1, 1)},
        {"signed_on": D(2019, 5, 1), "valid_until": D(2020, 5, 1), "auto_prolongation": True, "status": T,
         "terminated_on": D(2021, 8, 15)},
        {"signed_on": D(2019, 5, 1), "valid_until": None, "status": T, "terminated_on": D(2020, 1, 1)},
        {"signed_on": D(2019, 5, 1), "status": Agreement.Status.DRAFT},
        {"signed_on": D(2019, 5, 1), "valid_from": None, "valid_until": D(2019, 3, 1), "auto_prolongation": True},
        {"signed_on": D(2019, 5, 1), "valid_from": None, "valid_until": D(2019, 3, 1)},
    ]  # fmt: skip
    return [AgreementFactory(**row) for row in rows]


def test_terms_agree_with_is_in_force_on_every_day():
    agreements = _grid()
    day = D(2018, 12, 1)
    while day <= D(2024, 12, 31):
        for agreement in agreements:
            in_a_term = any(term.contains(day) for term in agreement.terms(day))
            assert in_a_term == agreement.is_in_force_on(day), (agreement.pk, day)
        day += datetime.timedelta(days=3)


def test_no_date_overflows_far_in_the_future():
    agreement = AgreementFactory(valid_until=D(2100, 12, 31), auto_prolongation=True, prolongation_years=10)
    assert agreement.is_in_force_on(datetime.date.max)
    assert agreement.current_end(datetime.date.max) == datetime.date.max
    assert agreement.terms(datetime.date.max)[-1].end >= D(2100, 12, 31)


@pytest.mark.parametrize(
    ("today", "deadline", "window_open"),
    [
        (D(2026, 6, 1), D(2027, 1, 30), False),  # more than 60 days before the deadline
        (D(2026, 12, 1), D(2027, 1, 30), True),  # 60 days before it
        (D(2027, 1, 30), D(2027, 1, 30), True),  # the last day
        (D(2027, 1, 31), D(2027, 1, 30), False),  # passed: the term will be prolonged
        (D(2027, 3, 2), D(2028, 1, 31), False),  # the next term's deadline (2028 is a leap year)
    ],
)
def test_notice_deadline_and_window(today, deadline, window_open):
    agreement = AgreementFactory(
        signed_on=D(2024, 3, 1), valid_until=D(2025, 3, 1), auto_prolongation=True, notice_days=30
    )
    assert agreement.notice_deadline(today) == deadline
    assert agreement.notice_window_open(today) is window_open


def test_no_notice_deadline_without_prolongation_notice_period_or_when_terminated():
    fixed = AgreementFactory(valid_until=D(2027, 3, 1), notice_days=30)
    no_period = AgreementFactory(valid_until=D(2027, 3, 1), auto_prolongation=True)
    ending = AgreementFactory(
        valid_until=D(2027, 3, 1),
        auto_prolongation=True,
        notice_days=30,
        status=Agreement.Status.TERMINATED,
        terminated_on=D(2027, 3, 2),
    )
    for agreement in (fixed, no_period, ending):
        assert agreement.notice_deadline(D(2026, 12, 1)) is None
        assert not agreement.notice_window_open(D(2026, 12, 1))


def test_the_dashboard_rules_read_no_database(django_assert_num_queries):
    AgreementFactory.create_batch(3, valid_until=D(2027, 3, 1), auto_prolongation=True, notice_days=30)
    agreements = list(Agreement.objects.all())
    with django_assert_num_queries(0):
        for agreement in agreements:
            agreement.current_term_end(D(2026, 12, 1))
            agreement.notice_deadline(D(2026, 12, 1))
            agreement.notice_window_open(D(2026, 12, 1))


@pytest.mark.parametrize(("field", "value", "message"), [
    ("prolongation_years", "11", "Срок пролонгации — от 1 до 10 лет."),
    ("prolongation_years", "0", "Срок пролонгации — от 1 до 10 лет."),
    ("notice_days", "400", "Срок уведомления — не больше 365 дней."),
    ("valid_until", "01.01.2500", "Укажите дату между 1990 и 2100 годом."),
])  # fmt: skip
def test_out_of_range_terms_are_refused_in_russian(client, superuser, host, field, value, message):
    client.force_login(superuser)
    data = {
        "host": host.pk,
        "partner": LibraryFactory().pk,
        "title": "Соглашение о профессиональном сотрудничестве",
        "signed_on": "20.08.2018",
        "status": "in_force",
        "prolongation_years": "1",
        field: value,
    }
    response = client.post(reverse("admin:agreements_agreement_add"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Agreement.objects.exists()


def test_the_form_tells_the_browser_the_bounds(client, methodologist, host):
    client.force_login(methodologist)
    form = client.get(reverse("admin:agreements_agreement_add")).context["adminform"].form
    prolongation, notice = form.fields["prolongation_years"].widget.attrs, form.fields["notice_days"].widget.attrs
    assert (prolongation["min"], prolongation["max"]) == (1, 10)
    assert (notice["min"], notice["max"]) == (0, 365)
