"""Municipal changes in a werkgebied: the library confirms, then the werkgebied follows.

Loading a change (``reference_data``) records a ``WerkgebiedWijziging`` for every library
whose werkgebied holds the ceased municipality. Until the library's staff confirm it, the
werkgebied stays as it is; on confirmation the ceased municipality is replaced by the
successors they chose (for a split, the part they serve: at least one), with who and when.
KB's administrator who edits the werkgebied by hand settles the change as well.
"""

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from kbregeling.workflow.runner import WorkflowError

from . import permissions
from .models import Gemeente, WerkgebiedWijziging

BY_NAME = Gemeente.objects.order_by("naam")


def with_municipalities(queryset):
    """Changes with their library, municipality, successors and confirmer: four queries
    whatever their number (the changes, and one for each list of successors)."""
    return queryset.select_related("bibliotheek", "gemeente", "bevestigd_door").prefetch_related(
        Prefetch("voorgestelde_opvolgers", queryset=BY_NAME),
        Prefetch("gekozen_opvolgers", queryset=BY_NAME),
    )


def pending_for(bibliotheek_id) -> list[WerkgebiedWijziging]:
    """The library's changes still to confirm, with the ceased municipality: one query (for
    its task list)."""
    return list(
        WerkgebiedWijziging.objects.pending()
        .filter(bibliotheek_id=bibliotheek_id)
        .select_related("gemeente")
        .order_by("gemeente__naam", "pk")
    )


@transaction.atomic
def confirm(wijziging, by, gekozen) -> WerkgebiedWijziging:
    """Replace the ceased municipality in the werkgebied by the ``gekozen`` successors and
    record who confirmed it, when. Refused (``WorkflowError``) for anyone but the library's
    staff, a second time, and for a choice that is empty or not among the proposals."""
    wijziging = WerkgebiedWijziging.objects.select_for_update().get(pk=wijziging.pk)
    allowed, reason = permissions.can_confirm_werkgebied_change(wijziging, by)
    if not allowed:
        raise WorkflowError(reason)
    proposed = set(wijziging.voorgestelde_opvolgers.values_list("pk", flat=True))
    chosen = [gemeente for gemeente in gekozen if gemeente.pk in proposed]
    if not chosen or len(chosen) != len(list(gekozen)):
        raise WorkflowError(_("Choose at least one of the proposed municipalities."))
    werkgebied = wijziging.bibliotheek.werkgebied
    werkgebied.remove(wijziging.gemeente)
    werkgebied.add(*chosen)
    wijziging.gekozen_opvolgers.set(chosen)
    wijziging.bevestigd_door = by
    wijziging.bevestigd_op = timezone.now()
    wijziging.save(update_fields=["bevestigd_door", "bevestigd_op"])
    return wijziging


@transaction.atomic
def settle(bibliotheek, by) -> int:
    """After KB's administrator edited the werkgebied: a pending change whose ceased
    municipality is no longer in it is settled as they left it (the successors now in the
    werkgebied chosen), by them, now. Returns how many."""
    in_werkgebied = set(bibliotheek.werkgebied.values_list("pk", flat=True))
    settled = 0
    for wijziging in WerkgebiedWijziging.objects.pending().filter(bibliotheek=bibliotheek):
        if wijziging.gemeente_id in in_werkgebied:
            continue
        wijziging.gekozen_opvolgers.set(
            wijziging.voorgestelde_opvolgers.filter(pk__in=in_werkgebied)
        )
        wijziging.bevestigd_door = by
        wijziging.bevestigd_op = timezone.now()
        wijziging.save(update_fields=["bevestigd_door", "bevestigd_op"])
        settled += 1
    return settled
