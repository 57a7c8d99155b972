from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kbregeling.accounts.second_factor import DEMO_KEY, current_code


class Command(BaseCommand):
    help = (
        "Print the code the demo reviewers' authenticator app shows now (their key is public, "
        "in the README; development only)."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo code is for development: DEBUG is off.")
        self.stdout.write(current_code(DEMO_KEY))
