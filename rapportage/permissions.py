"""Who may see and do what with year reports. Each check returns a ``Verdict``:
``(object, user)`` for a check about one report, ``(user)`` for one about the user alone.

The advice checks are those of the two-party assessment round
(``kbregeling.workflow.assessment``), which plans and reports share.
"""

from django.utils.translation import gettext_lazy as _

from kbregeling.accounts.constants import Rol
from kbregeling.accounts.permissions import (
    ALLOWED,
    Verdict,
    can_act_for_library,
    has_role,
    is_library_staff,
    is_staff_of,
    own_library_or_submitted,
    reviewer_or_coordinator,
    sees_all_submitted,
)
from kbregeling.workflow.assessment import can_advise

__all__ = [
    "can_act_for_library",
    "can_advise",
    "can_decide",
    "can_edit",
    "can_see_good_practices",
    "can_see_overview",
    "can_see_work_queue",
    "can_see_own_reports",
    "can_see_tasklist",
    "visible_rapportages",
]


def visible_rapportages(user, queryset=None):
    """Own library's reports for staff; reviewers and the coordinator see all but those the
    library has not submitted yet (open and draft)."""
    from .constants import NOG_IN_TE_DIENEN
    from .models import Rapportage

    qs = Rapportage.objects.all() if queryset is None else queryset
    return own_library_or_submitted(user, qs, "licentie__bibliotheek_id", NOG_IN_TE_DIENEN)


def can_see_own_reports(user) -> Verdict:
    """The page of a library's own year reports: its staff; the refusal says where others go."""
    if is_library_staff(user):
        return ALLOWED
    if sees_all_submitted(user):
        return Verdict(
            False,
            _(
                "This page shows a library's own year reports. Reviewers find the reports that "
                "await them under Work queue; the coordinator finds every submitted year report "
                "under Year reports."
            ),
        )
    return Verdict(False, _("Only library staff have year reports of their own."))


def can_see_tasklist(user) -> Verdict:
    """The task list shows what is next for one library: the start page of its staff."""
    if is_library_staff(user):
        return ALLOWED
    return Verdict(
        False, _("The task list shows what is next for one library: only its staff see it.")
    )


def can_edit(rapportage, user) -> Verdict:
    if not is_staff_of(rapportage.bibliotheek_id, user):
        return Verdict(False, _("Only staff of this library can fill in its report."))
    if not rapportage.is_bewerkbaar:
        return Verdict(False, _("This report can no longer be changed in its current state."))
    return ALLOWED


def can_decide(rapportage, user) -> Verdict:
    return has_role(user, Rol.KB_BEOORDELAAR, _("Only KB takes the renewal decision."))


def can_see_overview(user) -> Verdict:
    return reviewer_or_coordinator(user, _("Only the coordinator and reviewers see this overview."))


def can_see_work_queue(user) -> Verdict:
    """The work queue lists what awaits a reviewer's party: KB and Digisterker reviewers only.
    The coordinator follows the same items, read-only, in the overviews of sign-ups and
    year reports."""
    if user.is_authenticated and user.partij:
        return ALLOWED
    return Verdict(
        False,
        _(
            "Only KB and Digisterker reviewers have a work queue. The coordinator finds the "
            "sign-ups and year reports in their overviews."
        ),
    )


def can_see_good_practices(user) -> Verdict:
    """Condition 6: every logged-in user can read the good practices of approved reports."""
    if user.is_authenticated:
        return ALLOWED
    return Verdict(False, _("Log in to read the good practices."))
