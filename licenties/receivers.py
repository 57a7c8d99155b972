"""What the licence app does when something earlier in a library's life changes (the sign-up
app knows nothing of licences: this app reacts to its approval), and when KB ends a licence
early: its decision letter, and a mail to the library that carries it."""

from aanmelding import service as aanmelding
from kbregeling.mail.notify import LIBRARY, transition_notifier

from . import letters, service
from .constants import LicentieStatus

# Target state → who hears of it, with which template: the library, of an early end.
MESSAGES = {LicentieStatus.BEEINDIGD: [(LIBRARY, "licenties/email/beeindigd.txt")]}

on_licence_transition = transition_notifier(
    MESSAGES,
    "licentie",
    "licenties:detail",
    lambda licentie: licentie.bibliotheek,
    extra=letters.outcome_mail,  # the decision letter, made by the receiver connected first
)


def on_aanmelding_transition(sender, instance, name, source, target, **kwargs):
    """An approved sign-up gets its first licence year, in the same transaction."""
    if target == aanmelding.Status.GOEDGEKEURD:
        service.create_first_licence(instance)


def agreement_form_link(aanmelding_obj, user):
    """An approved plan links Digisterker's reviewers to the agreement form of its library."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from . import permissions

    if aanmelding_obj.status != aanmelding.Status.GOEDGEKEURD:
        return []
    if not permissions.can_manage_agreement(user):
        return []
    url = reverse("licenties:agreement", args=[aanmelding_obj.bibliotheek_id])
    return [(_("Record the agreement with Stichting Digisterker"), url)]


def connect():
    from django_fsm.signals import post_transition

    from .models import Licentie

    aanmelding.register_plan_links(agreement_form_link)
    post_transition.connect(
        letters.on_transition, sender=Licentie, dispatch_uid="licenties.letters"
    )
    post_transition.connect(on_licence_transition, sender=Licentie, dispatch_uid="licenties.notify")

    post_transition.connect(
        on_aanmelding_transition,
        sender=aanmelding.Aanmelding,
        dispatch_uid="licenties.first_licence",
    )
