"""Times the PDF of one year report and the national overview PDF for 150 libraries.

Run from the project folder: ``.venv/bin/python bench/pdf_bench.py [--out DIR]``.
It builds its own data in a throwaway SQLite database, prints the times beside the targets
and the page counts, and exits 0: it reports, it does not fail.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
LIBRARIES = 150
YEARS = [2023, 2024, 2025]
TARGETS = {"report": 1.0, "national": 3.0}  # seconds, on a 2-core machine


def setup_django(tmp):
    sys.path.insert(0, str(BASE_DIR))
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ["PRIVATE_MEDIA_ROOT"] = str(Path(tmp) / "private")
    os.environ["DEBUG"] = "0"  # no query log: time what production does
    os.environ.setdefault("SECRET_KEY", "bench-only-throwaway-key")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kbregeling.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


PRACTICE = (
    "Na elke cursus houden we een inloopspreekuur met de gemeente, zodat cursisten hun eigen "
    "vragen over DigiD, toeslagen en de afvalpas meteen kunnen stellen. "
)


def build_data():
    """150 libraries over the 342 municipalities, a licence and a submitted report for each
    library and year: bulk queries only."""
    from aanmelding.models import Bibliotheek, Gemeente
    from aanmelding.reference_data import load_gemeenten
    from licenties.constants import LicentieStatus
    from licenties.models import Licentie, default_end
    from rapportage.constants import DOELGROEPEN, LEEFTIJDEN, VERWIJZINGEN
    from rapportage.constants import RapportageStatus as S
    from rapportage.models import Rapportage

    load_gemeenten()
    rng = random.Random(2025)  # figures for a benchmark, not a secret
    gemeenten = list(Gemeente.objects.order_by("cbs_code"))
    libraries = Bibliotheek.objects.bulk_create(
        Bibliotheek(
            naam=f"Bibliotheek Bench {i:03d}",
            contactpersoon="Anne de Vries",
            contact_email=f"bench{i}@bibliotheek.example",
            wsob_erkend=True,
        )
        for i in range(LIBRARIES)
    )
    werkgebied = {lib.pk: [] for lib in libraries}
    for i, gemeente in enumerate(gemeenten):
        werkgebied[libraries[i % LIBRARIES].pk].append(gemeente.pk)
    area = Bibliotheek.werkgebied.through
    area.objects.bulk_create(
        area(bibliotheek_id=lib, gemeente_id=g) for lib, gs in werkgebied.items() for g in gs
    )
    licences = Licentie.objects.bulk_create(
        Licentie(
            bibliotheek=lib,
            begindatum=date(year, 1, 1),
            einddatum=default_end(date(year, 1, 1)),
            waarde=Decimal("6000.00"),
            status=LicentieStatus.VERLENGD if year < YEARS[-1] else LicentieStatus.VERLOPEN,
        )
        for year in YEARS
        for lib in libraries
    )
    covered = Licentie.gemeenten.through
    covered.objects.bulk_create(
        covered(licentie_id=lic.pk, gemeente_id=g)
        for lic in licences
        for g in werkgebied[lic.bibliotheek_id]
    )

    def spread(total, names):
        cuts = sorted(rng.randint(0, total) for _ in range(len(names) - 1))
        parts = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
        return dict(zip(names, parts, strict=True))

    reports = []
    for lic in licences:
        registered = rng.randint(20, 120)
        started = rng.randint(registered * 3 // 4, registered)
        fields = {
            "cursussen_gestart": rng.randint(2, 12),
            "bijeenkomsten": rng.randint(10, 90),
            "deelnemers_aangemeld": registered,
            "deelnemers_gestart": started,
            "deelnemers_afgerond": rng.randint(started // 2, started),
            "wachtlijst": rng.randint(0, 30),
            **spread(started, [n for n, _label in LEEFTIJDEN]),
            **spread(started, [n for n, _label in DOELGROEPEN]),
            **spread(started, [n for n, _label in VERWIJZINGEN]),
            "tevredenheid": Decimal(rng.randint(60, 95)) / 10,
            "percentage_zelfredzamer": rng.randint(50, 95),
            "wat_ging_goed": "De groepen waren klein en de docenten geduldig. " * 4,
            "wat_was_lastig": "Niet iedereen had thuis een werkende computer. " * 3,
            "samenwerking_gemeenten": "Elke maand overleg met de gemeente. " * 3,
            "good_practices": PRACTICE * rng.randint(1, 4),
            "plannen": "Twee extra cursussen in de wijk. " * 2,
            "wil_verlengen": True,
            "bop_ingevoerd": True,
        }
        reports.append(
            Rapportage(
                licentie=lic,
                status=S.VERLENGD,
                ronde=1,
                opent_op=lic.einddatum - timedelta(weeks=8),
                deadline=lic.einddatum + timedelta(weeks=4),
                **fields,
            )
        )
    Rapportage.objects.bulk_create(reports)
    return Rapportage.objects.filter(licentie__begindatum__year=YEARS[-1]).order_by("pk").first()


def best_of(runs, work):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def pages(pdf):
    from pypdf import PdfReader

    return len(PdfReader(BytesIO(pdf)).pages)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="also write the two PDFs to this folder")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as tmp:
        setup_django(tmp)
        start = time.perf_counter()
        first = build_data()
        built = time.perf_counter() - start

        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from django.utils import timezone, translation

        from kbregeling.documents.pdf import render_html, render_pdf
        from rapportage.views.national import national_context
        from rapportage.views.report_pdf import report_context, report_queryset

        translation.activate("nl")

        def year_report():
            report = report_queryset().get(pk=first.pk)
            return render_pdf(render_html("rapportage/pdf/rapportage.html", report_context(report)))

        def national():
            context = national_context(YEARS[-1]) | {"today": timezone.localdate()}
            return render_pdf(render_html("rapportage/pdf/national.html", context))

        render_pdf(
            '<html lang="nl"><p>warm-up</p></html>'
        )  # the import and font set-up of WeasyPrint, once
        report_time, report_pdf = best_of(5, year_report)
        national_time, national_pdf = best_of(3, national)
        with CaptureQueriesContext(connection) as queries:
            national_context(YEARS[-1])

        print(
            f"Data: {LIBRARIES} libraries, {len(YEARS)} years of licences and reports "
            f"(built in {built:.1f} s); {os.cpu_count()} CPUs here."
        )
        for name, seconds, pdf, runs in [
            ("Year report PDF (HTML + WeasyPrint)", report_time, report_pdf, 5),
            (f"National overview PDF, {LIBRARIES} libraries", national_time, national_pdf, 3),
        ]:
            target = TARGETS["report" if runs == 5 else "national"]
            verdict = "ok" if seconds < target else "SLOWER THAN TARGET"
            print(
                f"{name}: {seconds:.2f} s best of {runs} (target < {target:.0f} s on 2 cores: "
                f"{verdict}); {pages(pdf)} pages, {len(pdf) / 1024:.0f} KiB"
            )
        print(f"National figures: {len(queries)} SQL queries.")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / "jaarrapportage.pdf").write_bytes(report_pdf)
            (args.out / "landelijk-overzicht.pdf").write_bytes(national_pdf)
            print(f"PDFs written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
