"""The decision letter of a plan, for whoever may see the plan (404 for anyone else)."""

from django.contrib.auth.decorators import login_required

from kbregeling.accesslog import log as accesslog
from kbregeling.accesslog.constants import Kind
from kbregeling.letters import service as letters

from .common import get_aanmelding


@login_required
def decision_letter(request, pk, brief):
    aanmelding = get_aanmelding(request, pk)
    letter = letters.letter_of_subject(aanmelding, brief)
    accesslog.record(
        request, Kind.DECISION_LETTER, f"{letter.kenmerk} {aanmelding}", aanmelding.bibliotheek
    )
    return letters.response(letter)
