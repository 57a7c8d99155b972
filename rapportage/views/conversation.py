"""The conversation on a year report: the report's own visibility first (404), then the
conversation's rules (``kbregeling.conversation``)."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse

from kbregeling.conversation import views as conversation

from .library import get_report


def _report(request, pk):
    report = get_report(request, pk)
    return report, report.bibliotheek_id, reverse("rapportage:detail", args=[pk])


@login_required
def post(request, pk):
    return conversation.post(request, *_report(request, pk))


@login_required
def withdraw(request, pk, bericht):
    return conversation.withdraw(request, *_report(request, pk), bericht)


@login_required
def attachment(request, pk, bericht):
    report = get_report(request, pk)
    return conversation.attachment(request, report, report.bibliotheek_id, bericht)
