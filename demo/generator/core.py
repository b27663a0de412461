"""The generator's state and the draws every part shares: days, and partners working with us on a day."""

import bisect
import datetime
import itertools
import random

from demo.generator.activities import create_contests, create_exhibitions, create_projects
from demo.generator.events import create_events, create_guests
from demo.generator.libraries import Partner, create_agreements, create_partners, get_host
from demo.generator.pools import MONTH_WEIGHTS


class Generator:
    """One run: a seeded random stream, drawn in a fixed order, so a seed always gives the same data."""

    def __init__(self, *, seed: int, partners: int, events: int, first_year: int, end_year: int, progress=None):
        self.rng = random.Random(seed)
        self.n_partners = partners
        self.n_events = events
        self.first_day = datetime.date(first_year, 1, 1)
        self.last_day = datetime.date(end_year, 12, 31)
        self.years = list(range(first_year, end_year + 1))
        # Cooperation grows over the years.
        self.year_cum_weights = list(itertools.accumulate(1 + 0.12 * i for i in range(len(self.years))))
        self.month_cum_weights = list(itertools.accumulate(MONTH_WEIGHTS))
        self.progress = progress
        self.counts = dict.fromkeys(
            [
                "partners",
                "agreements",
                "events",
                "drafts",
                "participations",
                "exhibitions",
                "stops",
                "contests",
                "entries",
                "projects",
                "episodes",
            ],
            0,
        )
        self.host: Partner
        self.partners: list[Partner] = []
        self.libraries: list[Partner] = []
        self.partner_cum_weights: list[float] = []  # set with the agreements: busy partners are picked more often
        self.guests: list[int] = []

    def log(self, message: str) -> None:
        if self.progress:
            self.progress(message)

    def run(self) -> dict:
        self.host = get_host(self)
        self.partners = create_partners(self)
        self.libraries = [self.host, *self.partners]
        create_agreements(self)
        if self.n_events:
            self.guests = create_guests(self)
            create_events(self)
            create_exhibitions(self)
            create_contests(self)
            create_projects(self)
        return self.counts

    def random_day(self) -> datetime.date:
        rng = self.rng
        year = self.years[bisect.bisect(self.year_cum_weights, rng.random() * self.year_cum_weights[-1])]
        month = bisect.bisect(self.month_cum_weights, rng.random() * self.month_cum_weights[-1]) + 1
        day = rng.randint(1, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
        return datetime.date(year, month, day)

    def pick_partners(self, day: datetime.date, count: int, exclude: Partner | None = None) -> list[Partner]:
        """Up to `count` distinct partners working with us on that day; busy partners more often."""
        rng, chosen = self.rng, []
        weights, total = self.partner_cum_weights, self.partner_cum_weights[-1]
        for _attempt in range(count * 6):
            partner = self.partners[bisect.bisect(weights, rng.random() * total)]
            if partner is exclude or partner in chosen:
                continue
            if partner.active_from <= day <= partner.active_until:
                chosen.append(partner)
                if len(chosen) == count:
                    break
        return chosen

    def some_partner(self, day: datetime.date) -> Partner:
        found = self.pick_partners(day, 1)
        return found[0] if found else self.rng.choice(self.partners)
