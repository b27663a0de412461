"""Prolongation terms are bounded to 1..10 years from now on (a check constraint follows in the next migration).

A stored term outside the bounds was a typo: 0 would prolong by nothing, anything past 10 years pushed the end
date far beyond the years the site accepts. Such rows get the nearest bound, so the constraint can be added.
"""

from django.db import migrations

LOWEST, HIGHEST = 1, 10


def clamp_prolongation_years(apps, schema_editor) -> None:
    Agreement = apps.get_model("agreements", "Agreement")
    Agreement.objects.filter(prolongation_years__lt=LOWEST).update(prolongation_years=LOWEST)
    Agreement.objects.filter(prolongation_years__gt=HIGHEST).update(prolongation_years=HIGHEST)


class Migration(migrations.Migration):
    # On PostgreSQL a table cannot be altered in the transaction that just updated its rows (pending trigger
    # events), so the data step and the schema steps run each on its own.
    atomic = False

    dependencies = [("agreements", "0003_groups")]
    operations = [migrations.RunPython(clamp_prolongation_years, migrations.RunPython.noop)]
