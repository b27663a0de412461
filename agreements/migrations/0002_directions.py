"""The directions of cooperation the host library reports by; editable in the admin afterwards."""

from django.db import migrations

DIRECTIONS = [
    ("professional-events", "Участие в профессиональных мероприятиях", 10),
    ("contests", "Совместные конкурсы детского и молодёжного творчества", 20),
    ("exhibitions", "Выставочные проекты", 30),
    ("outreach-projects", "Просветительские проекты", 40),
    ("telebridges", "Телемосты", 50),
]


def create_directions(apps, schema_editor):
    Direction = apps.get_model("agreements", "Direction")
    for slug, name, position in DIRECTIONS:
        Direction.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})


def remove_directions(apps, schema_editor):
    Direction = apps.get_model("agreements", "Direction")
    Direction.objects.filter(slug__in=[slug for slug, _, _ in DIRECTIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("agreements", "0001_initial")]
    operations = [migrations.RunPython(create_directions, remove_directions)]
