"""``manage.py retention [--dry-run]``: apply the retention periods now, as the daily task
does, and print per step what it did, or with ``--dry-run`` what it would do."""

import re

from django.core.management.base import BaseCommand

from kbregeling.privacy import retention


class Command(BaseCommand):
    help = "Apply the retention periods (AVG): anonymise or remove what is kept past its period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would change; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = retention.apply(dry_run=dry_run)
        verb = "would change" if dry_run else "changed"
        for name, count in counts.items():
            what = re.split(r"[.;]", retention.STEPS[name].__doc__ or "")[0].strip()
            self.stdout.write(f"{name}: {count} {verb} ({what})")
        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
