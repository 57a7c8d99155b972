"""What the licence app does when something earlier in a library's life changes. The sign-up
app knows nothing of licences: this app reacts to its approval."""

from aanmelding import service as aanmelding

from . import service


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

    aanmelding.register_plan_links(agreement_form_link)

    post_transition.connect(
        on_aanmelding_transition,
        sender=aanmelding.Aanmelding,
        dispatch_uid="licenties.first_licence",
    )
