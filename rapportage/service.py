"""The report app's public face: opening reports, saving, submitting, advice, the decision."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from aanmelding.constants import Partij
from aanmelding.workflow import StaleState, WorkflowError, perform
from licenties import service as licenties
from licenties.constants import LicentieStatus

from . import permissions
from .constants import RapportageStatus as S
from .models import Rapportage, RapportageBeoordeling
from .rules import submission_errors

__all__ = [
    "StaleState",
    "WorkflowError",
    "open_due_reports",
    "save_report",
    "submit",
    "advise",
    "decide",
]


def schedule_for(licentie):
    """(opens on, due on) for the report of a licence year."""
    opens = licentie.einddatum - timedelta(weeks=settings.RAPPORTAGE_OPENS_WEEKS_BEFORE)
    due = licentie.einddatum + timedelta(weeks=settings.RAPPORTAGE_DUE_WEEKS_AFTER)
    return opens, due


def open_due_reports(today) -> list[Rapportage]:
    """Create the report of every licence year whose opening date has come; idempotent."""
    from licenties.models import Licentie

    weeks = timedelta(weeks=settings.RAPPORTAGE_OPENS_WEEKS_BEFORE)
    due = Licentie.objects.filter(
        status__in=[LicentieStatus.ACTIEF, LicentieStatus.VERLOPEN],
        einddatum__lte=today + weeks,
        rapportage__isnull=True,
    )
    opened = []
    for licentie in due:
        opens, deadline = schedule_for(licentie)
        try:
            with transaction.atomic():
                opened.append(
                    Rapportage.objects.create(licentie=licentie, opent_op=opens, deadline=deadline)
                )
        except IntegrityError:  # another worker opened it first
            continue
    return opened


@transaction.atomic
def save_report(form, by, versie) -> Rapportage:
    report = form.instance
    allowed, reason = permissions.can_edit(by, report)
    if not allowed:
        raise WorkflowError(reason)
    bumped = Rapportage.objects.filter(pk=report.pk, versie=versie).update(versie=F("versie") + 1)
    if not bumped:
        raise StaleState(
            _(
                "Someone else saved this report while you were editing it. Your changes are "
                "still in the form below: copy what you need, then reload the page."
            )
        )
    report.versie = versie + 1
    if report.status == S.OPEN:
        perform(report, "starten", by)
    form.save()
    return report


def _locked(report) -> Rapportage:
    return Rapportage.objects.select_for_update().select_related("licentie").get(pk=report.pk)


@transaction.atomic
def submit(report, by) -> Rapportage:
    report = _locked(report)
    if report.status == S.OPEN:
        perform(report, "starten", by)
    errors = submission_errors(report)
    if errors and permissions.can_edit(by, report):
        raise WorkflowError(_("The report is not complete yet."))
    perform(report, "indienen", by)
    return report


ADVICE_TRANSITION = {Partij.KB: "kb_advies", Partij.DIGISTERKER: "digisterker_advies"}


@transaction.atomic
def advise(report, by, *, voldoende, advies_verlengen, motivering, seen_status):
    """One party's advice. An insufficient report goes back to the library for more
    information; otherwise the report moves on to the other party or to KB's decision."""
    report = _locked(report)
    if report.status != seen_status:
        raise StaleState()
    name = ADVICE_TRANSITION.get(by.partij, "kb_advies") if voldoende else "aanvulling_vragen"
    perform(report, name, by, motivering)
    try:
        with transaction.atomic():
            return RapportageBeoordeling.objects.create(
                rapportage=report,
                ronde=report.ronde,
                partij=by.partij,
                voldoende=voldoende,
                advies_verlengen=advies_verlengen,
                motivering=motivering,
                beoordelaar=by,
            )
    except IntegrityError as error:
        raise StaleState() from error


@transaction.atomic
def decide(report, by, *, verlengen: bool, motivering: str = ""):
    """KB's renewal decision once both parties advised. Deciding the same twice changes
    nothing; differing from an advice needs a recorded reason."""
    report = _locked(report)
    done = S.VERLENGD if verlengen else S.NIET_VERLENGD
    if report.status == done:
        return report
    if report.status == S.BEOORDEELD:
        advices = report.beoordelingen.filter(ronde=report.ronde)
        if any(a.advies_verlengen != verlengen for a in advices) and not motivering.strip():
            raise WorkflowError(
                _("Your decision differs from an advice: record the reason for it.")
            )
    perform(report, "verlengen" if verlengen else "niet_verlengen", by, motivering.strip())
    if verlengen:
        gemeenten = list(report.verlengen_gemeenten.all()) or None
        licenties.renew(report.licentie, by, gemeenten=gemeenten, remark=motivering.strip())
    return report
