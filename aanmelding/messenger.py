"""One call, ``notify``, tells people about a change; no view sends mail by itself.

Each mail is recorded (``OutgoingMail``) in the transaction of the action and queued only
after it commits. If the broker is down the user's action still stands: the failure is
logged, never raised into the request, and the hourly ``retry_unsent`` sends the mail later.
A rolled-back action records and sends nothing.
"""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .constants import Rol, Status
from .models import OutgoingMail
from .tasks import send_email

logger = logging.getLogger(__name__)

# Target state → (audience, template). The audience is "library" or a role. Reviewers of both
# parties hear of a plan once, when it is (re)submitted: that is when it awaits them.
AANMELDING_EVENTS = {
    Status.INGEDIEND: [
        ("library", "aanmelding/email/ingediend_bibliotheek.txt"),
        (Rol.KB_BEOORDELAAR, "aanmelding/email/wacht_op_beoordeling.txt"),
        (Rol.DIGISTERKER_BEOORDELAAR, "aanmelding/email/wacht_op_beoordeling.txt"),
    ],
    Status.AANVULLING_GEVRAAGD: [("library", "aanmelding/email/aanvulling_gevraagd.txt")],
    Status.GOEDGEKEURD: [("library", "aanmelding/email/goedgekeurd.txt")],
    Status.AFGEWEZEN: [("library", "aanmelding/email/afgewezen.txt")],
}


def library_addresses(bibliotheek) -> list[str]:
    staff = bibliotheek.medewerkers.filter(
        is_active=True, groups__name=Rol.BIBLIOTHEEKMEDEWERKER
    ).exclude(email="")
    return sorted({bibliotheek.contact_email, *staff.values_list("email", flat=True)} - {""})


def role_addresses(rol) -> list[str]:
    users = get_user_model().objects.filter(is_active=True, groups__name=rol).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def queue_email(subject, body, recipients):
    """Record an e-mail now and queue it once the current transaction has committed."""
    if recipients:
        mail = OutgoingMail.objects.create(
            subject=subject[:255], body=body, to="\n".join(recipients)
        )
        transaction.on_commit(partial(_queue, mail.pk, subject, recipients))


def _queue(pk, subject, recipients):
    try:
        send_email.delay(pk)
    except Exception:  # the broker is down: the action stands, the mail waits for a retry
        logger.exception("Could not queue e-mail %r to %s; it is retried", subject, recipients)


def send_recorded(pk) -> bool:
    """Send one recorded e-mail unless it was sent already; True when sent now."""
    OutgoingMail.objects.filter(pk=pk, sent_at__isnull=True).update(attempts=F("attempts") + 1)
    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().filter(pk=pk).first()
        if mail is None or mail.sent_at is not None:
            return False
        send_mail(mail.subject, mail.body, None, mail.to.split())
        mail.sent_at = timezone.now()
        mail.save(update_fields=["sent_at"])
        return True


def retry_unsent() -> int:
    """Queue again what the broker or mail server did not take (older than a few minutes,
    so a mail still on its way is left alone); gives up after ``MAIL_MAX_ATTEMPTS``."""
    stale = timezone.now() - timedelta(minutes=5)
    unsent = OutgoingMail.objects.filter(
        sent_at__isnull=True, created__lt=stale, attempts__lt=settings.MAIL_MAX_ATTEMPTS
    ).values_list("pk", "subject", "to")
    for pk, subject, to in unsent:
        _queue(pk, subject, to.split())
    return len(unsent)


def render_email(template, context):
    text = render_to_string(template, context).strip()
    subject, _, body = text.partition("\n")
    return subject.strip(), body.strip() + "\n"


def notify_aanmelding(aanmelding, target, remark=""):
    context = {
        "aanmelding": aanmelding,
        "remark": remark,
        "url": settings.SITE_URL + reverse("aanmelding:detail", args=[aanmelding.pk]),
    }
    for audience, template in AANMELDING_EVENTS.get(target, []):
        if audience == "library":
            recipients = library_addresses(aanmelding.bibliotheek)
        else:
            recipients = role_addresses(audience)
        subject, body = render_email(template, context)
        queue_email(subject, body, recipients)
