"""Licence years of the wider demo network (``aanmelding.demo_network``): for each library
with an approved plan and no licence yet, a signed agreement and a chain of licence years from
its plan's first year up to now, made in bulk with the logged steps the pages show.

The chain follows the real calendar of the scheme: a year starts on 1 January, expires at its
end while its report is still being assessed, and is renewed when KB decides on that report
in February (the next year is made then, and starts the next day). Most libraries run on to
this year; a few stopped after two years; and while last year's reports are still being
assessed (before this year's open), some wait for that decision."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from aanmelding.service import Aanmelding, Status
from kbregeling.workflow.audit import bulk_history

from .constants import LicentieStatus as L
from .constants import OvereenkomstStatus
from .models import Dienst, Licentie, Overeenkomst, Tarief

HISTORY_YEARS = 5


def moment(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def reporting_year(today) -> int:
    """The latest licence year whose report has opened (8 weeks before the year's end)."""
    opens = date(today.year, 12, 31) - timedelta(weeks=settings.RAPPORTAGE_OPENS_WEEKS_BEFORE)
    return today.year if today >= opens else today.year - 1


def last_year(i, first, today) -> int:
    """The last licence year of the ``i``-th library of the network (see the module)."""
    if i % 7 == 3 and first <= today.year - 3:
        return first + 1  # stopped: its second year was not renewed
    if reporting_year(today) < today.year and i % 4 == 0 and first < today.year:
        return today.year - 1  # last year's report is still being assessed
    return today.year


def tariffs(this_year):
    """A tariff for every year of the history; those already set are kept."""
    for jaar in range(this_year - HISTORY_YEARS, this_year + 2):
        bedrag = Decimal(6000 + 150 * (jaar - 2025)).quantize(Decimal("1.00"))
        Tarief.objects.get_or_create(jaar=jaar, defaults={"bedrag": max(bedrag, Decimal(5000))})
    return dict(Tarief.objects.values_list("jaar", "bedrag"))


def agreements(plans, digisterker, document):
    """A signed agreement per library, all pointing at one stored demo PDF."""
    made = Overeenkomst.objects.bulk_create(
        Overeenkomst(
            bibliotheek_id=plan.bibliotheek_id,
            status=OvereenkomstStatus.GETEKEND,
            getekend_op=date(plan.eerste_licentiejaar - 1, 11, 15),
            document=document,
            document_naam=f"Overeenkomst Digisterker {plan.bibliotheek.plaats}.pdf",
        )
        for plan in plans
    )
    diensten = list(Dienst.objects.values_list("pk", flat=True)[:4])
    Overeenkomst.diensten.through.objects.bulk_create(
        Overeenkomst.diensten.through(overeenkomst_id=o.pk, dienst_id=pk)
        for o in made
        for pk in diensten
    )
    Overeenkomst.gemeenten.through.objects.bulk_create(
        Overeenkomst.gemeenten.through(overeenkomst_id=o.pk, gemeente_id=g.pk)
        for o, plan in zip(made, plans, strict=True)
        for g in plan.bibliotheek.werkgebied.all()
    )
    bulk_history(
        Overeenkomst,
        [
            (
                o.pk,
                "ondertekenen",
                OvereenkomstStatus.CONCEPT,
                OvereenkomstStatus.GETEKEND,
                digisterker,
                moment(o.getekend_op),
                "",
            )
            for o in made
        ],
    )


def load_network(kb, digisterker, demo_pdf) -> int:
    """The agreements and licence years; returns how many licence years were made."""
    today = timezone.localdate()
    plans = list(
        Aanmelding.objects.filter(status=Status.GOEDGEKEURD, bibliotheek__licenties__isnull=True)
        .select_related("bibliotheek")
        .prefetch_related("bibliotheek__werkgebied")
        .order_by("pk")
    )
    if not plans:
        return 0
    tarief = tariffs(today.year)
    document = Overeenkomst.document.field.storage.save(
        "overeenkomsten/demo-netwerk.pdf", ContentFile(demo_pdf)
    )
    agreements(plans, digisterker, document)

    chains = [
        (plan, range(plan.eerste_licentiejaar, last_year(i, plan.eerste_licentiejaar, today) + 1))
        for i, plan in enumerate(plans)
    ]
    previous, made, steps = {}, [], []
    for step in range(HISTORY_YEARS + 1):  # one bulk insert per position in the chain
        level = [(plan, years[step], years) for plan, years in chains if step < len(years)]
        if not level:
            break
        licences = Licentie.objects.bulk_create(
            Licentie(
                bibliotheek_id=plan.bibliotheek_id,
                aanmelding=plan,
                vorige=previous.get(plan.pk),
                begindatum=date(jaar, 1, 1),
                einddatum=date(jaar, 12, 31),
                waarde=tarief[jaar],
                status=(
                    L.VERLENGD
                    if jaar < years[-1]
                    else (L.ACTIEF if jaar == today.year else L.VERLOPEN)
                ),
            )
            for plan, jaar, years in level
        )
        for licentie, (plan, jaar, years) in zip(licences, level, strict=True):
            previous[plan.pk] = licentie
            # Made when the plan was approved (the first) or when KB renewed the year before.
            licentie.aangemaakt_op = plan.gewijzigd_op if step == 0 else moment(date(jaar, 2, 20))
            started = date(jaar, 1, 1) if step == 0 else date(jaar, 2, 21)
            steps.append(
                (licentie.pk, "activeren", L.GEPLAND, L.ACTIEF, None, moment(started, 1), "")
            )
            if jaar < today.year:
                steps.append(
                    (
                        licentie.pk,
                        "laten_verlopen",
                        L.ACTIEF,
                        L.VERLOPEN,
                        None,
                        moment(date(jaar + 1, 1, 1), 1),
                        "",
                    )
                )
            if jaar < years[-1]:
                steps.append(
                    (
                        licentie.pk,
                        "verlengen",
                        L.VERLOPEN,
                        L.VERLENGD,
                        kb,
                        moment(date(jaar + 1, 2, 20)),
                        "",
                    )
                )
        made += licences
    Licentie.objects.bulk_update(made, ["aangemaakt_op"], batch_size=500)
    areas = {plan.pk: plan.bibliotheek.werkgebied.all() for plan in plans}
    Licentie.gemeenten.through.objects.bulk_create(
        Licentie.gemeenten.through(licentie_id=licentie.pk, gemeente_id=g.pk)
        for licentie in made
        for g in areas[licentie.aanmelding_id]
    )
    bulk_history(Licentie, steps)
    return len(made)
