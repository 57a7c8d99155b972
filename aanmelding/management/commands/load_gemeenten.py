from django.core.management.base import BaseCommand

from aanmelding.reference_data import load_gemeenten


class Command(BaseCommand):
    help = "Load or update the 342 municipalities (idempotent)."

    def handle(self, *args, **options):
        created, updated = load_gemeenten()
        self.stdout.write(f"Gemeenten: {created} created, {updated} updated.")
