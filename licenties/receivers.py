"""What the licence app does when something earlier in a library's life changes. The sign-up
app knows nothing of licences: this app reacts to its approval."""

from aanmelding import service as aanmelding

from . import service


def on_aanmelding_transition(sender, instance, name, source, target, **kwargs):
    """An approved sign-up gets its first licence year, in the same transaction."""
    if target == aanmelding.Status.GOEDGEKEURD:
        service.create_first_licence(instance)


def connect():
    from django_fsm.signals import post_transition

    post_transition.connect(
        on_aanmelding_transition,
        sender=aanmelding.Aanmelding,
        dispatch_uid="licenties.first_licence",
    )
