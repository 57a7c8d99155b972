from aanmelding.constants import Status

from . import service


def on_aanmelding_approved(sender, instance, name, source, target, **kwargs):
    """An approved sign-up gets its first licence year, in the same transaction."""
    if target == Status.GOEDGEKEURD:
        service.create_first_licence(instance)
