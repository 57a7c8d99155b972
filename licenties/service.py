"""The licence app's public face: the sign-up and report apps call these, nothing deeper."""

import logging
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from aanmelding.service import municipalities_on
from kbregeling.workflow.drafts import claim_version
from kbregeling.workflow.runner import StaleState, WorkflowError, perform

from . import permissions
from .constants import LicentieStatus, OvereenkomstStatus
from .coverage import coverage, year_licences
from .models import Licentie, Overeenkomst, Tarief, default_end

logger = logging.getLogger(__name__)

__all__ = [
    # What the report app reads: licences, their states and the coverage of a year.
    "Licentie",
    "LicentieStatus",
    "coverage",
    "default_end",
    "year_licences",
    "Overeenkomst",
    "OvereenkomstStatus",
    "agreement_of",
    "licences_of",
    "register_licence_links",
    "licence_links",
    # What the pages, the daily task and the report app do.
    "StaleState",
    "WorkflowError",
    "create_first_licence",
    "ended_by",
    "record_licence",
    "renew",
    "end",
    "save_agreement",
    "sign_agreement",
    "update_states",
    "overlapping",
    "export_rows",
]


def agreement_of(bibliotheek_id) -> Overeenkomst | None:
    """The library's agreement with Stichting Digisterker, or None."""
    return Overeenkomst.objects.filter(bibliotheek_id=bibliotheek_id).first()


def licences_of(bibliotheek_id):
    """The library's licence years, oldest first."""
    return Licentie.objects.filter(bibliotheek_id=bibliotheek_id).order_by("begindatum", "pk")


# Links a later app adds to licence years (the year report of each): a provider takes
# (licences, user) and returns {licence pk: [(label, url), ...]} the user may open, in a
# fixed number of queries however many licences it gets.
LICENCE_LINKS = []


def register_licence_links(provider):
    if provider not in LICENCE_LINKS:
        LICENCE_LINKS.append(provider)


def licence_links(licenties, user) -> dict[int, list[tuple[str, str]]]:
    links = {}
    for provider in LICENCE_LINKS:
        for pk, found in provider(licenties, user).items():
            links.setdefault(pk, []).extend(found)
    return links


def ended_by(day):
    """Licence years that ran (active or expired, not ended early) and end on or before
    ``day``: those a year report is due for."""
    return Licentie.objects.filter(
        status__in=[LicentieStatus.ACTIEF, LicentieStatus.VERLOPEN], einddatum__lte=day
    )


def overlapping(bibliotheek_id, begindatum, einddatum, exclude_pk=None):
    """Licence years of this library that overlap the given period (ended ones excepted)."""
    qs = Licentie.objects.filter(
        bibliotheek_id=bibliotheek_id,
        begindatum__lte=einddatum,
        einddatum__gte=begindatum,
    ).exclude(status=LicentieStatus.BEEINDIGD)
    return qs.exclude(pk=exclude_pk) if exclude_pk else qs


def covered_municipalities(bibliotheek):
    """The municipalities a licence covers: those of the agreement, else the werkgebied."""
    overeenkomst = Overeenkomst.objects.filter(bibliotheek=bibliotheek).first()
    if overeenkomst and overeenkomst.gemeenten.exists():
        return list(overeenkomst.gemeenten.all())
    return list(bibliotheek.werkgebied.all())


def _first_start(aanmelding) -> date:
    today = timezone.localdate()
    next_month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    start = next_month
    if aanmelding.eerste_licentiejaar:
        start = max(date(aanmelding.eerste_licentiejaar, 1, 1), next_month)
    latest = (
        Licentie.objects.filter(bibliotheek=aanmelding.bibliotheek)
        .exclude(status=LicentieStatus.BEEINDIGD)
        .aggregate(end=Max("einddatum"))["end"]
    )
    if latest and latest >= start:
        start = latest + timedelta(days=1)
    return start


def create_first_licence(aanmelding) -> Licentie:
    """The first licence year of an approved sign-up; called once, idempotent."""
    existing = Licentie.objects.filter(aanmelding=aanmelding, vorige__isnull=True).first()
    if existing:
        return existing
    start = _first_start(aanmelding)
    licentie = Licentie.objects.create(
        bibliotheek=aanmelding.bibliotheek,
        aanmelding=aanmelding,
        begindatum=start,
        einddatum=default_end(start),
        waarde=Tarief.voor_jaar(start.year),
    )
    licentie.gemeenten.set(covered_municipalities(aanmelding.bibliotheek))
    return licentie


@transaction.atomic
def renew(licentie, by, gemeenten=None, remark="") -> Licentie:
    """Create next year's planned licence and mark this one renewed. Deciding twice
    creates nothing more: the existing next year is returned."""
    licentie = Licentie.objects.select_for_update().get(pk=licentie.pk)
    existing = Licentie.objects.filter(vorige=licentie).first()
    if existing:
        return existing
    start = licentie.einddatum + timedelta(days=1)
    perform(licentie, "verlengen", by, remark)
    try:
        with transaction.atomic():
            volgende = Licentie.objects.create(
                bibliotheek_id=licentie.bibliotheek_id,
                aanmelding_id=licentie.aanmelding_id,
                vorige=licentie,
                begindatum=start,
                einddatum=default_end(start),
                waarde=Tarief.voor_jaar(start.year),
            )
    except IntegrityError as error:
        raise StaleState() from error
    # The same area, or the one chosen; a municipality that ceased by the start is replaced by
    # the municipalities that took its area over. Of a split, the library's choice counts:
    # the successors in its werkgebied (it confirmed the part it serves) when there are any,
    # else all of them (it has not confirmed yet).
    chosen = licentie.gemeenten.all() if gemeenten is None else gemeenten
    werkgebied = licentie.bibliotheek.werkgebied.values_list("pk", flat=True)
    volgende.gemeenten.set(municipalities_on([g.pk for g in chosen], start, within=werkgebied))
    return volgende


