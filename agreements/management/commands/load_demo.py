"""Load the libraries, agreements and joint activities of the host library's article as demo data."""

import datetime
import os
import zoneinfo
from collections import Counter
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from agreements import demo_data as data
from agreements.models import Agreement, Direction, Library
from contests.models import Contest, Curator, Entry
from events.models import Episode, Event, Participation, Person, Project
from exhibitions.models import Exhibition, ExhibitionStop

PASSWORD_ENV = "DJANGO_SUPERUSER_PASSWORD"
KEMEROVO = zoneinfo.ZoneInfo(data.HOST_LIBRARY["timezone"])

# Russian labels of the summary line, in the order they are printed.
SUMMARY_LABELS = [
    (Library, "библиотек"),
    (Agreement, "соглашений"),
    (Person, "гостей"),
    (Event, "мероприятий"),
    (Participation, "участий библиотек"),
    (Exhibition, "выставок"),
    (ExhibitionStop, "площадок выставок"),
    (Contest, "конкурсов"),
    (Curator, "кураторов"),
    (Entry, "работ участников"),
    (Project, "проектов"),
    (Episode, "выпусков"),
]


class Command(BaseCommand):
    help = (
        "Load the demo data: the host library, its ten partners, agreements, events, telebridges, exhibitions, "
        "contests and the «Сказки народов Кузбасса» project, plus a few demo events in the coming weeks. "
        "Safe to run repeatedly: rows are matched by natural keys and updated in place."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--superuser",
            metavar="USERNAME",
            help=f"Also create (or update) a superuser with this name; the password is read from ${PASSWORD_ENV}.",
        )

    def handle(self, *args, superuser=None, **options):
        password = None
        if superuser is not None:
            superuser = superuser.strip()
            if not superuser:
                raise CommandError("Укажите имя пользователя: --superuser ИМЯ.")
            password = os.environ.get(PASSWORD_ENV, "")
            if not password:
                raise CommandError(
                    f"Не задана переменная окружения {PASSWORD_ENV}: задайте пароль суперпользователя, "
                    f"например {PASSWORD_ENV}=… python manage.py load_demo --superuser {superuser}"
                )

        with transaction.atomic():
            loader = DemoLoader(today=timezone.localdate())
            loader.load()
            user_note = ""
            if superuser:
                created = create_superuser(superuser, password)
                user_note = f"; суперпользователь «{superuser}» {'создан' if created else 'обновлён'}"

        upcoming = sum(1 for event in loader.upcoming_events if event.ends_at >= timezone.now())
        parts = []
        for model, label in SUMMARY_LABELS:
            part = f"{label} {loader.touched[model]}"
            if model is Event:
                part += f" (предстоящих {upcoming})"
            parts.append(part)
        self.stdout.write(
            "Демо-данные загружены: "
            + ", ".join(parts)
            + f"; новых записей {sum(loader.created.values())}"
            + user_note
            + "."
        )


