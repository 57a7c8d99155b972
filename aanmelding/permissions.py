"""Who may do what with a sign-up: the one place where the sign-up app decides.

Every check returns a ``Verdict`` — ``(allowed, reason)`` — that is also truthy when allowed,
so django-fsm-2 can use the same functions as transition permissions. Views, downloads and
PDFs call these; hiding a button is never the check.
"""

from typing import NamedTuple

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import OPENSTAANDE_PARTIJEN, Rol, Status


class Verdict(NamedTuple):
    allowed: bool
    reason: str = ""

    def __bool__(self):
        return self.allowed


ALLOWED = Verdict(True)


def is_staff_of(user, bibliotheek_id) -> bool:
    return bool(
        user.is_authenticated
        and user.is_bibliotheekmedewerker
        and user.bibliotheek_id == bibliotheek_id
    )


def sees_all_submitted(user) -> bool:
    """Reviewers and the coordinator read every plan that is no longer a draft."""
    return bool(user.is_authenticated and (user.is_beoordelaar or user.is_coordinator))


def visible_aanmeldingen(user, queryset=None):
    """The sign-ups this user may see at all: their own library's, or all but drafts."""
    from .models import Aanmelding

    qs = Aanmelding.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return qs.none()
    rule = Q(pk__in=[])
    if user.is_bibliotheekmedewerker:
        rule |= Q(bibliotheek_id=user.bibliotheek_id)
    if sees_all_submitted(user):
        rule |= ~Q(status=Status.CONCEPT)
    return qs.filter(rule)


def can_create(user) -> Verdict:
    if user.is_authenticated and user.is_bibliotheekmedewerker:
        return ALLOWED
    return Verdict(False, _("Only library staff can sign up their library."))


def can_edit(user, aanmelding) -> Verdict:
    if not is_staff_of(user, aanmelding.bibliotheek_id):
        return Verdict(False, _("Only staff of this library can change its plan."))
    if not aanmelding.is_bewerkbaar:
        return Verdict(False, _("This plan can no longer be changed in its current state."))
    return ALLOWED


def can_act_for_library(aanmelding, user) -> Verdict:
    """Transition permission for submit, resubmit and withdraw (django-fsm-2 order).
    The technical administrator may take these steps too, from the Django admin."""
    if is_staff_of(user, aanmelding.bibliotheek_id) or user.is_superuser:
        return ALLOWED
    return Verdict(False, _("Only staff of this library can do this."))


def can_advise(aanmelding, user) -> Verdict:
    """Transition permission for an advice: a reviewer whose party has not yet advised."""
    partij = getattr(user, "partij", None) if user.is_authenticated else None
    if partij is None:
        return Verdict(False, _("Only KB and Digisterker reviewers give advice."))
    if is_staff_of(user, aanmelding.bibliotheek_id):
        return Verdict(False, _("You cannot advise on your own library."))
    if partij not in OPENSTAANDE_PARTIJEN.get(aanmelding.status, set()):
        return Verdict(False, _("Your party has no advice outstanding on this plan."))
    return ALLOWED


def can_advise_as_kb(aanmelding, user) -> Verdict:
    verdict = can_advise(aanmelding, user)
    if verdict and user.heeft_rol(Rol.KB_BEOORDELAAR):
        return verdict
    return verdict if not verdict else Verdict(False, _("Only KB reviewers can do this."))


def can_advise_as_digisterker(aanmelding, user) -> Verdict:
    verdict = can_advise(aanmelding, user)
    if verdict and user.heeft_rol(Rol.DIGISTERKER_BEOORDELAAR):
        return verdict
    return verdict if not verdict else Verdict(False, _("Only Digisterker reviewers can do this."))


def can_see_overview(user) -> Verdict:
    if user.is_authenticated and (user.is_coordinator or user.is_beoordelaar):
        return ALLOWED
    return Verdict(False, _("Only the coordinator and reviewers see the overview."))
