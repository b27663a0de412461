import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reminders.mail import send_reminders
from reminders.partners import send_partner_reminders


def parse_day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today: «{value}» is not a date; use YYYY-MM-DD, e.g. 2026-12-01") from None


class Command(BaseCommand):
    help = (
        "Email the methodologists what needs their attention (agreements ending or dormant, activities to confirm, "
        "upcoming events lacking a link or a place), each item once; and ask partner libraries' portal members for "
        "their figures after an activity, and once more a week later. Run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="the day to check as, YYYY-MM-DD (default: today in Kemerovo)")
        parser.add_argument("--dry-run", action="store_true", help="print the email instead of sending it")

    def handle(self, *args, **options):
        today = parse_day(options["today"]) if options["today"] else timezone.localdate()
        outcome = send_reminders(today, dry_run=options["dry_run"], leads=settings.REMINDER_LEAD_DAYS)
        if not outcome.items:
            self.stdout.write(f"{today}: nothing due, no email sent.")
        elif not outcome.recipients:
            self.stderr.write(f"{today}: {len(outcome.items)} item(s) due, but no methodologist has an email address.")
        elif options["dry_run"]:
            message = outcome.message
            self.stdout.write(f"To: {', '.join(message.to)}\nSubject: {message.subject}\n\n{message.body}")
            self.stdout.write(f"{today}: dry run, {len(outcome.items)} item(s) would be sent; nothing recorded.")
        else:
            self.stdout.write(f"{today}: {len(outcome.items)} item(s) sent to {len(outcome.recipients)} recipient(s).")
        self.partners(today, options["dry_run"])

    def partners(self, today, dry_run: bool) -> None:
        """The partner libraries' own emails (reminders/partners.py), in the same daily run."""
        outcome = send_partner_reminders(today, dry_run=dry_run)
        if outcome.without_members:
            libraries = sorted({item.library.short_name for item in outcome.without_members})
            self.stdout.write(f"{today}: no portal member to ask for figures at {', '.join(libraries)}.")
        if dry_run:
            for message in outcome.messages:
                self.stdout.write(f"To: {', '.join(message.to)}\nSubject: {message.subject}\n\n{message.body}")
            self.stdout.write(
                f"{today}: dry run, {len(outcome.messages)} partner email(s) would be sent; nothing recorded."
            )
        elif outcome.messages:
            self.stdout.write(f"{today}: {len(outcome.messages)} partner email(s) sent.")
