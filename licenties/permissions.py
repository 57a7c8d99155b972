"""Who may see and do what with licences, agreements and tariffs. Each check returns a
``Verdict`` (``(allowed, reason)``, truthy when allowed)."""

from django.utils.translation import gettext_lazy as _

from aanmelding.constants import Rol
from aanmelding.permissions import ALLOWED, Verdict, is_staff_of


def _sees_all(user) -> bool:
    return bool(user.is_authenticated and (user.is_beoordelaar or user.is_coordinator))


def visible_licenties(user, queryset=None):
    from .models import Licentie

    qs = Licentie.objects.all() if queryset is None else queryset
    if _sees_all(user):
        return qs
    if user.is_authenticated and user.is_bibliotheekmedewerker:
        return qs.filter(bibliotheek_id=user.bibliotheek_id)
    return qs.none()


def can_view_library(user, bibliotheek_id) -> Verdict:
    """Licences and agreement of one library: its own staff, reviewers and the coordinator."""
    if is_staff_of(user, bibliotheek_id) or _sees_all(user):
        return ALLOWED
    return Verdict(False, _("You may not see this library's licences."))


def can_see_own_licences(user) -> Verdict:
    if user.is_authenticated and user.is_bibliotheekmedewerker:
        return ALLOWED
    return Verdict(False, _("Only library staff have their own licences."))


def can_list_all(user) -> Verdict:
    if _sees_all(user):
        return ALLOWED
    return Verdict(False, _("Only reviewers and the coordinator see all licences."))


def can_manage_agreement(user) -> Verdict:
    if user.is_authenticated and user.heeft_rol(Rol.DIGISTERKER_BEOORDELAAR):
        return ALLOWED
    return Verdict(False, _("Only Digisterker records the agreement."))


def can_manage_agreement_transition(overeenkomst, user) -> Verdict:
    return can_manage_agreement(user)


def can_manage_tarieven(user) -> Verdict:
    if user.is_authenticated and user.heeft_rol(Rol.KB_BEOORDELAAR):
        return ALLOWED
    return Verdict(False, _("Only KB maintains the tariffs."))


def can_end(licentie, user) -> Verdict:
    if user.is_authenticated and user.heeft_rol(Rol.KB_BEOORDELAAR):
        return ALLOWED
    return Verdict(False, _("Only KB can end a licence."))


def can_renew(licentie, user) -> Verdict:
    if user.is_authenticated and user.heeft_rol(Rol.KB_BEOORDELAAR):
        return ALLOWED
    return Verdict(False, _("Only KB decides on renewal."))


def system_only(licentie, user) -> Verdict:
    """Activation and expiry follow the calendar: the daily task takes them, nobody else."""
    return Verdict(False, _("This happens automatically on the date."))


def can_see_overview(user) -> Verdict:
    return can_list_all(user)
