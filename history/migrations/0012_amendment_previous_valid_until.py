"""The end an amendment replaced, kept on the historical amendment too; for amendments entered before, it is read
from the agreement's own versions: the version just before the one the amendment made (its change reason names
the amendment) holds the end it replaced."""

from django.db import migrations, models


def _named(amendment) -> str:
    """`Amendment.__str__`, the change reason `apply_amendment` leaves on the agreement."""
    number = f" № {amendment.number}" if amendment.number else ""
    return f"Дополнительное соглашение{number} от {amendment.signed_on:%d.%m.%Y}"


def recall_replaced_ends(apps, schema_editor):
    Amendment = apps.get_model("agreements", "Amendment")
    HistoricalAgreement = apps.get_model("history", "HistoricalAgreement")
    for amendment in Amendment.objects.filter(new_valid_until__isnull=False, previous_valid_until__isnull=True):
        versions = list(
            HistoricalAgreement.objects.filter(id=amendment.agreement_id).order_by("history_date", "history_id")
        )
        for before, version in zip(versions, versions[1:], strict=False):
            if version.history_change_reason == _named(amendment) and version.valid_until == amendment.new_valid_until:
                if before.valid_until != version.valid_until:
                    amendment.previous_valid_until = before.valid_until
                    amendment.save(update_fields=["previous_valid_until"])
                break


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0012_amendment_previous_valid_until"),
        ("history", "0011_timezone_help"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalamendment",
            name="previous_valid_until",
            field=models.DateField(
                blank=True,
                editable=False,
                help_text="Записывается при сохранении: до какого дня действовало соглашение, пока срок не изменили.",
                null=True,
                verbose_name="срок до этого дополнительного соглашения",
            ),
        ),
        migrations.RunPython(recall_replaced_ends, migrations.RunPython.noop),
    ]
