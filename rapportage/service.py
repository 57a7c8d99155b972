"""The report app's public face: opening reports, saving, submitting, advice, the decision."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kbregeling.accounts.constants import Partij
from kbregeling.documents.spreadsheets import xlsx_bytes
from kbregeling.workflow.assessment import record_advice
from kbregeling.workflow.drafts import claim_version
from kbregeling.workflow.runner import StaleState, WorkflowError, perform
from licenties import service as licenties

from . import permissions
from .constants import RapportageStatus as S
from .figures import good_practices_sheet, national_figures, tables
from .figures_cache import cached
from .models import Rapportage
from .rules import submission_errors

__all__ = [
    "StaleState",
    "WorkflowError",
    "open_due_reports",
    "save_report",
    "submit",
    "advise",
    "decide",
    "national_tables",
    "national_workbook",
]


def schedule_for(licentie):
    """(opens on, due on) for the report of a licence year."""
    opens = licentie.einddatum - timedelta(weeks=settings.RAPPORTAGE_OPENS_WEEKS_BEFORE)
    due = licentie.einddatum + timedelta(weeks=settings.RAPPORTAGE_DUE_WEEKS_AFTER)
    return opens, due


def open_due_reports(today) -> list[Rapportage]:
    """Create the report of every licence year whose opening date has come; idempotent."""
    weeks = timedelta(weeks=settings.RAPPORTAGE_OPENS_WEEKS_BEFORE)
    due = licenties.ended_by(today + weeks).filter(rapportage__isnull=True)
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
    claim_version(
        report,
        versie,
        permissions.can_edit(report, by),
        _(
            "Someone else saved this report while you were editing it. Your changes are "
            "still in the form below: copy what you need, then reload the page."
        ),
    )
    if report.status == S.OPEN:
        perform(report, "starten", by)
    form.save()
    return report


def _locked(report) -> Rapportage:
    return Rapportage.objects.select_for_update().select_related("licentie").get(pk=report.pk)


@transaction.atomic
def submit(report, by, answer="") -> Rapportage:
    """Submit the report, or submit it again with the library's ``answer`` to the question
    that sent it back (kept with the round's snapshot and in the history)."""
    report = _locked(report)
    if report.status == S.OPEN:
        perform(report, "starten", by)
    errors = submission_errors(report)
    if errors and permissions.can_edit(report, by):
        raise WorkflowError(_("The report is not complete yet."))
    again = report.status == S.AANVULLING_GEVRAAGD
    perform(report, "indienen", by, answer.strip() if again else "")
    return report


ADVICE_TRANSITION = {Partij.KB: "kb_advies", Partij.DIGISTERKER: "digisterker_advies"}


@transaction.atomic
def advise(report, by, *, voldoende, advies_verlengen, motivering, seen_status):
    """One party's advice. An insufficient report goes back to the library for more
    information; otherwise the report moves on to the other party or to KB's decision."""
    name = ADVICE_TRANSITION.get(by.partij, "kb_advies") if voldoende else "aanvulling_vragen"
    return record_advice(
        _locked(report),
        by,
        name,
        seen_status,
        voldoende=voldoende,
        advies_verlengen=advies_verlengen,
        motivering=motivering,
    )


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


def national_tables(jaar):
    """(year, tables) of the national figures, for the CSV and the XLSX (cached, see
    ``figures_cache``)."""
    return jaar, cached("tables", jaar, lambda: tables(national_figures(jaar)))


def national_workbook(jaar) -> tuple[int, bytes]:
    """(year, XLSX) of the national figures: a sheet per table, good practices wrapped."""

    def build():
        _jaar, sheets = national_tables(jaar)
        return xlsx_bytes(sheets, text_columns={good_practices_sheet(): "C"})

    return jaar, cached("xlsx", jaar, build)
