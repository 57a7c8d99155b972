"""Bringing a library in: the interest request from the public page, and KB's administrator
who onboards the library (the library, its werkgebied and an invitation to its first
contact, at once) or declines the request. Who may do this is decided in ``permissions``;
this module does what was allowed, and sends the mails of each step through the outbox."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kbregeling.accounts import invitations
from kbregeling.accounts.constants import Rol
from kbregeling.mail import outbox

from .models import Belangstelling

InvitationError = invitations.InvitationError


class AlreadyHandled(Exception):
    """The request was onboarded or declined already (a second click, another tab)."""

    def __init__(self):
        super().__init__(_("This request was already handled: nothing was changed."))


def record_interest(belangstelling: Belangstelling, gemeenten) -> Belangstelling:
    """Store a request and tell the requester and KB's administrators."""
    with transaction.atomic():
        belangstelling.save()
        belangstelling.gemeenten.set(gemeenten)
        _mail(
            "aanmelding/email/belangstelling_ontvangen.txt",
            belangstelling,
            [belangstelling.email],
        )
        _mail(
            "aanmelding/email/belangstelling_nieuw.txt",
            belangstelling,
            invitations.administrator_addresses(),
            url=settings.SITE_URL + reverse("beheer:interest"),
        )
    return belangstelling


@transaction.atomic
def onboard(bibliotheek, werkgebied, *, by, contact, belangstelling=None):
    """Create ``bibliotheek`` (unsaved) with its ``werkgebied`` and invite its first contact
    (``contact``: voornaam, achternaam, email) as its staff. All or nothing: a refused
    invitation (``InvitationError``) or a request handled meanwhile (``AlreadyHandled``)
    leaves no library behind."""
    request = _claim(belangstelling)
    bibliotheek.save()
    bibliotheek.werkgebied.set(werkgebied)
    invitation = invitations.invite(
        by=by,
        email=contact["email"],
        rol=Rol.BIBLIOTHEEKMEDEWERKER,
        bibliotheek=bibliotheek,
        voornaam=contact["voornaam"],
        achternaam=contact["achternaam"],
    )
    if request is not None:
        _handled(request, by, Belangstelling.Status.AANGEMELD, bibliotheek=bibliotheek)
        _mail(
            "aanmelding/email/belangstelling_aangemeld.txt",
            request,
            [request.email],
            invitation=invitation,
        )
    return bibliotheek


@transaction.atomic
def decline(belangstelling, *, by, reden) -> Belangstelling:
    """Decline a request with a reason, which the requester reads in the mail."""
    request = _claim(belangstelling)
    _handled(request, by, Belangstelling.Status.AFGEWEZEN, reden=reden)
    _mail("aanmelding/email/belangstelling_afgewezen.txt", request, [request.email])
    return request


def _claim(belangstelling):
    """The request, locked until the end of the transaction, if nobody handled it yet."""
    if belangstelling is None:
        return None
    request = Belangstelling.objects.select_for_update().get(pk=belangstelling.pk)
    if request.status != Belangstelling.Status.NIEUW:
        raise AlreadyHandled
    return request


def _handled(request, by, status, **fields):
    request.status = status
    request.behandeld_door = by
    request.behandeld_op = timezone.now()
    for name, value in fields.items():
        setattr(request, name, value)
    request.save()


def _mail(template, belangstelling, to, **context):
    subject, body = outbox.render(
        template, {"belangstelling": belangstelling, "site_url": settings.SITE_URL, **context}
    )
    outbox.record(subject, body, to)
