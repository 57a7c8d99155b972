"""Factories of the year report, with traits so tests read like the rule they check:
``RapportageFactory(ingevuld=True, status=S.VERLENGD)``; and ``bulk_reports`` for the many
reports of a query-count test, in a handful of queries.

``RapportageFactory`` reaches a later state the way the application does: the library saves
and submits (``rapportage.service.save_report`` and ``submit``), both parties advise
(``advise``) and KB decides (``decide``, which renews the licence year when it renews)."""

import itertools
from datetime import date, timedelta
from decimal import Decimal

import factory
from django.forms import modelform_factory
from django.utils import timezone

from aanmelding.models import Bibliotheek, Gemeente
from licenties.constants import LicentieStatus
from licenties.models import Licentie, default_end
from rapportage import service
from rapportage.constants import RapportageStatus as S
from rapportage.models import Rapportage

from ..accounts.factories import stand_in
from ..licenties.factories import LicentieFactory

# One filled-in report: completed ≤ started ≤ registered, and the participants who started
# (36) add up the same by age, by target group and by referral route.
INGEVULD = {
    "cursussen_gestart": 4,
    "bijeenkomsten": 32,
    "deelnemers_aangemeld": 40,
    "deelnemers_gestart": 36,
    "deelnemers_afgerond": 30,
    "wachtlijst": 5,
    "leeftijd_tot_30": 2,
    "leeftijd_30_49": 6,
    "leeftijd_50_64": 10,
    "leeftijd_65_74": 12,
    "leeftijd_75_plus": 6,
    "dg_senioren": 18,
    "dg_laaggeletterden": 6,
    "dg_statushouders": 4,
    "dg_armoede": 4,
    "dg_jongeren": 2,
    "dg_anders": 2,
    "via_gemeente": 10,
    "via_manifestgroep": 6,
    "via_bibliotheek": 12,
    "via_sociaal_partner": 6,
    "via_anders": 2,
    "tevredenheid": Decimal("8.4"),
    "percentage_zelfredzamer": 80,
    "wat_ging_goed": "De cursisten hielpen elkaar; de gemeente kwam een keer langs.",
    "wat_was_lastig": "Inloggen met DigiD lukte niet iedereen thuis.",
    "samenwerking_gemeenten": "Maandelijks overleg met het klantcontactcentrum.",
    "good_practices": "Een inloopspreekuur na elke cursus, samen met de gemeente.",
    "plannen": "Een extra cursus in het wijkcentrum.",
    "wil_verlengen": True,
    "bop_ingevoerd": True,
}


KB, DIGISTERKER = "kb", "digisterker"

# The service calls that bring an open report to each state: "save" (a draft), "submit", the
# advice of one party (its trait on ``UserFactory``, sufficient or not), or KB's decision.
PATHS = {
    S.OPEN: [],
    S.CONCEPT: ["save"],
    S.INGEDIEND: ["submit"],
    S.WACHT_OP_DIGISTERKER: ["submit", (KB, True)],
    S.WACHT_OP_KB: ["submit", (DIGISTERKER, True)],
    S.AANVULLING_GEVRAAGD: ["submit", (KB, False)],
    S.BEOORDEELD: ["submit", (KB, True), (DIGISTERKER, True)],
    S.VERLENGD: ["submit", (KB, True), (DIGISTERKER, True), "renew"],
    S.NIET_VERLENGD: ["submit", (KB, True), (DIGISTERKER, True), "do not renew"],
}


def drive(report, status) -> Rapportage:
    """Take an open ``report`` to ``status`` through the service, as the library (a colleague
    at the library), reviewers of both parties and KB would. Both advise to renew unless the
    asked outcome is not to."""
    renew = status != S.NIET_VERLENGD
    staff = None
    for step in PATHS[status]:
        report = Rapportage.objects.get(pk=report.pk)
        if step in ("save", "submit"):
            staff = staff or stand_in(bibliotheek=report.licentie.bibliotheek)
            if step == "save":  # the library saves what it filled in as a draft
                form = modelform_factory(Rapportage, fields=[])(data={}, instance=report)
                assert form.is_valid(), form.errors
                service.save_report(form, staff, report.versie)
            else:
                service.submit(report, staff)
        elif step in ("renew", "do not renew"):
            service.decide(report, stand_in(kb=True), verlengen=renew)
        else:
            party, voldoende = step
            service.advise(
                report,
                stand_in(**{party: True}),
                voldoende=voldoende,
                advies_verlengen=renew,
                motivering="Gemotiveerd.",
                seen_status=report.status,
            )
    return Rapportage.objects.get(pk=report.pk)


