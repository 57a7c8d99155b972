from datetime import date

from django.core.management.base import BaseCommand, CommandError

from kbregeling.mail.models import OutgoingMail
from rapportage import reminders


class Command(BaseCommand):
    help = "Run the reminder scan by hand: open due reports and send what is due."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be sent; change nothing."
        )
        parser.add_argument("--date", help="Pretend it is this day (YYYY-MM-DD).")

    def handle(self, *args, dry_run=False, date=None, **options):
        today = _parse(date) if date is not None else None
        dues = reminders.run(today=today, dry_run=dry_run)
        if dry_run:
            for due in dues:
                self.stdout.write(f"Would send: {due}")
            self.stdout.write(f"Would send {len(dues)} reminder(s).")
            return
        for due in dues:
            self.stdout.write(f"Recorded: {due}")
        queued = OutgoingMail.objects.filter(
            herinnering__in=[due.herinnering for due in dues], queued_at__isnull=False
        ).count()
        self.stdout.write(
            f"Recorded {len(dues)} reminder(s); {queued} queued for sending, "
            f"{len(dues) - queued} waiting in the outbox for the broker."
        )


def _parse(value):
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--date must look like 2026-12-31, not {value!r}") from error
