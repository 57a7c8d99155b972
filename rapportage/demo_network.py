"""Year reports of the wider demo network (``licenties.demo_network``): a report for every
licence year of a library without logins whose report has opened, made in bulk with its
advices and logged steps, in the state its licence chain tells.

- a year that was renewed: its report was submitted, both parties advised and KB renewed
  (on the day the next year was made);
- a year not renewed before the reports now open: the library stopped, KB did not renew;
- a year whose report is open now: one of the states of the assessment in turn, so that the
  reviewers' queues and the library's pages have each of them to show."""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from kbregeling.accounts.constants import Partij
from kbregeling.workflow.audit import bulk_history
from licenties.service import Licentie, LicentieStatus

from .constants import DOELGROEPEN, LEEFTIJDEN, VERWIJZINGEN
from .constants import RapportageStatus as S
from .models import Rapportage, RapportageBeoordeling
from .service import schedule_for

IN_PROGRESS = [
    S.OPEN,
    S.CONCEPT,
    S.INGEDIEND,
    S.WACHT_OP_DIGISTERKER,
    S.WACHT_OP_KB,
    S.AANVULLING_GEVRAAGD,
    S.BEOORDEELD,
]
SUBMITTED = [S.INGEDIEND, S.WACHT_OP_DIGISTERKER, S.WACHT_OP_KB, S.AANVULLING_GEVRAAGD]
TEXTS = {
    "wat_ging_goed": "Kleine groepen en vaste docenten; deelnemers kwamen elke week terug.",
    "wat_was_lastig": "Niet iedereen had thuis een werkende laptop of tablet.",
    "samenwerking_gemeenten": "De gemeente verwijst door vanaf de balie en het sociaal team.",
    "plannen": "Een extra cursus in een wijkcentrum en een spreekuur na de laatste les.",
}
GOOD_PRACTICES = [
    "Een DigiD-spreekuur direct na de laatste les, met een docent naast elke deelnemer.",
    "Cursussen in het buurthuis, samen met de welzijnsorganisatie, voor wie niet naar de "
    "bibliotheek komt.",
    "Oud-deelnemers helpen als maatje bij de volgende cursus.",
    "",
]


