"""Load the libraries, agreements and joint activities of the host library's article as demo data."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from agreements.models import Agreement, Library
from contests.models import Contest, Curator, Entry
from demo.loader import DemoLoader
from events.models import Episode, Event, Participation, Person, Project
from exhibitions.models import Exhibition, ExhibitionStop

PASSWORD_ENV = "DJANGO_SUPERUSER_PASSWORD"

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
