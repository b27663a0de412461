"""Turn the demo world into rows: every row upserted by its natural key and validated as the admin would."""

import datetime
import zoneinfo
from collections import Counter
from decimal import Decimal

from django.core.management.base import CommandError

from agreements.models import Agreement, Contact, Direction, Library, agreements_credited_by
from contests.models import Contest, Curator, Entry, Nomination
from demo.agreements import AGREEMENTS
from demo.contests import CONTESTS
from demo.events import EVENTS, PERSONS, UPCOMING_EVENTS, UPCOMING_TIME
from demo.exhibitions import EXHIBITIONS
from demo.libraries import HOST, HOST_LIBRARY, PARTNERS
from demo.notes import NOTE_COORDINATES, NOTE_DEMO, NOTE_DEMO_CONTACT, NOTE_SHORT_NAME, NOTE_SITE_COUNTS, note
from demo.projects import EPISODES, PROJECT
from events.models import Episode, Event, Participation, Person, Project
from exhibitions.models import Exhibition, ExhibitionStop

KEMEROVO = zoneinfo.ZoneInfo(HOST_LIBRARY["timezone"])


class DemoLoader:
    """Upserts every demo row by its natural key; validates each row as the admin would."""

    def __init__(self, *, today: datetime.date):
        self.today = today
        self.touched: Counter = Counter()
        self.created: Counter = Counter()
        self.libraries: dict[str, Library] = {}
        self.agreements: dict[str, Agreement] = {}
        self.persons: dict[str, Person] = {}
        self.upcoming_events: list[Event] = []

    def upsert(self, model, keys: dict, values: dict):
        """update_or_create() with full_clean() before saving, so demo rows obey the same rules as admin input."""
        obj = model.objects.filter(**keys).first()
        created = obj is None
        if created:
            obj = model(**keys)
        for field, value in values.items():
            setattr(obj, field, value)
        obj.full_clean()
        obj.save()
        self.touched[model] += 1
        self.created[model] += created
        return obj

    def load(self) -> None:
        self.load_libraries()
        self.load_contacts()
        self.load_agreements()
        self.load_persons()
        for spec in EVENTS:
            self.load_event(spec, self.local_datetime(spec["starts"], spec["organiser"]), notes=spec["notes"])
        for spec in UPCOMING_EVENTS:
            starts = datetime.datetime.combine(
                self.today + datetime.timedelta(days=spec["days_ahead"]), UPCOMING_TIME, tzinfo=KEMEROVO
            )
            event = self.load_event(
                spec,
                starts,
                notes=NOTE_DEMO,
                online_url=f"https://example.org/demo/{spec['slug']}",
            )
            self.upcoming_events.append(event)
        self.load_exhibitions()
        self.load_contests()
        self.load_project()

    def local_datetime(self, naive: datetime.datetime, library_slug: str) -> datetime.datetime:
        return naive.replace(tzinfo=self.libraries[library_slug].tz)

    def load_libraries(self) -> None:
        # The host is matched by is_host: there can be only one, whatever its slug.
        host = self.upsert(Library, {"is_host": True}, _library_values(HOST_LIBRARY))
        self.libraries[host.slug] = host
        for spec in PARTNERS:
            values = _library_values(spec)
            values["is_host"] = False
            self.libraries[spec["slug"]] = self.upsert(Library, {"slug": values.pop("slug")}, values)

    def load_contacts(self) -> None:
        """One contact per partner, so a methodologist can try the partner portal's invitation (the email is printed
        to the console by `make run`). The article names no contacts: these are invented and say so."""
        for spec in PARTNERS:
            library = self.libraries[spec["slug"]]
            self.upsert(
                Contact,
                {"library": library, "email": f"metodist@{spec['slug']}.example.org"},
                {
                    "full_name": "Методист библиотеки (демонстрационный контакт)",
                    "position": "методист",
                    "phone": "",
                    "notes": NOTE_DEMO_CONTACT,
                },
            )

    def load_agreements(self) -> None:
        host = self.libraries[HOST]
        directions = {direction.slug: direction for direction in Direction.objects.all()}
        missing = {slug for spec in AGREEMENTS for slug in spec["directions"]} - directions.keys()
        if missing:
            raise CommandError(
                "Нет направлений сотрудничества: " + ", ".join(sorted(missing)) + ". Выполните manage.py migrate."
            )
        for spec in AGREEMENTS:
            partner = self.libraries[spec["partner"]]
            agreement = self.upsert(
                Agreement,
                {"host": host, "partner": partner, "signed_on": spec["signed_on"]},
                {
                    "title": spec.get("title", "Соглашение о профессиональном сотрудничестве"),
                    "signed_at": spec.get("signed_at", ""),
                    "valid_from": spec["signed_on"],
                    "valid_until": None,
                    "auto_prolongation": False,
                    "status": Agreement.Status.IN_FORCE,
                    "terminated_on": None,
                    "is_public": True,
                    "notes": spec["notes"],
                },
            )
            agreement.directions.set([directions[slug] for slug in spec["directions"]])
            self.agreements[spec["partner"]] = agreement

    def keep_agreement(self, activity, slug: str | None) -> None:
        """The demo names the agreement each activity served; the rule derives it from who took part and when.
        Where the rule would not give it, the demo's agreement is kept as a staff override."""
        if slug and self.agreements[slug].pk not in agreements_credited_by(activity):
            activity.agreements_added.add(self.agreements[slug])

    def load_persons(self) -> None:
        for spec in PERSONS:
            values = {key: value for key, value in spec.items() if key != "slug"}
            values.setdefault("about", "")
            self.persons[spec["slug"]] = self.upsert(Person, {"slug": spec["slug"]}, values)

    def load_event(self, spec: dict, starts: datetime.datetime, *, notes: str, online_url: str = "") -> Event:
        organiser = self.libraries[spec["organiser"]]
        event = self.upsert(
            Event,
            {"slug": spec["slug"]},
            {
                "title": spec["title"],
                "kind": spec["kind"],
                "format": spec.get("format", Event.Format.ONLINE),
                "venue": spec.get("venue", Event.Venue.REMOTE),
                "scope": spec["scope"],
                "organiser": organiser,
                "status": spec["status"],
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(minutes=spec["minutes"]),
                "audience": spec["audience"],
                "age_rating": spec["age_rating"],
                "target_group": spec["target_group"],
                "location": spec.get("location", ""),
                "participants_count": spec.get("participants_count"),
                "online_viewers": None,
                "description": spec["description"],
                "online_url": online_url,
                "notes": notes,
                "is_published": True,
            },
        )
        roles = {spec["organiser"]: Participation.Role.ORGANISER, **spec["participants"]}
        site_counts = spec.get("site_counts", {})
        for slug, role in roles.items():
            count = site_counts.get(slug)
            self.upsert(
                Participation,
                {"event": event, "library": self.libraries[slug]},
                {"role": role, "participants_count": count, "notes": NOTE_SITE_COUNTS if count is not None else ""},
            )
        # A library the demo no longer names (an organiser corrected, say) leaves the event.
        event.participations.exclude(library__slug__in=roles).delete()
        event.guests.set([self.persons[slug] for slug in spec.get("guests", [])])
        self.keep_agreement(event, spec.get("agreement"))
        return event

    def load_exhibitions(self) -> None:
        exhibitions = {}
        for spec in EXHIBITIONS:
            exhibition = self.upsert(
                Exhibition,
                {"slug": spec["slug"]},
                {
                    "title": spec["title"],
                    "kind": spec["kind"],
                    "provider": self.libraries[spec["provider"]],
                    "age_rating": spec["age_rating"],
                    "description": spec["description"],
                    "status": spec["status"],
                    "notes": spec["notes"],
                    "is_published": True,
                },
            )
            exhibitions[spec["slug"]] = exhibition
            for stop in spec["stops"]:
                self.upsert(
                    ExhibitionStop,
                    {"exhibition": exhibition, "venue": self.libraries[stop["venue"]], "starts_on": stop["starts_on"]},
                    {
                        "ends_on": stop["ends_on"],
                        "visitors": stop.get("visitors"),
                        "excursions": stop.get("excursions"),
                        "status": stop.get("status", spec["status"]),
                        "notes": stop["notes"],
                    },
                )
            self.keep_agreement(exhibition, spec.get("agreement"))
        # Exchanges are linked once both halves exist.
        for spec in EXHIBITIONS:
            if spec.get("counterpart"):
                exhibition = exhibitions[spec["slug"]]
                exhibition.counterpart = exhibitions[spec["counterpart"]]
                exhibition.full_clean()
                exhibition.save(update_fields=["counterpart", "updated_at"])

    def load_contests(self) -> None:
        for spec in CONTESTS:
            contest = self.upsert(
                Contest,
                {"slug": spec["slug"]},
                {
                    "title": spec["title"],
                    "organiser": self.libraries[spec["organiser"]],
                    "theme": spec["theme"],
                    "scope": spec["scope"],
                    "is_online": spec["is_online"],
                    "age_rating": spec["age_rating"],
                    "submissions_from": spec["submissions_from"],
                    "submissions_until": spec["submissions_until"],
                    "results_on": spec["results_on"],
                    "description": spec["description"],
                    "status": spec["status"],
                    "notes": spec["notes"],
                    "is_published": True,
                },
            )
            nominations = {
                name: self.upsert(Nomination, {"contest": contest, "name": name}, {"position": position})
                for position, name in enumerate(spec.get("nominations", "").splitlines(), start=1)
            }
            curators = [curator["library"] for curator in spec.get("curators", [])]
            for curator in spec.get("curators", []):
                self.upsert(
                    Curator,
                    {"contest": contest, "library": self.libraries[curator["library"]]},
                    {"region": curator["region"]},
                )
            # The demo's entrants are from Kuzbass: curated by the host where it curates the contest.
            entry_curator = self.libraries[HOST] if HOST in curators else None
            self.keep_agreement(contest, spec.get("agreement"))
            for entry in spec["entries"]:
                self.upsert(
                    Entry,
                    {"contest": contest, "entrant_name": entry["entrant_name"]},
                    {
                        "age": entry["age"],
                        "locality": entry["locality"],
                        "curator": entry_curator,
                        "work_title": entry["work_title"],
                        "nomination": nominations.get(entry.get("nomination", "")),
                        "result": entry["result"],
                        "public_consent": entry.get("public_consent", False),
                    },
                )

    def load_project(self) -> None:
        spec = PROJECT
        project = self.upsert(
            Project,
            {"slug": spec["slug"]},
            {
                "title": spec["title"],
                "organiser": self.libraries[spec["organiser"]],
                "description": spec["description"],
                "started_on": spec["started_on"],
                "age_rating": spec["age_rating"],
                "notes": spec["notes"],
                "is_published": True,
            },
        )
        for episode in EPISODES:
            made = self.upsert(
                Episode,
                {"project": project, "number": episode["number"]},
                {
                    "title": episode["title"],
                    "tradition": episode["tradition"],
                    "library": self.libraries[episode["library"]],
                    "description": episode["description"],
                    "video_url": episode.get("video_url", ""),
                    "published_on": episode["published_on"],
                    "status": episode["status"],
                    "notes": episode["notes"],
                    "is_published": True,
                },
            )
            self.keep_agreement(made, episode.get("agreement"))


def _library_values(spec: dict) -> dict:
    values = dict(spec)
    # The article gives no coordinates, and names the partners in full: their abbreviations are the demo's own.
    own_short_name = spec.get("slug") != HOST
    values.setdefault("notes", note(NOTE_COORDINATES, *([NOTE_SHORT_NAME] if own_short_name else [])))
    values["latitude"] = Decimal(spec["latitude"])
    values["longitude"] = Decimal(spec["longitude"])
    values.setdefault("website", "")
    values.setdefault("address", "")
    values.setdefault("description", "")
    return values
