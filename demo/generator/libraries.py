"""Generated libraries: the host (the real one when it exists), partners with contacts, and their agreements."""

from __future__ import annotations

import datetime
import itertools
import random
import zoneinfo
from decimal import Decimal
from typing import TYPE_CHECKING

from agreements.models import Agreement, Contact, Direction, Library
from core.dates import add_years
from demo.generator.pools import (
    HOST_TZ,
    KZ_SHARE,
    LIBRARY_NAMES,
    NAMED_AFTER,
    PLACES,
    PREFIX,
    SIGNED_AT,
    coordinate,
    person_name,
    random_date,
    weighted,
)
from demo.generator.writing import BATCH_SIZE

if TYPE_CHECKING:
    from demo.generator.core import Generator

# How each partner's (first) agreement ends up, by weight.
AGREEMENT_FATES = {"open": 25, "auto": 25, "fixed": 22, "expired": 12, "terminated": 10, "draft": 3}


class Partner:
    """What the generator needs to know about a library while it builds activities."""

    __slots__ = ("pk", "index", "slug", "region", "city", "tz", "country", "active_from", "active_until", "agreements")

    def __init__(self, library: Library, active_from=None, active_until=None):
        self.pk = library.pk
        self.slug = library.slug
        self.region = library.region
        self.city = library.city
        self.tz = zoneinfo.ZoneInfo(library.timezone)
        self.country = library.country
        self.active_from = active_from
        self.active_until = active_until
        self.agreements: list[tuple[datetime.date, datetime.date, int]] = []  # (from, until, pk)


def get_host(gen: Generator) -> Partner:
    host = Library.host()
    if host is None:
        host = Library.objects.create(
            name="Государственная библиотека Кузбасса для детей и молодёжи",
            short_name="Библиотека Кузбасса для детей и молодёжи",
            kind=Library.Kind.CHILDREN_YOUTH,
            country=Library.Country.RUSSIA,
            region="Кемеровская область — Кузбасс",
            city="Кемерово",
            timezone=HOST_TZ,
            latitude=Decimal("55.35490"),
            longitude=Decimal("86.08730"),
            slug=f"{PREFIX}host",
            is_host=True,
        )
    return Partner(host, gen.first_day, gen.last_day)


def create_partners(gen: Generator) -> list[Partner]:
    rng = gen.rng
    ru = [place for place in PLACES if place[0] == "RU"]
    kz = [place for place in PLACES if place[0] == "KZ"]
    names = [(kind, name, abbr) for kind, name, abbr, _w in LIBRARY_NAMES]
    name_weights = [weight for *_rest, weight in LIBRARY_NAMES]
    width = max(3, len(str(gen.n_partners)))
    seen: dict[str, int] = {}
    rows = []
    for i in range(gen.n_partners):
        country, region, city, tz, lat, lon = rng.choice(kz if rng.random() < KZ_SHARE else ru)
        kind, name, abbr = rng.choices(names, weights=name_weights)[0]
        named = rng.choice(NAMED_AFTER)
        short = f"{abbr} {city}"
        seen[short] = seen.get(short, 0) + 1
        if seen[short] > 1:
            short = f"{short} № {seen[short]}"
        full = f"{name}{f' имени {named}' if named else ''} (г. {city})"
        rows.append(
            Library(
                name=full,
                short_name=short,
                named_after=named,
                kind=kind,
                country=country,
                region=region,
                city=city,
                timezone=tz,
                latitude=coordinate(lat, rng),
                longitude=coordinate(lon, rng),
                website=f"https://library-{i + 1:0{width}d}.example.org/",
                address=f"ул. {rng.choice(['Ленина', 'Мира', 'Советская', 'Абая', 'Пушкина', 'Гагарина'])}, "
                f"д. {rng.randint(1, 120)}",
                description=f"Библиотека-партнёр: {region}.",
                slug=f"{PREFIX}library-{i + 1:0{width}d}",
            )
        )
    Library.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    create_contacts(rng, rows)
    gen.counts["partners"] = len(rows)
    gen.log(f"partners: {len(rows)}")
    return [Partner(library) for library in rows]


def create_contacts(rng: random.Random, libraries: list[Library]) -> None:
    contacts = []
    for library in libraries:
        for _n in range(rng.randint(1, 2)):
            contacts.append(
                Contact(
                    library=library,
                    full_name=person_name(rng),
                    position=rng.choice(["директор", "заместитель директора", "методист", "заведующий отделом"]),
                    email=f"{library.slug}-{len(contacts)}@example.org",
                    phone="+7 900 000-00-00",
                )
            )
    Contact.objects.bulk_create(contacts, batch_size=BATCH_SIZE)


