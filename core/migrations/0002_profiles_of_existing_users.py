"""Every user who existed before profiles gets one, addressed as their name suggests (`core.people.guess_gender`),
or without a gender when it does not say; staff change it on the user's page in the admin."""

from django.db import migrations


def create_profiles(apps, schema_editor):
    from core.people import guess_gender

    User = apps.get_model("auth", "User")
    Profile = apps.get_model("core", "Profile")
    have = set(Profile.objects.values_list("user_id", flat=True))
    Profile.objects.bulk_create(
        Profile(user_id=user.pk, gender=guess_gender(user.first_name, user.last_name))
        for user in User.objects.exclude(pk__in=have).only("pk", "first_name", "last_name")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_profiles, migrations.RunPython.noop)]