def moment(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def split(total, weights):
    """``total`` shared out in proportion to ``weights``, adding up exactly."""
    whole = sum(weights)
    parts = [total * w // whole for w in weights]
    parts[0] += total - sum(parts)
    return parts


def figures(rng, growth):
    """A filled-in report: completed ≤ started ≤ registered; the participants who started add
    up the same by age, by target group and by referral route."""
    started = rng.randint(25, 80) + 6 * growth
    values = {
        "deelnemers_gestart": started,
        "deelnemers_aangemeld": started + rng.randint(0, 12),
        "deelnemers_afgerond": started - rng.randint(0, 9),
        "cursussen_gestart": started // 8 + 1,
        "bijeenkomsten": (started // 8 + 1) * 6,
        "wachtlijst": rng.randint(0, 15),
        "tevredenheid": Decimal(rng.randint(72, 92)) / 10,
        "percentage_zelfredzamer": rng.randint(62, 90),
        "wil_verlengen": True,
        "bop_ingevoerd": True,
        "good_practices": rng.choice(GOOD_PRACTICES),
        **TEXTS,
    }
    for names, weights in [
        (LEEFTIJDEN, [1, 3, 5, 7, 4]),
        (DOELGROEPEN, [9, 3, 2, 2, 1, 1]),
        (VERWIJZINGEN, [5, 2, 4, 3, 1]),
    ]:
        shaken = [w * rng.randint(80, 120) for w in weights]
        values |= dict(zip((n for n, _l in names), split(started, shaken), strict=True))
    return values


def state_of(licentie, reporting, in_progress):
    """The state the report of ``licentie`` is in (see the module); ``in_progress`` counts
    the reports in progress so far, so that they take the states in turn."""
    if getattr(licentie, "volgende", None) is not None:
        return S.VERLENGD
    if licentie.jaar < reporting:
        return S.NIET_VERLENGD
    return IN_PROGRESS[in_progress % len(IN_PROGRESS)]


def load_network(kb, digisterker) -> int:
    """The reports of the network's licence years; returns how many were made."""
    today = timezone.localdate()
    licences = list(
        Licentie.objects.filter(rapportage__isnull=True, bibliotheek__medewerkers__isnull=True)
        .exclude(status=LicentieStatus.BEEINDIGD)
        .select_related("bibliotheek", "volgende")
        .prefetch_related("gemeenten")
        .order_by("begindatum", "bibliotheek__naam")
    )
    opened = [lic for lic in licences if schedule_for(lic)[0] <= today]
    if not opened:
        return 0
    reporting = max(lic.jaar for lic in opened)
    first = {}
    for lic in licences:
        first[lic.bibliotheek_id] = min(first.get(lic.bibliotheek_id, lic.jaar), lic.jaar)

    reports, plans = [], []
    in_progress = 0
    for licentie in opened:
        status = state_of(licentie, reporting, in_progress)
        in_progress += status in IN_PROGRESS
        opens, due = schedule_for(licentie)
        rng = random.Random(f"{licentie.bibliotheek_id}-{licentie.jaar}")  # noqa: S311
        values = {}
        if status != S.OPEN:
            values = figures(rng, licentie.jaar - first[licentie.bibliotheek_id])
        if status == S.NIET_VERLENGD:
            values["wil_verlengen"] = False
            values["plannen"] = (
                "We stoppen met Digisterker; de cursussen gaan op in ons eigen aanbod."
            )
        if status == S.CONCEPT:  # a draft: the texts are still to be written
            values = {k: v for k, v in values.items() if k not in TEXTS and k != "good_practices"}
        # When each step was taken: a finished report follows the calendar of the scheme; a
        # report in progress spreads its steps between its opening and today.
        if status in (S.VERLENGD, S.NIET_VERLENGD):
            after = date(licentie.jaar + 1, 1, 1)
            at = {
                "start": moment(opens + timedelta(days=14)),
                "submit": moment(after + timedelta(days=19)),
                "kb": moment(after + timedelta(days=31)),
                "digisterker": moment(after + timedelta(days=40)),
                "decide": moment(after + timedelta(days=50)),
            }
        else:
            span = max((today - opens).days, 0)
            at = {
                key: moment(opens + timedelta(days=round(span * f)), 9 + n)
                for n, (key, f) in enumerate(
                    [("start", 0.2), ("submit", 0.5), ("kb", 0.7), ("digisterker", 0.9)]
                )
            }
        report = Rapportage(
            licentie=licentie,
            status=status,
            opent_op=opens,
            deadline=due,
            ronde=0 if status in (S.OPEN, S.CONCEPT) else 1,
            ingediend_op=None if status in (S.OPEN, S.CONCEPT) else at["submit"],
            besluit_motivering={
                S.VERLENGD: "Conform beide adviezen.",
                S.NIET_VERLENGD: "De bibliotheek stopt; niet verlengen.",
            }.get(status, ""),
            **values,
        )
        reports.append(report)
        plans.append((status, at))
    reports = Rapportage.objects.bulk_create(reports)

    advices, steps, renewal = [], [], []
    for report, (status, at) in zip(reports, plans, strict=True):
        last = at["start"] if status != S.OPEN else None
        if status != S.OPEN:
            steps.append((report.pk, "starten", S.OPEN, S.CONCEPT, None, at["start"], ""))
        if status not in (S.OPEN, S.CONCEPT):
            steps.append((report.pk, "indienen", S.CONCEPT, S.INGEDIEND, None, at["submit"], ""))
            last = at["submit"]
            if report.wil_verlengen:
                renewal += [(report.pk, g.pk) for g in report.licentie.gemeenten.all()]
        renews = status != S.NIET_VERLENGD
        kb_advises = status in (S.WACHT_OP_DIGISTERKER, S.AANVULLING_GEVRAAGD, S.BEOORDEELD)
        both = status in (S.BEOORDEELD, S.VERLENGD, S.NIET_VERLENGD)
        if status == S.AANVULLING_GEVRAAGD:
            question = "Vul de aantallen deelnemers per verwijzing aan: die tellen niet op."
            advices.append(advice(report, kb, Partij.KB, at["kb"], False, False, question))
            steps.append(
                (report.pk, "aanvulling_vragen", S.INGEDIEND, status, kb, at["kb"], question)
            )
            last = at["kb"]
        elif kb_advises or both:
            text = "Volledig en helder." if renews else "Volledig; de bibliotheek stopt."
            advices.append(advice(report, kb, Partij.KB, at["kb"], True, renews, text))
            steps.append(
                (report.pk, "kb_advies", S.INGEDIEND, S.WACHT_OP_DIGISTERKER, kb, at["kb"], text)
            )
            last = at["kb"]
        if status == S.WACHT_OP_KB or both:
            text = "Akkoord." if renews else "Akkoord met het stoppen."
            source = S.WACHT_OP_DIGISTERKER if both else S.INGEDIEND
            target = S.BEOORDEELD if both else S.WACHT_OP_KB
            advices.append(
                advice(
                    report, digisterker, Partij.DIGISTERKER, at["digisterker"], True, renews, text
                )
            )
            steps.append(
                (
                    report.pk,
                    "digisterker_advies",
                    source,
                    target,
                    digisterker,
                    at["digisterker"],
                    text,
                )
            )
            last = at["digisterker"]
        if status in (S.VERLENGD, S.NIET_VERLENGD):
            name = "verlengen" if status == S.VERLENGD else "niet_verlengen"
            steps.append(
                (report.pk, name, S.BEOORDEELD, status, kb, at["decide"], report.besluit_motivering)
            )
            last = at["decide"]
        report.gewijzigd_op = last or moment(report.opent_op)
    Rapportage.objects.bulk_update(reports, ["gewijzigd_op"], batch_size=500)
    RapportageBeoordeling.objects.bulk_create(advices)
    Rapportage.verlengen_gemeenten.through.objects.bulk_create(
        Rapportage.verlengen_gemeenten.through(rapportage_id=pk, gemeente_id=g) for pk, g in renewal
    )
    bulk_history(Rapportage, steps)
    return len(reports)


def advice(report, by, partij, at, sufficient, renews, motivering):
    return RapportageBeoordeling(
        rapportage=report,
        ronde=1,
        partij=partij,
        voldoende=sufficient,
        advies_verlengen=renews,
        motivering=motivering,
        beoordelaar=by,
        tijdstip=at,
    )
