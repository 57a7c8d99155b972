"""The decision letter on a year report, for whoever may see the report (404 else)."""

from django.contrib.auth.decorators import login_required

from kbregeling.accesslog import log as accesslog
from kbregeling.accesslog.constants import Kind
from kbregeling.letters import service as letters

from .library import get_report


@login_required
def decision_letter(request, pk, brief):
    report = get_report(request, pk)
    letter = letters.letter_of_subject(report, brief)
    accesslog.record(
        request, Kind.DECISION_LETTER, f"{letter.kenmerk} {report}", report.licentie.bibliotheek
    )
    return letters.response(letter)
