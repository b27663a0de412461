"""Award levels beyond «победитель», and nominations as rows of their contest.

A winner with a place below the first becomes a prize-winner (призёр), keeping the place. Each contest's nominations,
typed one a line, and the free-text nominations of its entries become `Nomination` rows (the contest's own order
first, then the entries' in alphabetical order); entries link to theirs.
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

NAME_LENGTH = 200


def _key(name: str) -> str:
    """Spellings differing only in case or spacing are one nomination."""
    return " ".join(name.split()).casefold()


def _clean(name: str) -> str:
    return " ".join(name.split())[:NAME_LENGTH]


def _nominations_of(contest, entry_names) -> list[str]:
    names, seen = [], set()
    for name in [*contest.nominations_text.splitlines(), *sorted(entry_names, key=_key)]:
        if _clean(name) and _key(_clean(name)) not in seen:
            seen.add(_key(_clean(name)))
            names.append(_clean(name))
    return names


def to_levels_and_rows(apps, schema_editor):
    Contest = apps.get_model("contests", "Contest")
    Entry = apps.get_model("contests", "Entry")
    Nomination = apps.get_model("contests", "Nomination")

    Entry.objects.filter(result="winner", place__gt=1).update(result="prize_winner")

    typed = {}
    for contest_id, text in Entry.objects.exclude(nomination_text="").values_list("contest_id", "nomination_text"):
        typed.setdefault(contest_id, set()).add(text)
    for contest in Contest.objects.order_by("pk").only("pk", "nominations_text"):
        names = _nominations_of(contest, typed.get(contest.pk, set()))
        rows = {
            _key(name): Nomination.objects.create(contest_id=contest.pk, name=name, position=position)
            for position, name in enumerate(names, start=1)
        }
        for text in typed.get(contest.pk, set()):
            if _clean(text):
                Entry.objects.filter(contest_id=contest.pk, nomination_text=text).update(
                    nomination=rows[_key(_clean(text))]
                )


def to_text(apps, schema_editor):
    Contest = apps.get_model("contests", "Contest")
    Entry = apps.get_model("contests", "Entry")
    Nomination = apps.get_model("contests", "Nomination")

    Entry.objects.filter(result="prize_winner").update(result="winner")
    Entry.objects.filter(result__in=["laureate_1", "laureate_2", "laureate_3"]).update(result="laureate")
    Entry.objects.filter(result="diploma").update(result="finalist")

    names = {}
    for nomination in Nomination.objects.order_by("contest_id", "position", "name"):
        names.setdefault(nomination.contest_id, []).append(nomination.name)
        Entry.objects.filter(nomination_id=nomination.pk).update(nomination_text=nomination.name)
    for contest_id, listed in names.items():
        Contest.objects.filter(pk=contest_id).update(nominations_text="\n".join(listed))


RESULTS = [
    ("winner", "победитель"),
    ("prize_winner", "призёр"),
    ("laureate_1", "лауреат I степени"),
    ("laureate_2", "лауреат II степени"),
    ("laureate_3", "лауреат III степени"),
    ("laureate", "лауреат (без степени)"),
    ("diploma", "дипломант"),
    ("finalist", "финалист"),
    ("participant", "участник"),
]


class Migration(migrations.Migration):
    # On PostgreSQL a table cannot be altered in the transaction that just updated its rows (pending trigger
    # events), so the data step runs in its own transaction and the schema steps each on their own.
    atomic = False

    dependencies = [
        ("agreements", "0003_groups"),
        ("contests", "0003_credit"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="entry", name="entry_place_only_for_winner"),
        migrations.RenameField(model_name="contest", old_name="nominations", new_name="nominations_text"),
        migrations.RenameField(model_name="entry", old_name="nomination", new_name="nomination_text"),
        migrations.CreateModel(
            name="Nomination",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=200, verbose_name="номинация")),
                (
                    "position",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Меньше — выше в списке.",
                        validators=[django.core.validators.MaxValueValidator(1000)],
                        verbose_name="порядок",
                    ),
                ),
                (
                    "contest",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="nominations",
                        to="contests.contest",
                        verbose_name="конкурс",
                    ),
                ),
            ],
            options={
                "verbose_name": "номинация",
                "verbose_name_plural": "номинации",
                "ordering": ["contest", "position", "name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("contest", "name"),
                        name="nomination_unique_name",
                        violation_error_message="Такая номинация у конкурса уже есть.",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="entry",
            name="nomination",
            field=models.ForeignKey(
                blank=True,
                help_text="Одна из номинаций этого конкурса.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="entries",
                to="contests.nomination",
                verbose_name="номинация",
            ),
        ),
        migrations.AlterField(
            model_name="entry",
            name="result",
            field=models.CharField(choices=RESULTS, default="participant", max_length=20, verbose_name="результат"),
        ),
        migrations.RunPython(to_levels_and_rows, to_text, atomic=True),
        migrations.RemoveField(model_name="contest", name="nominations_text"),
        migrations.RemoveField(model_name="entry", name="nomination_text"),
        migrations.AlterField(
            model_name="entry",
            name="place",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="Только у победителя или призёра.",
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(100),
                ],
                verbose_name="место",
            ),
        ),
        migrations.AlterField(
            model_name="entry",
            name="curator",
            field=models.ForeignKey(
                blank=True,
                help_text="Одна из библиотек-кураторов конкурса.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="curated_entries",
                to="agreements.library",
                verbose_name="библиотека-куратор",
            ),
        ),
        migrations.AlterField(
            model_name="contest",
            name="age_min",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[django.core.validators.MaxValueValidator(120)],
                verbose_name="возраст участников от",
            ),
        ),
        migrations.AlterField(
            model_name="contest",
            name="age_max",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[django.core.validators.MaxValueValidator(120)],
                verbose_name="возраст участников до",
            ),
        ),
        migrations.AddConstraint(
            model_name="entry",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("place__isnull", True), ("result__in", ["winner", "prize_winner"]), _connector="OR"
                ),
                name="entry_place_only_for_placed",
                violation_error_message="Место указывается только у победителя или призёра.",
            ),
        ),
    ]
