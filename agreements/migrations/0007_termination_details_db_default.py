"""The termination details default to empty in the database too, so rows written by code that does not know
them yet (an older release during a deploy, a migration test's historical models) are accepted."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0006_amendment_permissions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="agreement",
            name="termination_initiator",
            field=models.CharField(
                blank=True,
                choices=[("host", "наша библиотека"), ("partner", "партнёр"), ("mutual", "по соглашению сторон")],
                db_default="",
                default="",
                max_length=20,
                verbose_name="инициатор расторжения",
            ),
        ),
        migrations.AlterField(
            model_name="agreement",
            name="termination_reason",
            field=models.TextField(blank=True, db_default="", default="", verbose_name="причина расторжения"),
        ),
    ]
