from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from aanmelding.demo import DEMO_PASSWORD, USERS, load_demo
from kbregeling.mail import outbox


class Command(BaseCommand):
    help = "Load demo libraries, users and sign-ups (once; for development only)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Also when DEBUG is off.")

    def handle(self, *args, force=False, **options):
        if not (settings.DEBUG or force):
            raise CommandError("Demo data is for development: DEBUG is off (use --force).")
        # The demo's own e-mails are not sent: they would only flood the console or a mailbox.
        with outbox.kept_local():
            created = load_demo()
        if not created:
            self.stdout.write("Demo data is already there.")
            return
        names = ", ".join(["admin", *(u[0] for u in USERS)])
        self.stdout.write(f"Demo users: {names}; password: {DEMO_PASSWORD}")
