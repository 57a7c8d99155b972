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
from .succession import record_werkgebied_changes, refresh_proposals

BY_NAME = Gemeente.objects.order_by("naam")


def with_municipalities(queryset):
    """Changes with their library, municipality, successors and confirmer: four queries
    whatever their number (the changes, and one for each list of successors)."""
    return queryset.select_related("bibliotheek", "gemeente", "bevestigd_door").prefetch_related(
        Prefetch("voorgestelde_opvolgers", queryset=BY_NAME),
        Prefetch("gekozen_opvolgers", queryset=BY_NAME),
    )


def pending_for(bibliotheek_id) -> list[WerkgebiedWijziging]:
    """The library's changes still to confirm that have taken effect (one loaded in advance
    waits for its day), with the ceased municipality: one query (for its task list)."""
    return list(
        WerkgebiedWijziging.objects.pending()
        .filter(bibliotheek_id=bibliotheek_id, gemeente__geldig_tot__lt=timezone.localdate())
        .select_related("gemeente")
        .order_by("gemeente__naam", "pk")
    )


@transaction.atomic
def confirm(wijziging, by, gekozen) -> WerkgebiedWijziging:
    """Replace the ceased municipality in the werkgebied by the ``gekozen`` successors and
    record who confirmed it, when. Refused (``WorkflowError``) for anyone but the library's
    staff, a second time, and for a choice that is empty, not among the proposals or ceased
    already. A chosen successor that ceases later gets its own change to confirm."""
    wijziging = WerkgebiedWijziging.objects.select_for_update().get(pk=wijziging.pk)
    allowed, reason = permissions.can_confirm_werkgebied_change(wijziging, by)
    if not allowed:
        raise WorkflowError(reason)
    proposed = set(wijziging.voorgestelde_opvolgers.values_list("pk", flat=True))
    chosen = [gemeente for gemeente in gekozen if gemeente.pk in proposed]
    if not chosen or len(chosen) != len(list(gekozen)):
        raise WorkflowError(_("Choose at least one of the proposed municipalities."))
    today = timezone.localdate()
    ceased = [g.naam for g in chosen if g.geldig_tot and g.geldig_tot < today]
    if ceased:
        raise WorkflowError(
            _("%(names)s no longer exists: choose the municipalities that took its place.")
            % {"names": ", ".join(sorted(ceased))}
        )
    werkgebied = wijziging.bibliotheek.werkgebied
    werkgebied.remove(wijziging.gemeente)
    werkgebied.add(*chosen)
    wijziging.gekozen_opvolgers.set(chosen)
    wijziging.bevestigd_door = by
    wijziging.bevestigd_op = timezone.now()
    wijziging.save(update_fields=["bevestigd_door", "bevestigd_op"])
    # A chosen successor that has a last day too (a later change loaded already) waits for
    # the library in turn, from the day that change takes effect.
    ending = [gemeente for gemeente in chosen if gemeente.geldig_tot]
    if ending:
        record_werkgebied_changes(ending)
    return wijziging


def refresh(wijziging) -> int:
    """Before the library chooses: a proposed successor that has ceased since the change was
    recorded (its own change loaded in advance) is replaced by those that hold its area
    today. Writes only then."""
    today = timezone.localdate()
    ceased = [
        g.pk
        for g in wijziging.voorgestelde_opvolgers.all()
        if g.geldig_tot and g.geldig_tot < today
    ]
    if wijziging.is_bevestigd or not ceased:
        return 0
    return refresh_proposals(ceased)


@transaction.atomic
def settle(bibliotheek, by) -> int:
    """After KB's administrator edited the werkgebied: a pending change whose ceased
    municipality is no longer in it is settled as they left it (the successors now in the
    werkgebied chosen), by them, now, marked as settled by that edit (not confirmed by the
    library). A change the library confirmed meanwhile is left as it is. Returns how many."""
    in_werkgebied = set(bibliotheek.werkgebied.values_list("pk", flat=True))
    settled = 0
    locked = WerkgebiedWijziging.objects.select_for_update().filter(
        bibliotheek=bibliotheek, bevestigd_op__isnull=True
    )
    for wijziging in locked:
        if wijziging.is_bevestigd or wijziging.gemeente_id in in_werkgebied:
            continue  # confirmed while we waited for the lock, or still in the werkgebied
        wijziging.gekozen_opvolgers.set(
            wijziging.voorgestelde_opvolgers.filter(pk__in=in_werkgebied)
        )
        wijziging.bevestigd_door = by
        wijziging.bevestigd_op = timezone.now()
        wijziging.afgehandeld_door_beheer = True
        wijziging.save(update_fields=["bevestigd_door", "bevestigd_op", "afgehandeld_door_beheer"])
        settled += 1
    return settled
