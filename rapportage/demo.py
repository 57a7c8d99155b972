"""Demo year reports for `make run`: an assessed and renewed one with good practices, one
open now, one overdue."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from kbregeling.accounts.models import Gebruiker
from licenties.service import Licentie

from . import reminders, service
from .demo_network import load_network
from .models import Rapportage

FIGURES = {
    "cursussen_gestart": 7,
    "bijeenkomsten": 42,
    "deelnemers_aangemeld": 64,
    "deelnemers_gestart": 58,
    "deelnemers_afgerond": 51,
    "wachtlijst": 9,
    "leeftijd_tot_30": 4,
    "leeftijd_30_49": 10,
    "leeftijd_50_64": 14,
    "leeftijd_65_74": 19,
    "leeftijd_75_plus": 11,
    "dg_senioren": 30,
    "dg_laaggeletterden": 12,
    "dg_statushouders": 9,
    "dg_armoede": 5,
    "dg_jongeren": 2,
    "via_gemeente": 21,
    "via_manifestgroep": 6,
    "via_bibliotheek": 17,
    "via_sociaal_partner": 11,
    "via_anders": 3,
    "tevredenheid": Decimal("8.3"),
    "percentage_zelfredzamer": 78,
    "wat_ging_goed": "Kleine groepen van acht deelnemers met twee docenten.",
    "wat_was_lastig": "Deelnemers zonder eigen laptop; we hebben er nu tien te leen.",
    "samenwerking_gemeenten": "De gemeente verwijst door vanaf de balie en betaalt de werkboeken.",
    "good_practices": "Een 'DigiD-spreekuur' direct na de laatste les: deelnemers vragen hun "
    "DigiD aan met een docent naast zich. Bijna iedereen gaat met een werkende DigiD naar huis.",
    "plannen": "Twee extra cursussen in de wijken Feijenoord en Charlois.",
    "wil_verlengen": True,
    "bop_ingevoerd": True,
}


@transaction.atomic
def load_demo() -> bool:
    if Rapportage.objects.exists() or not Gebruiker.objects.filter(username="kb").exists():
        return False
    staff = Gebruiker.objects.get(username="rotterdam")
    kb = Gebruiker.objects.get(username="kb")
    digisterker = Gebruiker.objects.get(username="digisterker")
    renewed = Licentie.objects.filter(bibliotheek=staff.bibliotheek, vorige__isnull=True).first()
    if renewed is None:
        return False
    opens, due = service.schedule_for(renewed)
    report = Rapportage.objects.create(licentie=renewed, opent_op=opens, deadline=due)
    for name, value in FIGURES.items():
        setattr(report, name, value)
    report.save()
    report.verlengen_gemeenten.set(staff.bibliotheek.werkgebied.all())
    report = service.submit(report, staff)
    report = service.advise(
        report,
        kb,
        voldoende=True,
        advies_verlengen=True,
        motivering="Heldere rapportage, goede resultaten.",
        seen_status=report.status,
    ).rapportage
    report = service.advise(
        report,
        digisterker,
        voldoende=True,
        advies_verlengen=True,
        motivering="Akkoord met verlenging.",
        seen_status=report.status,
    ).rapportage
    service.decide(report, kb, verlengen=True, motivering="Conform beide adviezen.")
    # The libraries of the wider network: their reports of five years, made in bulk.
    load_network(kb, digisterker)
    # Opens this year's report of Rotterdam and sends the overdue reminders of Súdwest-Fryslân.
    reminders.run(timezone.localdate())
    return True
