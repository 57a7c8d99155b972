from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kbregeling.mail import outbox
from licenties.demo import load_demo


class Command(BaseCommand):
    help = "Load demo agreements, tariffs and licence years (once; development only)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Also when DEBUG is off.")

    def handle(self, *args, force=False, **options):
        if not (settings.DEBUG or force):
            raise CommandError("Demo data is for development: DEBUG is off (use --force).")
        with outbox.kept_local():  # the demo's own e-mails are not sent
            loaded = load_demo()
        if loaded:
            self.stdout.write("Demo licences loaded.")
        else:
            self.stdout.write("Demo licences are already there (or load_demo has not run).")
