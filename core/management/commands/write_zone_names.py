"""Writes static/js/zone-names.js: the Russian name of every time zone a reader's browser may report."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from core.timezones import zone_names

TARGET = Path(settings.BASE_DIR) / "static" / "js" / "zone-names.js"


def zone_names_script() -> str:
    names = json.dumps(zone_names(), ensure_ascii=False, indent=0, sort_keys=True)
    return (
        "/* The Russian name of each time zone, for the reader's own time on an event's page (local-time.js).\n"
        "   Written by `manage.py write_zone_names` from core.timezones.zone_names(): do not edit by hand. */\n"
        f"window.coopnetZoneNames = {names};\n"
    )


class Command(BaseCommand):
    help = "Write static/js/zone-names.js from the time zones' Russian names (core.timezones, CLDR through Babel)."

    def handle(self, *args, **options):
        TARGET.write_text(zone_names_script(), encoding="utf-8")
        self.stdout.write(f"{TARGET.relative_to(settings.BASE_DIR)}: {len(zone_names())} zones")
