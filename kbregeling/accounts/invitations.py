"""Invitations: the one way a person gets an account. A one-time link by e-mail (through the
outbox, as a private mail whose text is erased once sent) leads to a page where they choose a
password; the roles that need a second factor set it up right after. The link's token is
random and only its hash is stored; a link is valid ``INVITATION_DAYS`` days.

Who may invite whom is decided in ``permissions``; this module does what was allowed."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kbregeling.mail import outbox

from .constants import Rol
from .models import Gebruiker, Uitnodiging


class InvitationError(ValueError):
    """Why an invitation cannot be made or accepted, in Dutch for the page."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_link(invitation) -> str:
    token = secrets.token_urlsafe(32)
    invitation.token_hash = _hash(token)
    now = timezone.now()
    invitation.verstuurd_op = now
    invitation.verloopt_op = now + timedelta(days=settings.INVITATION_DAYS)
    return settings.SITE_URL + reverse("accounts:invitation", args=[token])


def account_exists(email) -> bool:
    return Gebruiker.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists()


def invite(*, by, email, rol, bibliotheek=None, voornaam="", achternaam="") -> Uitnodiging:
    """Invite ``email`` with ``rol`` (for library staff: of ``bibliotheek``) and mail the link.
    Refused when the address already has an account or an open invitation."""
    if (rol == Rol.BIBLIOTHEEKMEDEWERKER) != (bibliotheek is not None):
        raise ValueError("Library staff are invited into a library, and only they are.")
    email = email.strip().lower()
    if account_exists(email):
        raise InvitationError(_("There is already an account with this e-mail address."))
    open_ones = Uitnodiging.objects.filter(
        email__iexact=email, geaccepteerd_op=None, ingetrokken_op=None
    )
    if open_ones.exists():
        raise InvitationError(
            _("This address already has an open invitation: send that one again from the list.")
        )
    invitation = Uitnodiging(
        email=email,
        voornaam=voornaam,
        achternaam=achternaam,
        rol=rol,
        bibliotheek=bibliotheek,
        uitgenodigd_door=by,
    )
    link = _new_link(invitation)
    invitation.save()
    _mail_link(invitation, link)
    return invitation


@transaction.atomic
def send_again(invitation, by) -> Uitnodiging:
    """A new link (the old one stops working) with a new validity, mailed again."""
    invitation = _locked_open(invitation)
    link = _new_link(invitation)
    invitation.nieuwe_gevraagd_op = None
    invitation.save(
        update_fields=["token_hash", "verstuurd_op", "verloopt_op", "nieuwe_gevraagd_op"]
    )
    _mail_link(invitation, link)
    return invitation


@transaction.atomic
def withdraw(invitation, by) -> Uitnodiging:
    invitation = _locked_open(invitation)
    invitation.ingetrokken_op = timezone.now()
    invitation.save(update_fields=["ingetrokken_op"])
    return invitation


def _locked_open(invitation) -> Uitnodiging:
    """The invitation as it is now, locked: accepting it at the same moment waits, and one
    accepted or withdrawn meanwhile is refused."""
    invitation = Uitnodiging.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise InvitationError(_("This invitation was already accepted or withdrawn."))
    return invitation


def find(token) -> Uitnodiging | None:
    """The invitation of a link, or None for a link that never existed or was replaced."""
    if not token or len(token) > 100:
        return None
    return (
        Uitnodiging.objects.select_related("bibliotheek", "uitgenodigd_door")
        .filter(token_hash=_hash(token))
        .first()
    )


@transaction.atomic
def accept(invitation, *, password, voornaam, achternaam) -> Gebruiker:
    """Make the account: username and e-mail are the invited address. Once only: a second
    click, or two tabs at once, find the invitation accepted."""
    invitation = Uitnodiging.objects.select_for_update().get(pk=invitation.pk)
    if invitation.stand != Uitnodiging.Stand.VERSTUURD:
        raise InvitationError(_("This invitation can no longer be used."))
    if account_exists(invitation.email):
        raise InvitationError(_("There is already an account with this e-mail address."))
    user = Gebruiker.objects.create_user(
        username=invitation.email,
        email=invitation.email,
        password=password,
        first_name=voornaam,
        last_name=achternaam,
        bibliotheek=invitation.bibliotheek,
    )
    user.groups.add(Group.objects.get_or_create(name=invitation.rol)[0])
    invitation.geaccepteerd_op = timezone.now()
    invitation.gebruiker = user
    invitation.save(update_fields=["geaccepteerd_op", "gebruiker"])
    return user


def ask_for_a_new_one(invitation) -> None:
    """The invited person's link expired: tell whoever invited them (or KB's administrators)."""
    if invitation.nieuwe_gevraagd_op or not invitation.is_open:
        return  # asked already: one mail is enough
    invitation.nieuwe_gevraagd_op = timezone.now()
    invitation.save(update_fields=["nieuwe_gevraagd_op"])
    inviter = invitation.uitgenodigd_door
    if inviter and inviter.is_active and inviter.email:
        to = [inviter.email]
    else:
        to = administrator_addresses()
    subject, body = outbox.render(
        "accounts/email/new_invitation_asked.txt",
        {"invitation": invitation, "url": settings.SITE_URL + people_page(invitation)},
    )
    outbox.record(subject, body, to)


def people_page(invitation) -> str:
    if invitation.bibliotheek_id:
        return reverse("accounts:library_people", args=[invitation.bibliotheek_id])
    return reverse("accounts:reviewer_people")


def administrator_addresses() -> list[str]:
    return list(
        Gebruiker.objects.filter(groups__name=Rol.KB_BEHEERDER, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def _mail_link(invitation, link) -> None:
    subject, body = outbox.render(
        "accounts/email/invitation.txt",
        {
            "invitation": invitation,
            "link": link,
            "days": settings.INVITATION_DAYS,
            "second_factor": invitation.rol != Rol.BIBLIOTHEEKMEDEWERKER,
        },
    )
    outbox.record(subject, body, [invitation.email], private=True)
