"""The two-party assessment round that plans and year reports share.

KB and Stichting Digisterker each advise once per round, in any order. The state says whose
advice is outstanding: ``ingediend`` (both), ``wacht_op_kb`` (Digisterker has advised),
``wacht_op_digisterker`` (KB has advised). An advice asking for more information ends the
round (``aanvulling_gevraagd``); the library submits again and the next round starts.

A model takes part by using these states in its own status choices (``as_choice``) and by
declaring its advice transitions with ``party_advice`` and ``ends_round``, one line each; it
keeps its own start and end states (a plan ends ``goedgekeurd``, a report ``beoordeeld``).
"""

from django.db import IntegrityError, models, transaction
from django.db.models import F, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_fsm import transition

from kbregeling.accounts.constants import Partij, Rol
from kbregeling.accounts.permissions import ALLOWED, Verdict, can_act_for_library, is_staff_of

from . import snapshots
from .runner import StaleState, perform


class RoundState(models.TextChoices):
    INGEDIEND = "ingediend", _("Submitted")
    WACHT_OP_KB = "wacht_op_kb", _("Awaiting KB")
    WACHT_OP_DIGISTERKER = "wacht_op_digisterker", _("Awaiting Digisterker")
    AANVULLING_GEVRAAGD = "aanvulling_gevraagd", _("More information requested")


def as_choice(state: RoundState) -> tuple[str, str]:
    """A round state as a member of a model's own status choices."""
    return state.value, state.label


# Whose advice is still outstanding in each state of the round.
OUTSTANDING = {
    RoundState.INGEDIEND: {Partij.KB, Partij.DIGISTERKER},
    RoundState.WACHT_OP_KB: {Partij.KB},
    RoundState.WACHT_OP_DIGISTERKER: {Partij.DIGISTERKER},
}
IN_ROUND = list(OUTSTANDING)
# After this party's advice, the round waits for the other one.
WAITING_FOR_OTHER = {
    Partij.KB: RoundState.WACHT_OP_DIGISTERKER,
    Partij.DIGISTERKER: RoundState.WACHT_OP_KB,
}
ROLE_OF = {Partij.KB: Rol.KB_BEOORDELAAR, Partij.DIGISTERKER: Rol.DIGISTERKER_BEOORDELAAR}

# Advice transitions need an advice with a motivation: only the review pages take them.
REVIEW_ONLY = {"admin": False}


def awaiting(partij) -> list[str]:
    """The states in which this party's advice is outstanding."""
    return [status for status, parties in OUTSTANDING.items() if partij in parties]


def other_party(partij):
    return Partij.DIGISTERKER if partij == Partij.KB else Partij.KB


def waiting_since(round_advices):
    """An expression for when a plan or report took its last step: the newest advice of its
    current round (``round_advices``, filtered on ``OuterRef("pk")`` and ``OuterRef("ronde")``),
    else its (re)submission. For the reviewers' work queue."""
    newest = round_advices.order_by("-tijdstip").values("tijdstip")[:1]
    return Coalesce(Subquery(newest), F("ingediend_op"))


# Permissions (django-fsm-2's order: object, user) ------------------------------------------


def can_advise(obj, user) -> Verdict:
    """A reviewer whose party has not advised yet in this round, never on their own library."""
    partij = getattr(user, "partij", None) if user.is_authenticated else None
    if partij is None:
        return Verdict(False, _("Only KB and Digisterker reviewers give advice."))
    if is_staff_of(obj.bibliotheek_id, user):
        return Verdict(False, _("You cannot advise on your own library."))
    if partij not in OUTSTANDING.get(obj.status, set()):
        return Verdict(False, _("Your party has no advice outstanding on this plan."))
    return ALLOWED


def can_advise_as_kb(obj, user) -> Verdict:
    return _can_advise_as(Partij.KB, obj, user, _("Only KB reviewers can do this."))


def can_advise_as_digisterker(obj, user) -> Verdict:
    return _can_advise_as(
        Partij.DIGISTERKER, obj, user, _("Only Digisterker reviewers can do this.")
    )


