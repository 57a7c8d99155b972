"""The conversation on a plan: the sign-up's own visibility first (404), then the
conversation's rules (``kbregeling.conversation``)."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse

from kbregeling.conversation import views as conversation

from .common import get_aanmelding


def _plan(request, pk):
    aanmelding = get_aanmelding(request, pk)
    return aanmelding, aanmelding.bibliotheek_id, reverse("aanmelding:detail", args=[pk])


@login_required
def post(request, pk):
    return conversation.post(request, *_plan(request, pk))


@login_required
def withdraw(request, pk, bericht):
    return conversation.withdraw(request, *_plan(request, pk), bericht)


@login_required
def attachment(request, pk, bericht):
    aanmelding = get_aanmelding(request, pk)
    return conversation.attachment(request, aanmelding, aanmelding.bibliotheek_id, bericht)
