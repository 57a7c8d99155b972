"""Who reads and who writes in a conversation: the one place where this app decides.

The domain app first decides that the person may see the sign-up or year report at all (its
own permission, 404 otherwise); these rules come on top. They take the library the subject
belongs to (``bibliotheek_id``), as ``kbregeling.accounts.permissions.is_staff_of`` does:

- the library's own staff read and write the messages, never the internal notes;
- KB and Digisterker reviewers read everything and write messages and internal notes, but
  never on their own library (as they never advise on it), where they read as its staff;
- the coordinator reads everything and writes nothing;
- anyone else reads nothing (the views answer 404).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kbregeling.accounts.permissions import ALLOWED, Verdict, is_staff_of

from .constants import WITHDRAW_WITHIN, Kant


def _reviewer(user) -> bool:
    return bool(user.is_authenticated and user.is_beoordelaar)


def _coordinator(user) -> bool:
    return bool(user.is_authenticated and user.is_coordinator)


def can_read(bibliotheek_id, user) -> Verdict:
    if is_staff_of(bibliotheek_id, user) or _reviewer(user) or _coordinator(user):
        return ALLOWED
    return Verdict(False, _("Only this library, the reviewers and the coordinator read this."))


def sees_internal(bibliotheek_id, user) -> bool:
    """Reviewers and the coordinator, except on a library they work for."""
    if is_staff_of(bibliotheek_id, user):
        return False
    return _reviewer(user) or _coordinator(user)


def can_post(bibliotheek_id, user) -> Verdict:
    if is_staff_of(bibliotheek_id, user):
        return ALLOWED
    if _reviewer(user):
        return ALLOWED
    if _coordinator(user):
        return Verdict(False, _("The coordinator reads the conversation but does not take part."))
    return Verdict(False, _("Only this library and the reviewers write here."))


def can_post_internal(bibliotheek_id, user) -> Verdict:
    if _reviewer(user) and not is_staff_of(bibliotheek_id, user):
        return ALLOWED
    return Verdict(False, _("Only KB and Digisterker reviewers write internal notes."))


def side_of(bibliotheek_id, user) -> str:
    """The side a new message of ``user`` speaks for (``can_post`` has allowed it)."""
    if is_staff_of(bibliotheek_id, user):
        return Kant.BIBLIOTHEEK
    return user.partij


def can_see(bericht, user) -> Verdict:
    """One message: an internal note only for those who see internal notes."""
    verdict = can_read(bericht.bibliotheek_id, user)
    if verdict and bericht.intern and not sees_internal(bericht.bibliotheek_id, user):
        return Verdict(False, _("Internal notes are for KB and Digisterker only."))
    return verdict


def visible(queryset, bibliotheek_id, user):
    """The messages of one subject's ``queryset`` that ``user`` may read."""
    if not can_read(bibliotheek_id, user):
        return queryset.none()
    if sees_internal(bibliotheek_id, user):
        return queryset
    return queryset.filter(intern=False)


def can_withdraw(bericht, user, now=None) -> Verdict:
    now = now or timezone.now()
    if bericht.auteur_id != user.pk:
        return Verdict(False, _("Only its author can withdraw a message."))
    if bericht.ingetrokken_op:
        return Verdict(False, _("This message was already withdrawn."))
    if now > bericht.geplaatst_op + WITHDRAW_WITHIN:
        return Verdict(False, _("A message can be withdrawn only in the first 15 minutes."))
    return ALLOWED
