from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kbregeling.mail import outbox
from rapportage.demo import load_demo


class Command(BaseCommand):
    help = "Load demo year reports (once; development only)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Also when DEBUG is off.")

    def handle(self, *args, force=False, **options):
        if not (settings.DEBUG or force):
            raise CommandError("Demo data is for development: DEBUG is off (use --force).")
        with outbox.kept_local():  # the demo's own e-mails are not sent
            loaded = load_demo()
        self.stdout.write("Demo year reports loaded." if loaded else "Demo reports already there.")
