from django.core.management.base import BaseCommand, CommandError

from aanmelding.reference_data import GEMEENTEN_CSV, ReferenceDataError, load_gemeenten


class Command(BaseCommand):
    help = (
        "Load or update the municipalities from a year's CBS list and, optionally, a file of "
        "municipal changes (format: aanmelding/data/SOURCES.md). Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "lijst",
            nargs="?",
            default=str(GEMEENTEN_CSV),
            help="The CBS list: cbs_code,naam,provincie,inwoners (default: the 342 of 2025).",
        )
        parser.add_argument(
            "--wijzigingen",
            metavar="FILE",
            help="The changes: datum,cbs_code,naam,provincie,opvolger,nieuw.",
        )

    def handle(self, *args, **options):
        try:
            loaded = load_gemeenten(options["lijst"], options["wijzigingen"])
        except ReferenceDataError as error:
            raise CommandError("Nothing was loaded:\n" + str(error)) from error
        except OSError as error:
            raise CommandError(f"Nothing was loaded: {error}") from error
        self.stdout.write(f"Gemeenten: {loaded.created} created, {loaded.updated} updated.")
        if options["wijzigingen"]:
            self.stdout.write(
                f"Changes: {loaded.ceased} ceased, {loaded.arisen} arisen, "
                f"{loaded.successor_links} successor links added; "
                f"{loaded.werkgebied_changes} werkgebied changes for libraries to confirm."
            )
        if loaded.not_in_list:
            self.stderr.write(
                "Not in the list and not ceased by any change (left as they are): "
                + ", ".join(loaded.not_in_list)
            )
