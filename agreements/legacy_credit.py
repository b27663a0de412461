"""For the data migrations that replaced each activity's single `agreement` link by the derived credit.

A link the rule gives anyway needs nothing; a link it would not give (the partner did not take part, or another
agreement was in force) is kept as a staff override, so no activity loses the agreement it was entered under.
"""

from django.utils import timezone

from agreements.models import Agreement, by_partner, credited_agreements

RULE_FIELDS = [
    "pk",
    "partner_id",
    "status",
    "signed_on",
    "valid_from",
    "valid_until",
    "auto_prolongation",
    "prolongation_years",
    "terminated_on",
]


def _agreements_of(apps) -> dict:
    rows = apps.get_model("agreements", "Agreement").objects.all()
    return by_partner(Agreement(**{name: getattr(row, name) for name in RULE_FIELDS}) for row in rows)


def event_parties(event) -> list:
    day = timezone.localdate(event.starts_at)
    return [(event.organiser_id, day)] + [(p.library_id, day) for p in event.participations.all()]


def episode_parties(episode) -> list:
    return [(episode.library_id, episode.published_on)]


def exhibition_parties(exhibition) -> list:
    stops = list(exhibition.stops.all())
    first = min((stop.starts_on for stop in stops), default=timezone.localdate(exhibition.created_at))
    return [(exhibition.provider_id, first)] + [(stop.venue_id, stop.starts_on) for stop in stops]


def contest_parties(contest) -> list:
    day = contest.submissions_from or contest.submissions_until or contest.results_on
    day = day or timezone.localdate(contest.created_at)
    return [(contest.organiser_id, day)] + [(curator.library_id, day) for curator in contest.curators.all()]


def keep_links_as_overrides(apps, app_label: str, model_name: str, parties_of) -> int:
    """Add each row's old `agreement` to `agreements_added` where the rule would not credit it; returns how many."""
    agreements_of = _agreements_of(apps)
    model = apps.get_model(app_label, model_name)
    kept = 0
    for row in model.objects.filter(agreement__isnull=False):
        if row.agreement_id not in credited_agreements(parties_of(row), agreements_of):
            row.agreements_added.add(row.agreement_id)
            kept += 1
    return kept
