"""The one permission style of the project, and the role checks every app builds on.

Every check returns a ``Verdict``, ``(allowed, reason)``, that is also truthy when allowed, so
django-fsm-2 can use the same functions as transition permissions. The argument order is the
same everywhere: a check about an object takes ``(object, user)`` (django-fsm-2's order), a
check about the user alone takes ``(user)``, and a scope of visible objects takes
``(user, queryset)``.
"""

from typing import NamedTuple

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import REVIEWER_PARTY_ROLES, Rol


class Verdict(NamedTuple):
    allowed: bool
    reason: str = ""

    def __bool__(self):
        return self.allowed


ALLOWED = Verdict(True)


def is_staff_of(bibliotheek_id, user) -> bool:
    """The user works for this library."""
    return bool(
        user.is_authenticated
        and user.is_bibliotheekmedewerker
        and user.bibliotheek_id == bibliotheek_id
    )


def sees_all_submitted(user) -> bool:
    """Reviewers and the coordinator read every plan and report the library has submitted."""
    return bool(user.is_authenticated and (user.is_beoordelaar or user.is_coordinator))


def is_library_staff(user) -> Verdict:
    if user.is_authenticated and user.is_bibliotheekmedewerker:
        return ALLOWED
    return Verdict(False, _("Only library staff can sign up their library."))


def has_role(user, rol, reason) -> Verdict:
    if user.is_authenticated and user.heeft_rol(rol):
        return ALLOWED
    return Verdict(False, reason)


def reviewer_or_coordinator(user, reason) -> Verdict:
    return ALLOWED if sees_all_submitted(user) else Verdict(False, reason)


def can_act_for_library(obj, user) -> Verdict:
    """Transition permission for what a library does with its own plan or report (submit,
    resubmit, withdraw, start). The technical administrator may take these steps too, from
    the Django admin."""
    if is_staff_of(obj.bibliotheek_id, user) or user.is_superuser:
        return ALLOWED
    return Verdict(False, _("Only staff of this library can do this."))


def own_library_or_submitted(user, queryset, library_lookup, unsubmitted):
    """The scope of plans and reports: library staff see their own library's (``library_lookup``
    names its id), reviewers and the coordinator all but those in an ``unsubmitted`` state."""
    if not user.is_authenticated:
        return queryset.none()
    rule = Q(pk__in=[])
    if user.is_bibliotheekmedewerker:
        rule |= Q(**{library_lookup: user.bibliotheek_id})
    if sees_all_submitted(user):
        rule |= ~Q(status__in=unsubmitted)
    return queryset.filter(rule)


def is_kb_administrator(user) -> Verdict:
    """KB's functional administrator: libraries, people and reference data in the app."""
    return has_role(user, Rol.KB_BEHEERDER, _("Only KB's administrator can do this."))


def can_manage_library_people(bibliotheek_id, user) -> Verdict:
    """A library's staff manage their own colleagues; KB's administrator those of every
    library."""
    if is_staff_of(bibliotheek_id, user) or is_kb_administrator(user):
        return ALLOWED
    return Verdict(False, _("Only this library's staff and KB's administrator manage its people."))


def can_manage_person(person, user) -> Verdict:
    """Staff of a library by that library's rule; reviewers, coordinators and administrators
    by KB's administrator alone; the technical administrator (a superuser) only in the
    Django admin."""
    if person.is_superuser:
        return Verdict(False, _("The technical administrator is managed in the Django admin."))
    if person.bibliotheek_id and Rol.BIBLIOTHEEKMEDEWERKER in person.rollen:
        return can_manage_library_people(person.bibliotheek_id, user)
    if not person.rollen & set(REVIEWER_PARTY_ROLES):
        return Verdict(False, _("Only KB's administrator can do this."))
    return is_kb_administrator(user)


def can_manage_invitation(invitation, user) -> Verdict:
    if invitation.bibliotheek_id:
        return can_manage_library_people(invitation.bibliotheek_id, user)
    return is_kb_administrator(user)
