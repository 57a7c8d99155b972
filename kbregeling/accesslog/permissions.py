"""Who reads the access log."""

from django.utils.translation import gettext_lazy as _

from kbregeling.accounts.permissions import ALLOWED, Verdict


def can_see_access_log(user) -> Verdict:
    """The coordinator and the technical administrator."""
    if user.is_authenticated and (user.is_superuser or user.is_coordinator):
        return ALLOWED
    return Verdict(False, _("Only the coordinator and the administrator see the access log."))
