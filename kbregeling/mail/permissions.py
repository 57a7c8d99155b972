"""Who sees the mail the outbox gave up on, and who may send it again."""

from django.utils.translation import gettext_lazy as _

from kbregeling.accounts.constants import Rol
from kbregeling.accounts.permissions import ALLOWED, Verdict


def can_see_failed(user) -> Verdict:
    """KB (its reviewers), the coordinator and the technical administrator."""
    if user.is_authenticated and (
        user.is_superuser or user.heeft_rol(Rol.KB_BEOORDELAAR) or user.is_coordinator
    ):
        return ALLOWED
    return Verdict(False, _("Only KB and the coordinator see the e-mail that was not sent."))


def can_resend(user) -> Verdict:
    """KB reviewers and the technical administrator; the coordinator only reads."""
    if user.is_authenticated and (user.is_superuser or user.heeft_rol(Rol.KB_BEOORDELAAR)):
        return ALLOWED
    return Verdict(False, _("Only KB can send an e-mail again."))
