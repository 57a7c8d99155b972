"""Who may see and do what with licences, agreements and tariffs. Each check returns a
``Verdict``: ``(object, user)`` for a check about one licence or library, ``(user)`` for one
about the user alone."""

from django.utils.translation import gettext_lazy as _

from kbregeling.accounts.constants import Rol
from kbregeling.accounts.permissions import (
    ALLOWED,
    Verdict,
    has_role,
    is_library_staff,
    is_staff_of,
    reviewer_or_coordinator,
    sees_all_submitted,
)


def visible_licenties(user, queryset=None):
    from .models import Licentie

    qs = Licentie.objects.all() if queryset is None else queryset
    if sees_all_submitted(user):
        return qs
    if user.is_authenticated and user.is_bibliotheekmedewerker:
        return qs.filter(bibliotheek_id=user.bibliotheek_id)
    return qs.none()


def can_view_library(bibliotheek_id, user) -> Verdict:
    """Licences and agreement of one library: its own staff, reviewers and the coordinator."""
    if is_staff_of(bibliotheek_id, user) or sees_all_submitted(user):
        return ALLOWED
    return Verdict(False, _("You may not see this library's licences."))


def can_see_own_licences(user) -> Verdict:
    if is_library_staff(user):
        return ALLOWED
    return Verdict(False, _("Only library staff have their own licences."))


def can_list_all(user) -> Verdict:
    return reviewer_or_coordinator(user, _("Only reviewers and the coordinator see all licences."))


def can_manage_agreement(user) -> Verdict:
    return has_role(user, Rol.DIGISTERKER_BEOORDELAAR, _("Only Digisterker records the agreement."))


def can_sign_agreement(overeenkomst, user) -> Verdict:
    """Transition permission of signing: whoever records agreements."""
    return can_manage_agreement(user)


def can_manage_tarieven(user) -> Verdict:
    return has_role(user, Rol.KB_BEOORDELAAR, _("Only KB maintains the tariffs."))


def can_record_licence(user) -> Verdict:
    return has_role(user, Rol.KB_BEOORDELAAR, _("Only KB records a licence year by hand."))


def can_end(licentie, user) -> Verdict:
    return has_role(user, Rol.KB_BEOORDELAAR, _("Only KB can end a licence."))


def can_renew(licentie, user) -> Verdict:
    return has_role(user, Rol.KB_BEOORDELAAR, _("Only KB decides on renewal."))


def system_only(licentie, user) -> Verdict:
    """Activation and expiry follow the calendar: the daily task takes them, nobody else."""
    return Verdict(False, _("This happens automatically on the date."))


def can_see_overview(user) -> Verdict:
    return can_list_all(user)