def _can_advise_as(partij, obj, user, reason) -> Verdict:
    verdict = can_advise(obj, user)
    if verdict and not user.heeft_rol(ROLE_OF[partij]):
        return Verdict(False, reason)
    return verdict


PERMISSION_OF = {Partij.KB: can_advise_as_kb, Partij.DIGISTERKER: can_advise_as_digisterker}


# Transitions -------------------------------------------------------------------------------


def submission(name, field, source, complete):
    """The library submits (or submits again) from ``source``: when ``complete`` holds, the
    next round starts, and what was submitted is kept as that round's snapshot with the
    library's answer (``remark``) to the question that sent it back."""

    def submit(self, *, by, remark=""):
        self.start_round()
        snapshots.take(self, by, remark)

    submit.__name__ = submit.__qualname__ = name
    return transition(
        field=field,
        source=source,
        target=RoundState.INGEDIEND,
        conditions=[complete],
        permission=can_act_for_library,
    )(submit)


def _advice(name):
    """The method of an advice transition: the state change is all it does; the advice
    itself is stored by ``record_advice``."""

    def advice(self, *, by, remark=""):
        pass

    advice.__name__ = advice.__qualname__ = name
    return advice


def party_advice(name, field, partij, assessed):
    """The advice of ``partij`` that keeps the round going: on to the other party, or to
    ``assessed`` (the model's own state) when the other party has advised already."""
    permission = PERMISSION_OF[partij]
    other_advised = (
        RoundState.WACHT_OP_KB if partij == Partij.KB else RoundState.WACHT_OP_DIGISTERKER
    )
    method = transition(
        field=field,
        source=other_advised,
        target=assessed,
        permission=permission,
        custom=REVIEW_ONLY,
    )(_advice(name))
    return transition(
        field=field,
        source=RoundState.INGEDIEND,
        target=WAITING_FOR_OTHER[partij],
        permission=permission,
        custom=REVIEW_ONLY,
    )(method)


def ends_round(name, field, target):
    """An advice of either party that ends the round, from any of its states, in ``target``:
    more information asked, or (for a plan) a rejection."""
    return transition(
        field=field, source=IN_ROUND, target=target, permission=can_advise, custom=REVIEW_ONLY
    )(_advice(name))


# Recording an advice -----------------------------------------------------------------------


def record_advice(obj, by, transition_name, seen_status, **fields):
    """Take ``transition_name`` for ``by``'s party and store the advice in ``obj.beoordelingen``.
    The caller holds a transaction and has locked ``obj``. Refused as stale when the state
    changed since the reviewer loaded the page (``seen_status``) or their party advised in
    this round already."""
    if obj.status != seen_status:
        raise StaleState()
    perform(obj, transition_name, by, fields["motivering"])
    try:
        with transaction.atomic():
            return obj.beoordelingen.create(
                ronde=obj.ronde, partij=by.partij, beoordelaar=by, **fields
            )
    except IntegrityError as error:
        raise StaleState() from error


def rounds(obj):
    """The advices per round, newest first, KB and Digisterker side by side:
    ``[{"ronde": 2, "kb": advice or None, "digisterker": advice or None}, ...]``."""
    by_round = {}
    for advice in obj.beoordelingen.all():
        by_round.setdefault(advice.ronde, {})[advice.partij] = advice
    return [
        {
            "ronde": r,
            "kb": by_round.get(r, {}).get(Partij.KB),
            "digisterker": by_round.get(r, {}).get(Partij.DIGISTERKER),
        }
        for r in range(obj.ronde, 0, -1)
    ]


def information_request(obj):
    """The advice that asked for more information, while ``obj`` waits for the library to
    answer it: the newest advice of its round (that advice ended the round). None in any other
    state. Reads ``obj.beoordelingen.all()``, so a prefetch makes it free."""
    if obj.status != RoundState.AANVULLING_GEVRAAGD:
        return None
    advices = [advice for advice in obj.beoordelingen.all() if advice.ronde == obj.ronde]
    return max(advices, key=lambda advice: advice.tijdstip, default=None)


def both_advised(obj) -> bool:
    return obj.beoordelingen.filter(ronde=obj.ronde).count() == 2
