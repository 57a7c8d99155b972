"""The wider demo network for `make run`: libraries in every province beside the six named
ones, each with a plan approved in the past five years, so that the coordinator's map and
national figures have something to show. The licence and report demos build on these.

Made in bulk, a few queries per kind of row, with the history the pages show: the plan's two
positive advices and its three logged steps, at moments in the past. None of these libraries
has a login: they are there to be looked at."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from kbregeling.accounts.constants import Partij
from kbregeling.workflow.audit import bulk_history

from .constants import Advies, FinancieringStatus, Status
from .models import Aanmelding, Beoordeling, Bibliotheek, Gemeente, GemeenteSamenwerking

NETWORK_SIZE = 34  # beside the six named demo libraries: forty in all
HISTORY_YEARS = 5
RESERVED = {"GM0307", "GM0327"}  # Eemland's interest request in the named demo


def moment(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def service_areas(size=NETWORK_SIZE):
    """(main municipality, werkgebied) per library: the provinces take turns; each library
    takes the largest free municipality of its province and up to two of the smallest, so
    that every municipality has one library at most."""
    taken = set(Bibliotheek.werkgebied.through.objects.values_list("gemeente_id", flat=True))
    free = {}
    for gemeente in Gemeente.objects.exclude(pk__in=taken).exclude(cbs_code__in=RESERVED):
        free.setdefault(gemeente.provincie, []).append(gemeente)
    for gemeenten in free.values():
        gemeenten.sort(key=lambda g: (-g.inwoners, g.cbs_code))
    areas = []
    while len(areas) < size and any(free.values()):
        for provincie in sorted(free):
            gemeenten = free[provincie]
            if not gemeenten or len(areas) >= size:
                continue
            main = gemeenten.pop(0)
            extra = [gemeenten.pop() for _n in range(min(len(areas) % 3, len(gemeenten)))]
            areas.append((main, [main, *extra]))
    return areas


def load_network(kb, digisterker, plan_values) -> list[Bibliotheek]:
    """The libraries with their approved plans; ``plan_values`` fills each plan's fields."""
    this_year = timezone.localdate().year
    areas = service_areas()
    libraries = Bibliotheek.objects.bulk_create(
        Bibliotheek(
            naam=f"Bibliotheek {main.naam}",
            plaats=main.naam,
            adres="Markt 1",
            contactpersoon=f"Contactpersoon {main.naam}",
            contact_email=f"digisterker@{slugify(main.naam)}.bibliotheek.example",
            wsob_erkend=True,
        )
        for main, _area in areas
    )
    Bibliotheek.werkgebied.through.objects.bulk_create(
        Bibliotheek.werkgebied.through(bibliotheek_id=library.pk, gemeente_id=gemeente.pk)
        for library, (_main, area) in zip(libraries, areas, strict=True)
        for gemeente in area
    )
    # Start years spread over the past five years, so the trend grows year by year.
    first_years = [this_year - (i % HISTORY_YEARS) for i in range(len(libraries))]
    plans = Aanmelding.objects.bulk_create(
        Aanmelding(
            bibliotheek=library,
            status=Status.GOEDGEKEURD,
            ronde=1,
            ingediend_op=moment(date(year - 1, 9, 15)),
            **(plan_values() | {"eerste_licentiejaar": year}),
        )
        for library, year in zip(libraries, first_years, strict=True)
    )
    # The dates the pages show: made and changed in the autumn before the first year.
    for plan, year in zip(plans, first_years, strict=True):
        plan.aangemaakt_op = moment(date(year - 1, 9, 1))
        plan.gewijzigd_op = moment(date(year - 1, 10, 20))
    Aanmelding.objects.bulk_update(plans, ["aangemaakt_op", "gewijzigd_op"])
    advices, steps = [], []
    for plan in plans:
        submitted = plan.ingediend_op
        kb_at, dig_at = submitted + timedelta(days=14), submitted + timedelta(days=35)
        advices += [
            Beoordeling(
                aanmelding=plan,
                ronde=1,
                partij=Partij.KB,
                advies=Advies.POSITIEF,
                motivering="Een helder plan met een goede samenwerking met de gemeente.",
                beoordelaar=kb,
                tijdstip=kb_at,
            ),
            Beoordeling(
                aanmelding=plan,
                ronde=1,
                partij=Partij.DIGISTERKER,
                advies=Advies.POSITIEF,
                motivering="Akkoord; de docenten zijn gecertificeerd.",
                beoordelaar=digisterker,
                tijdstip=dig_at,
            ),
        ]
        steps += [
            (plan.pk, "indienen", Status.CONCEPT, Status.INGEDIEND, None, submitted, ""),
            (
                plan.pk,
                "kb_positief",
                Status.INGEDIEND,
                Status.WACHT_OP_DIGISTERKER,
                kb,
                kb_at,
                advices[-2].motivering,
            ),
            (
                plan.pk,
                "digisterker_positief",
                Status.WACHT_OP_DIGISTERKER,
                Status.GOEDGEKEURD,
                digisterker,
                dig_at,
                advices[-1].motivering,
            ),
        ]
    GemeenteSamenwerking.objects.bulk_create(
        GemeenteSamenwerking(
            aanmelding=plan,
            gemeente=gemeente,
            inhoud="Werken met de website van de gemeente; DigiD en toeslagen.",
            werving="Het sociaal wijkteam en de balie van het gemeentehuis verwijzen door.",
            financiering_status=FinancieringStatus.TOEGEZEGD,
            financiering_bedrag=Decimal("1500.00"),
        )
        for plan, (_main, area) in zip(plans, areas, strict=True)
        for gemeente in area
    )
    Beoordeling.objects.bulk_create(advices)
    bulk_history(Aanmelding, steps)
    return libraries