def record_licence(form, by) -> Licentie:
    """KB records a licence year by hand; refused when the database finds it overlaps another
    year of the library (two people recording at once: the form checked before)."""
    allowed, reason = permissions.can_record_licence(by)
    if not allowed:
        raise WorkflowError(reason)
    try:
        with transaction.atomic():
            return form.save()
    except IntegrityError as error:
        raise WorkflowError(
            _("This period overlaps another licence year of the library.")
        ) from error


def export_rows(licenties):
    """The licence CSV: a header and a row per licence year, Dutch decimals. Plain values, no
    model instances: two queries (the licences, the names of the municipalities they cover)."""
    header = [
        _("Library"),
        _("Start date"),
        _("End date"),
        _("Status"),
        _("Value (€)"),
        _("Municipalities"),
        _("Renews licence"),
    ]
    labels = {value: str(label) for value, label in LicentieStatus.choices}
    values = licenties.values_list(
        "pk", "bibliotheek__naam", "begindatum", "einddatum", "status", "waarde", "vorige_id"
    )
    covered = (
        Licentie.gemeenten.through.objects.filter(licentie__in=licenties.values("pk"))
        .order_by("gemeente__naam", "gemeente_id")
        .values_list("licentie_id", "gemeente__naam")
    )

    def rows():
        licences = list(values)
        names = {}
        for licentie_id, naam in covered:
            names.setdefault(licentie_id, []).append(naam)
        for pk, bibliotheek, begin, end, status, waarde, vorige_id in licences:
            yield [
                bibliotheek,
                begin.isoformat(),
                end.isoformat(),
                labels.get(status, status),
                f"{waarde:.2f}".replace(".", ","),
                ", ".join(names.get(pk, ())),
                vorige_id or "",
            ]

    return header, rows()


@transaction.atomic
def end(licentie, by, reden) -> Licentie:
    if not reden or not reden.strip():
        raise WorkflowError(_("Give the reason for ending the licence."))
    licentie = Licentie.objects.select_for_update().get(pk=licentie.pk)
    perform(licentie, "beeindigen", by, reden.strip())
    return licentie


@transaction.atomic
def save_agreement(form, by, versie) -> Overeenkomst:
    """Save the agreement form, refusing if someone else saved it since ``versie``."""
    overeenkomst = form.instance
    if overeenkomst.pk:
        claim_version(overeenkomst, versie)
    overeenkomst = form.save()
    _sync_planned(overeenkomst)
    return overeenkomst


def _sync_planned(overeenkomst):
    """A planned first licence year covers what the agreement names. Renewed years keep the
    municipalities the renewal decision gave them."""
    gemeenten = list(overeenkomst.gemeenten.all())
    if not gemeenten:
        return
    for licentie in Licentie.objects.filter(
        bibliotheek=overeenkomst.bibliotheek, status=LicentieStatus.GEPLAND, vorige__isnull=True
    ):
        licentie.gemeenten.set(gemeenten)


@transaction.atomic
def sign_agreement(overeenkomst, by) -> Overeenkomst:
    overeenkomst = Overeenkomst.objects.select_for_update().get(pk=overeenkomst.pk)
    if not overeenkomst.kan_ondertekenen():
        raise WorkflowError(_("Record the signed date and upload the signed document first."))
    perform(overeenkomst, "ondertekenen", by)
    return overeenkomst


def _step(pk, source, name, remark) -> bool:
    """One licence, one transition, in its own transaction; False when another worker got
    there first or the licence is not due."""
    try:
        with transaction.atomic():
            licentie = (
                # Lock only the licence row: PostgreSQL refuses FOR UPDATE on the nullable
                # side of the outer join to the (possibly missing) agreement.
                Licentie.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("bibliotheek__overeenkomst")
                .filter(pk=pk, status=source)
                .first()
            )
            if licentie is None or not getattr(licentie, name)._django_fsm.conditions_met(
                licentie, source
            ):
                return False
            perform(licentie, name, None, remark, system=True)
            return True
    except (StaleState, WorkflowError):
        return False


def update_states() -> dict[str, int]:
    """Activate licences whose start date has come (with a signed agreement) and expire those
    past their end date without renewal, by today's date in Europe/Amsterdam. Idempotent: a
    second run, or a run in another worker at the same time, changes nothing."""
    today = timezone.localdate()
    due_start = Licentie.objects.filter(
        status=LicentieStatus.GEPLAND,
        begindatum__lte=today,
        bibliotheek__overeenkomst__status=OvereenkomstStatus.GETEKEND,
    ).values_list("pk", flat=True)
    due_end = Licentie.objects.filter(
        status=LicentieStatus.ACTIEF, einddatum__lt=today, volgende__isnull=True
    ).values_list("pk", flat=True)
    counts = {"activated": 0, "expired": 0}
    for pk in list(due_start):
        counts["activated"] += _step(
            pk, LicentieStatus.GEPLAND, "activeren", _("Automatically on the start date.")
        )
    for pk in list(due_end):
        counts["expired"] += _step(
            pk, LicentieStatus.ACTIEF, "laten_verlopen", _("Automatically after the end date.")
        )
    logger.info("Licence states updated: %s", counts)
    return counts
