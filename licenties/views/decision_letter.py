"""The decision letter on a licence (ended early), for whoever may see the licence (404 else)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404

from kbregeling.accesslog import log as accesslog
from kbregeling.accesslog.constants import Kind
from kbregeling.letters import service as letters

from .. import permissions


@login_required
def decision_letter(request, pk, brief):
    qs = permissions.visible_licenties(request.user).select_related("bibliotheek")
    licentie = get_object_or_404(qs, pk=pk)
    letter = letters.letter_of_subject(licentie, brief)
    accesslog.record(
        request, Kind.DECISION_LETTER, f"{letter.kenmerk} {licentie}", licentie.bibliotheek
    )
    return letters.response(letter)