def create_agreements(gen: Generator) -> None:
    """Most agreements are in force; some are open-ended, some prolong themselves, some expired or ended."""
    rng = gen.rng
    first, last = gen.first_day, gen.last_day
    span_days = (last - first).days
    rows: list[Agreement] = []
    plans: list[tuple[Partner, datetime.date, datetime.date | None]] = []  # (partner, active from, until) per row
    number = itertools.count(1)

    def agreement(partner: Partner, signed: datetime.date, fate: str) -> datetime.date | None:
        valid_from, fields, active_until = agreement_terms(rng, signed, fate, last)
        rows.append(
            Agreement(
                host_id=gen.host.pk,
                partner_id=partner.pk,
                number=f"{PREFIX}{next(number):04d}/С",
                signed_on=signed,
                signed_at=rng.choice(SIGNED_AT),
                valid_from=valid_from,
                host_signatory=person_name(rng),
                host_signatory_position="директор",
                partner_signatory=person_name(rng),
                partner_signatory_position="директор",
                is_public=rng.random() < 0.9,
                **fields,
            )
        )
        plans.append((partner, valid_from, active_until))
        return active_until

    for partner in gen.partners:
        # A third of the partners signed in the first two years; the rest joined later.
        if rng.random() < 0.35:
            signed = first + datetime.timedelta(days=rng.randint(0, min(730, span_days)))
        else:
            signed = first + datetime.timedelta(days=rng.randint(0, span_days))
        fate = weighted(rng, AGREEMENT_FATES)
        if fate in ("expired", "terminated") and rng.random() < 0.5:
            # The partnership went on under a new agreement.
            ended = agreement(partner, signed, fate)
            renewed = ended + datetime.timedelta(days=rng.randint(1, 120))
            fate = rng.choice(["open", "auto", "fixed"])
            if renewed <= last:
                signed = renewed
                ended = agreement(partner, signed, fate)
            end_of_activity = ended
        else:
            end_of_activity = agreement(partner, signed, fate)
        # Partners worked together a while before signing; a tenth went quiet but kept the agreement.
        partner.active_from = max(first, signed - datetime.timedelta(days=rng.randint(0, 540)))
        partner.active_until = end_of_activity or last
        if fate in ("open", "auto") and rng.random() < 0.12:
            partner.active_until = max(partner.active_from, last - datetime.timedelta(days=rng.randint(400, 900)))

    Agreement.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    link_agreements(rng, rows, plans)
    gen.partner_cum_weights = list(itertools.accumulate(rng.paretovariate(1.3) for _p in gen.partners))
    gen.counts["agreements"] = len(rows)
    gen.log(f"agreements: {len(rows)}")


def agreement_terms(
    rng: random.Random, signed: datetime.date, fate: str, last: datetime.date
) -> tuple[datetime.date, dict, datetime.date | None]:
    """(valid from, the fields that follow from the agreement's fate, the last day the partner is active)."""
    valid_from = signed if rng.random() < 0.8 else signed + datetime.timedelta(days=rng.randint(1, 30))
    fields = {
        "valid_until": None,
        "auto_prolongation": False,
        "status": Agreement.Status.IN_FORCE,
        "terminated_on": None,
        "prolongation_years": 1,
    }
    active_until: datetime.date | None = last
    if fate == "auto":
        fields["valid_until"] = add_years(valid_from, rng.randint(1, 3))
        fields["auto_prolongation"] = True
        fields["prolongation_years"] = rng.randint(1, 3)
    elif fate == "fixed":  # runs past the data's end; a few expire during the next year
        fields["valid_until"] = max(
            add_years(valid_from, rng.randint(3, 5)), last + datetime.timedelta(days=rng.randint(30, 900))
        )
    elif fate == "expired":
        fields["valid_until"] = min(
            add_years(valid_from, rng.randint(1, 3)), last - datetime.timedelta(days=rng.randint(30, 400))
        )
        fields["valid_until"] = max(fields["valid_until"], valid_from)
        active_until = fields["valid_until"]
    elif fate == "terminated":
        fields["status"] = Agreement.Status.TERMINATED
        fields["terminated_on"] = random_date(rng, signed + datetime.timedelta(days=90), last)
        fields["valid_until"] = None if rng.random() < 0.5 else add_years(valid_from, 5)
        active_until = fields["terminated_on"]
    elif fate == "draft":
        fields["status"] = Agreement.Status.DRAFT
        active_until = None
    return valid_from, fields, active_until


def link_agreements(
    rng: random.Random, rows: list[Agreement], plans: list[tuple[Partner, datetime.date, datetime.date | None]]
) -> None:
    """Give each partner its agreements' periods, and each agreement a few directions."""
    direction_ids = list(Direction.objects.order_by("pk").values_list("pk", flat=True))
    links = []
    for row, (partner, valid_from, active_until) in zip(rows, plans, strict=True):
        if active_until is not None:
            partner.agreements.append((valid_from, active_until, row.pk))
        if direction_ids:
            for direction_id in rng.sample(direction_ids, rng.randint(min(2, len(direction_ids)), len(direction_ids))):
                links.append(Agreement.directions.through(agreement_id=row.pk, direction_id=direction_id))
    Agreement.directions.through.objects.bulk_create(links, batch_size=BATCH_SIZE)