class RapportageFactory(factory.django.DjangoModelFactory):
    """The report of an expired 2025 licence year, open and empty unless told otherwise.

    ``ingevuld=True`` fills every field (``INGEVULD``); ``status=`` a later state drives the
    report there through the service (``PATHS``), so a submitted report must be filled in.
    Renewal municipalities default to the licence's when the library wants to renew."""

    class Meta:
        model = Rapportage
        skip_postgeneration_save = True

    licentie = factory.SubFactory(LicentieFactory, verlopen=True, begindatum=date(2025, 1, 1))
    status = S.OPEN
    opent_op = factory.LazyAttribute(lambda r: r.licentie.einddatum - timedelta(weeks=8))
    deadline = factory.LazyAttribute(lambda r: r.licentie.einddatum + timedelta(weeks=4))

    class Params:
        ingevuld = factory.Trait(**INGEVULD)

    @classmethod
    def _create(cls, model_class, *args, status=S.OPEN, verlengen_gemeenten=None, **kwargs):
        report = super()._create(model_class, *args, **kwargs)
        if verlengen_gemeenten is not None:
            report.verlengen_gemeenten.set(verlengen_gemeenten)
        elif report.wil_verlengen:
            report.verlengen_gemeenten.set(report.licentie.gemeenten.all())
        if status == S.OPEN:
            return report
        return drive(report, status)


_numbers = itertools.count(1)


def bulk_reports(n, jaar=2025, status=S.VERLENGD, provincie="Utrecht", **fields):
    """``n`` libraries, each with its own municipality, a licence year starting in ``jaar`` and
    a filled-in report in ``status``: seven bulk queries, however large ``n`` is.

    Unlike ``RapportageFactory`` these are bulk inserts with the state written directly (no
    transition log, advices, mails or next licence year): the query-count and export tests
    need hundreds of reports, and the services would take far too long for them."""
    start = next(_numbers)
    numbers = range(start, start + n)
    for _ in range(n - 1):
        next(_numbers)
    gemeenten = Gemeente.objects.bulk_create(
        Gemeente(cbs_code=f"B{i:05d}", naam=f"Bulkgemeente {i}", provincie=provincie, inwoners=i)
        for i in numbers
    )
    libraries = Bibliotheek.objects.bulk_create(
        Bibliotheek(
            naam=f"Bulkbibliotheek {i}",
            contactpersoon="Anne de Vries",
            contact_email=f"bulk{i}@bibliotheek.example",
        )
        for i in numbers
    )
    Bibliotheek.werkgebied.through.objects.bulk_create(
        Bibliotheek.werkgebied.through(bibliotheek_id=b.pk, gemeente_id=g.pk)
        for b, g in zip(libraries, gemeenten, strict=True)
    )
    begin = date(jaar, 1, 1)
    licences = Licentie.objects.bulk_create(
        Licentie(
            bibliotheek=b,
            begindatum=begin,
            einddatum=default_end(begin),
            waarde=Decimal("6000.00"),
            status=LicentieStatus.VERLOPEN,
        )
        for b in libraries
    )
    Licentie.gemeenten.through.objects.bulk_create(
        Licentie.gemeenten.through(licentie_id=licentie.pk, gemeente_id=g.pk)
        for licentie, g in zip(licences, gemeenten, strict=True)
    )
    submitted = status not in (S.OPEN, S.CONCEPT)
    return Rapportage.objects.bulk_create(
        Rapportage(
            licentie=licentie,
            status=status,
            opent_op=licentie.einddatum - timedelta(weeks=8),
            deadline=licentie.einddatum + timedelta(weeks=4),
            ronde=1 if submitted else 0,
            ingediend_op=timezone.now() if submitted else None,
            **(INGEVULD | fields),
        )
        for licentie in licences
    )
