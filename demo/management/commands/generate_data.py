"""Fill the database with synthetic cooperation data for benchmarks; the generator is demo.generator."""

import argparse
import dataclasses
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Library
from demo.generator.core import Generator
from demo.generator.pools import PREFIX
from demo.generator.writing import clear_generated
from events.models import Event


def count_argument(value: str) -> int:
    """argparse type for counts: a clear message instead of a traceback for '-5' or 'abc'."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("«%(value)s» — не целое число.") % {"value": value}) from None
    if number < 0:
        raise argparse.ArgumentTypeError(_("число не может быть отрицательным: %(value)s.") % {"value": value})
    return number


class Command(BaseCommand):
    # Plain strings: argparse cannot format lazy translations.
    help = (
        "Заполняет базу правдоподобными данными за несколько лет для проверки скорости отчётов: "
        "библиотеки-партнёры России и Казахстана, соглашения, мероприятия с участием библиотек, выставки, "
        "конкурсы и проект с выпусками. Сгенерированные записи помечены префиксом «gen-»; --clear удаляет "
        "только их (без --partners и --events — только удаляет)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--partners", type=count_argument, default=None, help="библиотек-партнёров (по умолчанию 100)"
        )
        parser.add_argument("--events", type=count_argument, default=None, help="мероприятий (по умолчанию 100000)")
        parser.add_argument(
            "--years", type=count_argument, default=10, help="за сколько лет, от 1 до 50 (по умолчанию 10)"
        )
        parser.add_argument(
            "--end-year", type=count_argument, default=None, help="последний год данных (по умолчанию текущий)"
        )
        parser.add_argument("--seed", type=int, default=42, help="зерно генератора случайных чисел (по умолчанию 42)")
        parser.add_argument("--clear", action="store_true", help="сначала удалить ранее сгенерированные записи")

    def handle(self, *args, **options):
        started = time.perf_counter()
        plan = Plan.from_options(options)
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # Throw-away data: do not wait for the WAL flush of one very large transaction.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            cleared = clear_generated() if plan.clear else None
            if plan.only_clear:
                self.stdout.write(_("Удалено сгенерированных записей: %(count)s.") % {"count": cleared})
                return
            if (
                Library.objects.filter(slug__startswith=PREFIX, is_host=False).exists()
                or Event.objects.filter(slug__startswith=PREFIX).exists()
            ):
                raise CommandError(
                    _("В базе уже есть сгенерированные данные. Запустите команду с --clear, чтобы заменить их.")
                )
            generator = Generator(
                seed=plan.seed,
                partners=plan.partners,
                events=plan.events,
                first_year=plan.first_year,
                end_year=plan.end_year,
                progress=self.stdout.write if options["verbosity"] >= 2 else None,
            )
            counts = generator.run()

        elapsed = time.perf_counter() - started
        summary = _(
            "Создано за %(seconds).1f с — библиотек-партнёров: %(partners)s, соглашений: %(agreements)s, "
            "мероприятий: %(events)s (черновиков: %(drafts)s), записей об участии: %(participations)s, "
            "выставок: %(exhibitions)s (площадок: %(stops)s), конкурсов: %(contests)s (работ: %(entries)s), "
            "проектов: %(projects)s (выпусков: %(episodes)s); годы %(first)s–%(last)s, зерно %(seed)s."
        ) % {**counts, "seconds": elapsed, "first": plan.first_year, "last": plan.end_year, "seed": plan.seed}
        if cleared is not None:
            summary = _("Удалено прежних: %(count)s. ") % {"count": cleared} + summary
        self.stdout.write(summary)


@dataclasses.dataclass(frozen=True)
class Plan:
    """The checked options: what to clear and what to generate."""

    partners: int
    events: int
    first_year: int
    end_year: int
    seed: int
    clear: bool
    only_clear: bool  # --clear without --partners and --events: delete and stop

    @classmethod
    def from_options(cls, options: dict) -> "Plan":
        """Check the options (call_command can pass any value, not only what argparse lets through)."""
        only_clear = options["clear"] and options["partners"] is None and options["events"] is None
        partners = 100 if options["partners"] is None else options["partners"]
        events = 100_000 if options["events"] is None else options["events"]
        years = options["years"]
        end_year = timezone.localdate().year if options["end_year"] is None else options["end_year"]
        for name in ("partners", "events", "years", "end_year"):
            if options[name] is not None and (not isinstance(options[name], int) or options[name] < 0):
                raise CommandError(
                    _("--%(name)s: нужно целое неотрицательное число, получено «%(value)s».")
                    % {"name": name.replace("_", "-"), "value": options[name]}
                )
        if not 1 <= years <= 50:
            raise CommandError(_("--years должно быть от 1 до 50, получено %(years)s.") % {"years": years})
        if not 1990 <= end_year - years + 1 <= end_year <= 2100:
            raise CommandError(
                _("Годы данных должны лежать в пределах 1990–2100, а получилось %(first)s–%(last)s.")
                % {"first": end_year - years + 1, "last": end_year}
            )
        if events and not partners and not only_clear:
            raise CommandError(_("Для мероприятий нужна хотя бы одна библиотека-партнёр: укажите --partners ≥ 1."))
        return cls(
            partners=partners,
            events=events,
            first_year=end_year - years + 1,
            end_year=end_year,
            seed=options["seed"],
            clear=options["clear"],
            only_clear=only_clear,
        )
