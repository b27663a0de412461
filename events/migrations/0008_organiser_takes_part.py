"""The organiser is entered once, on the event; its participation row follows it.

Until now the event's «организатор» and the participation rows were entered apart and nothing made them agree.
After this migration every event has a row for its organiser with the role «организатор» (a new row carries no
count: unknown, never zero), and a library that was marked «организатор» without being the event's organiser
becomes «соорганизатор», which the 6-НК rule and the credit rule treat alike. No figure changes.
"""

from django.db import migrations
from django.db.models import Exists, F, OuterRef

ORGANISER, CO_ORGANISER = "organiser", "co_organiser"


def reconcile_organisers(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Participation = apps.get_model("events", "Participation")
    Participation.objects.filter(role=ORGANISER).exclude(library_id=F("event__organiser_id")).update(role=CO_ORGANISER)
    Participation.objects.filter(library_id=F("event__organiser_id")).exclude(role=ORGANISER).update(role=ORGANISER)
    has_row = Participation.objects.filter(event_id=OuterRef("pk"), library_id=OuterRef("organiser_id"))
    missing = list(Event.objects.filter(~Exists(has_row)).values_list("pk", "organiser_id"))
    Participation.objects.bulk_create(
        [Participation(event_id=pk, library_id=organiser_id, role=ORGANISER) for pk, organiser_id in missing],
        batch_size=500,
    )


class Migration(migrations.Migration):
    # Data only, in one transaction: all rows reconciled or none.
    dependencies = [
        ("events", "0007_project_with_episodes_is_protected"),
    ]

    operations = [migrations.RunPython(reconcile_organisers, migrations.RunPython.noop)]