def create_superuser(username: str, password: str) -> bool:
    User = get_user_model()
    user, created = User.objects.get_or_create(**{User.USERNAME_FIELD: username})
    user.is_staff = True
    user.is_superuser = True
    user.is_active = True
    user.set_password(password)
    user.save()
    return created


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
        self.load_agreements()
        self.load_persons()
        for spec in data.EVENTS:
            self.load_event(spec, self.local_datetime(spec["starts"], spec["organiser"]), notes=spec["notes"])
        for spec in data.UPCOMING_EVENTS:
            starts = datetime.datetime.combine(
                self.today + datetime.timedelta(days=spec["days_ahead"]), data.UPCOMING_TIME, tzinfo=KEMEROVO
            )
            event = self.load_event(
                spec,
                starts,
                notes=data.NOTE_DEMO,
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
        host = self.upsert(Library, {"is_host": True}, _library_values(data.HOST_LIBRARY))
        self.libraries[host.slug] = host
        for spec in data.PARTNERS:
            values = _library_values(spec)
            values["is_host"] = False
            self.libraries[spec["slug"]] = self.upsert(Library, {"slug": values.pop("slug")}, values)

    def load_agreements(self) -> None:
        host = self.libraries[data.HOST]
        directions = {direction.slug: direction for direction in Direction.objects.all()}
        missing = {slug for spec in data.AGREEMENTS for slug in spec["directions"]} - directions.keys()
        if missing:
            raise CommandError(
                "Нет направлений сотрудничества: " + ", ".join(sorted(missing)) + ". Выполните manage.py migrate."
            )
        for spec in data.AGREEMENTS:
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

    def load_persons(self) -> None:
        for spec in data.PERSONS:
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
                "agreement": self.agreements[spec["agreement"]],
                "starts_at": starts,
                "ends_at": starts + datetime.timedelta(minutes=spec["minutes"]),
                "audience": spec["audience"],
                "age_rating": spec["age_rating"],
                "target_group": spec["target_group"],
                "location": spec.get("location", ""),
                "participants_count": spec["participants_count"],
                "description": spec["description"],
                "online_url": online_url,
                "notes": notes,
                "is_published": True,
            },
        )
        roles = {spec["organiser"]: Participation.Role.ORGANISER, **spec["participants"]}
        for slug, role in roles.items():
            self.upsert(Participation, {"event": event, "library": self.libraries[slug]}, {"role": role})
        event.guests.set([self.persons[slug] for slug in spec.get("guests", [])])
        return event

    def load_exhibitions(self) -> None:
        exhibitions = {}
        for spec in data.EXHIBITIONS:
            agreement = spec.get("agreement")
            exhibition = self.upsert(
                Exhibition,
                {"slug": spec["slug"]},
                {
                    "title": spec["title"],
                    "kind": spec["kind"],
                    "provider": self.libraries[spec["provider"]],
                    "agreement": self.agreements[agreement] if agreement else None,
                    "age_rating": spec["age_rating"],
                    "description": spec["description"],
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
                    },
                )
        # Exchanges are linked once both halves exist.
        for spec in data.EXHIBITIONS:
            if spec.get("counterpart"):
                exhibition = exhibitions[spec["slug"]]
                exhibition.counterpart = exhibitions[spec["counterpart"]]
                exhibition.full_clean()
                exhibition.save(update_fields=["counterpart", "updated_at"])

    def load_contests(self) -> None:
        for spec in data.CONTESTS:
            contest = self.upsert(
                Contest,
                {"slug": spec["slug"]},
                {
                    "title": spec["title"],
                    "organiser": self.libraries[spec["organiser"]],
                    "agreement": self.agreements[spec["agreement"]],
                    "theme": spec["theme"],
                    "scope": spec["scope"],
                    "is_online": spec["is_online"],
                    "nominations": spec.get("nominations", ""),
                    "age_rating": spec["age_rating"],
                    "submissions_from": spec["submissions_from"],
                    "submissions_until": spec["submissions_until"],
                    "results_on": spec["results_on"],
                    "description": spec["description"],
                    "notes": spec["notes"],
                    "is_published": True,
                },
            )
            for curator in spec.get("curators", []):
                self.upsert(
                    Curator,
                    {"contest": contest, "library": self.libraries[curator["library"]]},
                    {"region": curator["region"]},
                )
            for entry in spec["entries"]:
                self.upsert(
                    Entry,
                    {"contest": contest, "entrant_name": entry["entrant_name"]},
                    {
                        "age": entry["age"],
                        "locality": entry["locality"],
                        "curator": self.libraries[data.HOST],
                        "work_title": entry["work_title"],
                        "nomination": entry.get("nomination", ""),
                        "result": entry["result"],
                        "public_consent": entry.get("public_consent", False),
                    },
                )

    def load_project(self) -> None:
        spec = data.PROJECT
        project = self.upsert(
            Project,
            {"slug": spec["slug"]},
            {
                "title": spec["title"],
                "organiser": self.libraries[spec["organiser"]],
                "description": spec["description"],
                "started_on": spec["started_on"],
                "age_rating": spec["age_rating"],
                "is_published": True,
            },
        )
        for episode in data.EPISODES:
            agreement = episode.get("agreement")
            self.upsert(
                Episode,
                {"project": project, "number": episode["number"]},
                {
                    "title": episode["title"],
                    "tradition": episode["tradition"],
                    "library": self.libraries[episode["library"]],
                    "agreement": self.agreements[agreement] if agreement else None,
                    "description": episode["description"],
                    "video_url": episode.get("video_url", ""),
                    "published_on": episode["published_on"],
                    "is_published": True,
                },
            )


def _library_values(spec: dict) -> dict:
    values = dict(spec)
    values["latitude"] = Decimal(spec["latitude"])
    values["longitude"] = Decimal(spec["longitude"])
    values.setdefault("website", "")
    values.setdefault("address", "")
    values.setdefault("description", "")
    return values
