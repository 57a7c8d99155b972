"""People who left (AVG): someone deactivated longer than ``RETENTION_DEACTIVATED_MONTHS`` is
anonymised, never deleted. Their advices, transition-log entries and reports stay, as the
record of the scheme, and read "voormalig medewerker" (``FORMER_STAFF``); what identified them
goes: name, e-mail address, telephone number, username, password, second factor, and their
name or address in invitations, the access log and the outbox."""

import re

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Q
from django.dispatch import Signal
from django.utils import translation

from kbregeling.accesslog.models import AccessLogEntry
from kbregeling.mail.models import OutgoingMail

from .models import FORMER_STAFF, Gebruiker, Uitnodiging


def anonymise_deactivated(now, dry_run) -> int:
    """Anonymise the people deactivated longer than RETENTION_DEACTIVATED_MONTHS."""
    cutoff = now - relativedelta(months=settings.RETENTION_DEACTIVATED_MONTHS)
    people = Gebruiker.objects.filter(
        is_active=False, gedeactiveerd_op__lt=cutoff, geanonimiseerd_op=None
    )
    if dry_run:
        return people.count()
    anonymised = 0
    for person in people.select_for_update():
        anonymise(person, now)
        anonymised += 1
    return anonymised


#: Sent while a person is anonymised, with their ``email`` and ``name`` still known, so that
#: other apps replace them where they kept them (a library's contact, an interest request).
anonymised = Signal()


def anonymise(person, now) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        former = str(FORMER_STAFF)
    username, email = person.username, person.email
    anonymised.send(
        sender=Gebruiker, person=person, email=email, name=person.get_full_name(), former=former
    )
    theirs = Q(gebruiker=person)
    if email:  # also the invitations to their address that no account took up
        theirs |= Q(gebruiker=None, email__iexact=email)
    Uitnodiging.objects.filter(theirs).update(
        email=f"voormalig-{person.pk}@example.invalid", voornaam="", achternaam=""
    )
    AccessLogEntry.objects.filter(Q(user=person) | Q(user=None, username=username)).update(
        username=former
    )
    if email:
        _replace_address(email, former)
    EmailAddress.objects.filter(user=person).delete()
    Authenticator.objects.filter(user=person).delete()
    person.username = f"voormalig-{person.pk}"
    person.first_name = person.last_name = person.telefoon = person.email = ""
    person.set_unusable_password()
    person.geanonimiseerd_op = now
    person.save()


def _replace_address(email, former) -> None:
    """Put ``former`` in place of ``email`` in the recipients, copies and subject of every
    mail (a subject may name the address: "... asks for a new invitation")."""
    mails = OutgoingMail.objects.filter(
        Q(to__icontains=email) | Q(cc__icontains=email) | Q(subject__icontains=email)
    )
    pattern = re.compile(re.escape(email), re.IGNORECASE)
    for mail in mails.only("pk", "to", "cc", "subject"):
        to, cc = (
            "\n".join(former if line.strip().lower() == email.lower() else line for line in lines)
            for lines in (mail.to.splitlines(), mail.cc.splitlines())
        )
        subject = pattern.sub(former, mail.subject)
        if (to, cc, subject) != (mail.to, mail.cc, mail.subject):
            OutgoingMail.objects.filter(pk=mail.pk).update(to=to, cc=cc, subject=subject)
