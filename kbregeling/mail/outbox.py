"""The outbox: record an e-mail with the action, queue it after commit, send it once.

If the broker is down the user's action still stands: the failure is logged, never raised into
the request, and the hourly ``retry_unsent`` sends the mail later. A rolled-back action
records and sends nothing. ``send`` marks a mail sent in the same transaction in which the
mail server accepted it, so it goes out once, except when a worker dies between the two.
"""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from .models import OutgoingMail

logger = logging.getLogger(__name__)


def render(template, context) -> tuple[str, str]:
    """(subject, body) of a mail template: its first line is the subject."""
    text = render_to_string(template, context).strip()
    subject, _, body = text.partition("\n")
    return subject.strip(), body.strip() + "\n"


def record(subject, body, to, cc=()) -> OutgoingMail | None:
    """Record an e-mail now and queue it once the current transaction has committed."""
    if not to:
        return None
    mail = OutgoingMail.objects.create(
        subject=subject[:255], body=body, to="\n".join(to), cc="\n".join(cc)
    )
    transaction.on_commit(partial(queue, mail.pk, mail.subject, mail.to))
    return mail


def queue(pk, subject, to):
    from .tasks import send_email

    try:
        send_email.delay(pk)
    except Exception:  # the broker is down: the action stands, the mail waits for a retry
        logger.exception("Could not queue e-mail %r to %s; it is retried", subject, to.split())


def send(pk) -> bool:
    """Send one recorded e-mail unless it was sent already; True when sent now."""
    OutgoingMail.objects.filter(pk=pk, sent_at__isnull=True).update(attempts=F("attempts") + 1)
    with transaction.atomic():
        mail = OutgoingMail.objects.select_for_update().filter(pk=pk).first()
        if mail is None or mail.sent_at is not None:
            return False
        EmailMessage(mail.subject, mail.body, to=mail.to.split(), cc=mail.cc.split()).send()
        mail.sent_at = timezone.now()
        mail.save(update_fields=["sent_at"])
        return True


def retry_unsent() -> int:
    """Queue again what the broker or mail server did not take (older than a few minutes,
    so a mail still on its way is left alone); gives up after ``MAIL_MAX_ATTEMPTS``."""
    stale = timezone.now() - timedelta(minutes=5)
    unsent = list(
        OutgoingMail.objects.filter(
            sent_at__isnull=True, created__lt=stale, attempts__lt=settings.MAIL_MAX_ATTEMPTS
        ).values_list("pk", "subject", "to")
    )
    for pk, subject, to in unsent:
        queue(pk, subject, to)
    return len(unsent)
