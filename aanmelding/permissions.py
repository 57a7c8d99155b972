"""Who may do what with a sign-up: the one place where the sign-up app decides.

Every check returns a ``Verdict`` (``kbregeling.accounts.permissions``): ``(object, user)``
for a check about one sign-up, ``(user)`` for one about the user alone. Views, downloads and
PDFs call these; hiding a button is never the check. The advice checks are those of the
two-party assessment round (``kbregeling.workflow.assessment``).
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from kbregeling.accounts.constants import Rol
from kbregeling.accounts.permissions import (
    ALLOWED,
    Verdict,
    can_act_for_library,
    is_kb_administrator,
    is_library_staff,
    is_staff_of,
    own_library_or_submitted,
    reviewer_or_coordinator,
    sees_all_submitted,
)
from kbregeling.workflow.assessment import can_advise

from .constants import Status

__all__ = [
    "can_act_for_library",
    "can_advise",
    "can_create",
    "can_edit",
    "can_see_own_signups",
    "can_manage_libraries",
    "can_see_overview",
    "can_see_werkgebied_changes",
    "can_confirm_werkgebied_change",
    "visible_aanmeldingen",
    "visible_werkgebied_changes",
]


def visible_aanmeldingen(user, queryset=None):
    """The sign-ups this user may see at all: their own library's, or all but drafts."""
    from .models import Aanmelding

    qs = Aanmelding.objects.all() if queryset is None else queryset
    return own_library_or_submitted(user, qs, "bibliotheek_id", [Status.CONCEPT])


def can_create(user) -> Verdict:
    return is_library_staff(user)


def can_see_own_signups(user) -> Verdict:
    """The page of a library's own sign-ups: its staff; the refusal tells others where to go."""
    if is_library_staff(user):
        return ALLOWED
    if sees_all_submitted(user):
        return Verdict(
            False,
            _(
                "This page shows a library's own sign-ups. Reviewers find the plans that await "
                "them under Work queue; the coordinator finds every submitted plan under "
                "Sign-ups."
            ),
        )
    return Verdict(False, _("Only library staff have sign-ups of their own."))


def can_edit(aanmelding, user) -> Verdict:
    if not is_staff_of(aanmelding.bibliotheek_id, user):
        return Verdict(False, _("Only staff of this library can change its plan."))
    if not aanmelding.is_bewerkbaar:
        return Verdict(False, _("This plan can no longer be changed in its current state."))
    return ALLOWED


def can_see_overview(user) -> Verdict:
    return reviewer_or_coordinator(user, _("Only the coordinator and reviewers see the overview."))


def can_manage_libraries(user) -> Verdict:
    """KB's administrator onboards and edits libraries and handles interest requests."""
    return is_kb_administrator(user)


# Municipal changes that reach a werkgebied (``werkgebied_changes``) ------------------------


def sees_every_werkgebied_change(user) -> bool:
    """KB's reviewers, the coordinator and KB's administrator (who keeps the reference data)."""
    return bool(
        user.is_authenticated
        and (
            user.heeft_rol(Rol.KB_BEOORDELAAR)
            or user.heeft_rol(Rol.COORDINATOR)
            or user.heeft_rol(Rol.KB_BEHEERDER)
        )
    )


def can_see_werkgebied_changes(user) -> Verdict:
    """KB's list of the municipal changes waiting for the libraries to confirm."""
    if sees_every_werkgebied_change(user):
        return ALLOWED
    return Verdict(
        False,
        _(
            "Only KB's reviewers, the coordinator and KB's administrator see the municipal "
            "changes of every library. Library staff find theirs under Next steps."
        ),
    )


def visible_werkgebied_changes(user, queryset):
    """A library's staff see their own library's changes once they have taken effect (a
    change loaded in advance waits for its day); KB (as above) every library's."""
    if sees_every_werkgebied_change(user):
        return queryset
    if user.is_authenticated and user.is_bibliotheekmedewerker:
        return queryset.filter(
            bibliotheek_id=user.bibliotheek_id, gemeente__geldig_tot__lt=timezone.localdate()
        )
    return queryset.none()


def can_confirm_werkgebied_change(wijziging, user) -> Verdict:
    """The library decides which successors it serves: only its own staff confirm."""
    if not is_staff_of(wijziging.bibliotheek_id, user):
        return Verdict(
            False, _("Only staff of this library can confirm a change to its werkgebied.")
        )
    if wijziging.is_bevestigd:
        return Verdict(False, _("This change to the werkgebied was confirmed already."))
    last_day = wijziging.gemeente.geldig_tot
    if last_day is None or last_day >= timezone.localdate():
        return Verdict(
            False,
            _("This change takes effect on %(day)s: confirm it from that day.")
            % {"day": date_format(last_day + timedelta(days=1)) if last_day else "–"},
        )
    return ALLOWED
