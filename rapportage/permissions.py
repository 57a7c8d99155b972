"""Who may see and do what with year reports. Each check returns a ``Verdict``.

The advice rules are those of the sign-up (a report, like a plan, knows its library and whose
advice is outstanding), so they are reused, not written twice.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aanmelding.constants import Rol
from aanmelding.permissions import (
    ALLOWED,
    Verdict,
    can_act_for_library,
    can_advise,
    can_advise_as_digisterker,
    can_advise_as_kb,
    is_staff_of,
)

__all__ = [
    "can_act_for_library",
    "can_advise",
    "can_advise_as_digisterker",
    "can_advise_as_kb",
    "can_decide",
    "can_edit",
    "visible_rapportages",
    "can_see_overview",
    "can_see_good_practices",
]


def _sees_all(user):
    return bool(user.is_authenticated and (user.is_beoordelaar or user.is_coordinator))


def visible_rapportages(user, queryset=None):
    """Own library's reports for staff; reviewers and the coordinator see all but those the
    library has not submitted yet (open and draft)."""
    from .constants import NOG_IN_TE_DIENEN
    from .models import Rapportage

    qs = Rapportage.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return qs.none()
    rule = Q(pk__in=[])
    if user.is_bibliotheekmedewerker:
        rule |= Q(licentie__bibliotheek_id=user.bibliotheek_id)
    if _sees_all(user):
        rule |= ~Q(status__in=NOG_IN_TE_DIENEN)
    return qs.filter(rule)


def can_edit(user, rapportage) -> Verdict:
    if not is_staff_of(user, rapportage.bibliotheek_id):
        return Verdict(False, _("Only staff of this library can fill in its report."))
    if not rapportage.is_bewerkbaar:
        return Verdict(False, _("This report can no longer be changed in its current state."))
    return ALLOWED


def can_decide(rapportage, user) -> Verdict:
    if user.is_authenticated and user.heeft_rol(Rol.KB_BEOORDELAAR):
        return ALLOWED
    return Verdict(False, _("Only KB takes the renewal decision."))


def can_see_overview(user) -> Verdict:
    if _sees_all(user):
        return ALLOWED
    return Verdict(False, _("Only the coordinator and reviewers see this overview."))


def can_see_good_practices(user) -> Verdict:
    """Condition 6: every logged-in user can read the good practices of approved reports."""
    if user.is_authenticated:
        return ALLOWED
    return Verdict(False, _("Log in to read the good practices."))
