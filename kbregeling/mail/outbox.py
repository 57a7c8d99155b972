"""The outbox: record an e-mail with the action, queue it after commit, send it once.

- If the broker is down or hangs, the user's action still stands: a publish gives up within
  seconds (see the Celery settings), the failure is logged, never raised into the request,
  and the outbox's loop (``retry_unsent``, every five minutes) queues the mail again.
- A send that fails (mail server down, refusing, or silent past ``EMAIL_TIMEOUT``) records
  the reason; the same loop tries again later, each time waiting longer, up to
  ``MAIL_MAX_ATTEMPTS``. Then the mail is "niet verzonden": KB sees it in the app with the
  reason and can send it again, and the coordinator and administrators hear of it in one
  daily digest (``report_failed``).
- Just before sending, an app may say a mail is no longer needed (a reminder whose report
  was submitted in the meantime): it lapses ("vervallen") and is not sent.
- A mail is marked sent in the same transaction in which the mail server accepted its data,
  and the connection is closed (QUIT) only after that commit, so it goes out twice only when
  a worker dies between the server's reply to the data and the commit.

A rolled-back action records and sends nothing.
"""

import logging
from contextlib import contextmanager
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from kbregeling.accounts.constants import Rol

from .models import OutgoingMail

logger = logging.getLogger(__name__)

#: Functions ``(mail) -> reason or ""`` that apps register to say a mail is no longer needed.
STALE_CHECKS = []


def register_stale_check(check):
    if check not in STALE_CHECKS:
        STALE_CHECKS.append(check)


#: Attachment providers by name: ``provider(key) -> (filename, bytes, mimetype)``. A mail
#: records ``(name, key)`` pairs; the file is fetched when the mail is sent, so a mail kept
#: waiting carries the file as it is then, and a provider that fails is a failed attempt.
ATTACHMENTS = {}


def register_attachment(name, provider):
    ATTACHMENTS[name] = provider


def render(template, context) -> tuple[str, str]:
    """(subject, body) of a mail template: its first line is the subject."""
    text = render_to_string(template, context).strip()
    subject, _, body = text.partition("\n")
    return subject.strip(), body.strip() + "\n"


#: What a private mail (a password reset link) keeps of its text once it is sent.
PRIVATE_BODY = "(sent; the text held a personal link and is not kept)"


def record(subject, body, to, cc=(), private=False, attachments=()) -> OutgoingMail | None:
    """Record an e-mail now and queue it once the current transaction has committed. A
    ``private`` mail's text is erased once it is sent. ``attachments`` are ``(name, key)``
    pairs of a registered provider (``register_attachment``). Nobody to send to: nothing
    recorded."""
    if not to:
        to, cc = cc, ()  # only copies (the coordinator of an overdue reminder): send to them
    if not to:
        return None
    mail = OutgoingMail.objects.create(
        subject=subject[:255],
        body=body,
        to="\n".join(to),
        cc="\n".join(cc),
        private=private,
        attachments=[[name, str(key)] for name, key in attachments],
    )
    transaction.on_commit(partial(queue, mail.pk, mail.subject, mail.to))
    return mail


#: After a publish failed, this process leaves the broker alone for a while: a request that
#: records three mails waits for one timeout, not three. The mails wait for the retry loop.
BROKER_PAUSE = timedelta(seconds=30)
_broker_failed_at = None


def queue(pk, subject, to) -> bool:
    """Hand one mail to the broker; False (and logged) when the broker did not take it."""
    global _broker_failed_at
    from .tasks import send_email

    now = timezone.now()
    if _broker_failed_at and now - _broker_failed_at < BROKER_PAUSE:
        logger.error("Broker failed just now: e-mail %r to %s waits", subject, to.split())
        return False
    try:
        send_email.delay(pk)
    except Exception:  # the broker is down or hangs: the action stands, the mail waits
        _broker_failed_at = now
        logger.exception("Could not queue e-mail %r to %s; it is retried", subject, to.split())
        return False
    _broker_failed_at = None
    OutgoingMail.objects.filter(pk=pk).update(queued_at=timezone.now())
    return True


def _stale_reason(mail) -> str:
    for check in STALE_CHECKS:
        reason = check(mail)
        if reason:
            return str(reason)
    return ""


def _due(mail, now) -> bool:
    """Not sent, not lapsed, not given up, and its next try has come (a mail queued twice,
    or by the loop while a task for it still waited, is sent once and tried no faster)."""
    if mail is None or mail.sent_at or mail.cancelled_at:
        return False
    if mail.attempts >= settings.MAIL_MAX_ATTEMPTS:
        return False
    return not mail.attempts or next_try(mail) <= now


def send(pk) -> bool:
    """Send one recorded e-mail when it is due and still needed; True when sent now. A
    failure is recorded on the mail, not raised: the outbox tries again later."""
    now = timezone.now()
    if not _due(OutgoingMail.objects.filter(pk=pk).first(), now):
        return False
    # Counted before sending, in its own commit: a worker killed while sending still used up
    # an attempt, so a mail that kills workers ends as "niet verzonden", not in a loop.
    OutgoingMail.objects.filter(pk=pk, sent_at__isnull=True).update(
        attempts=F("attempts") + 1, last_attempt_at=now
    )
    connection = get_connection()
    try:
        with transaction.atomic():
            mail = OutgoingMail.objects.select_for_update().filter(pk=pk).first()
            if mail is None or mail.sent_at or mail.cancelled_at:
                return False  # another worker sent it meanwhile
            reason = _stale_reason(mail)
            if reason:
                mail.cancelled_at, mail.cancel_reason = now, reason[:255]
                mail.save(update_fields=["cancelled_at", "cancel_reason"])
                logger.info("mail lapsed id=%s reason=%r", mail.pk, reason)
                return False
            try:
                connection.open()
                message = EmailMessage(
                    mail.subject,
                    mail.body,
                    to=mail.to.split(),
                    cc=mail.cc.split(),
                    connection=connection,
                )
                for name, key in mail.attachments:
                    message.attach(*ATTACHMENTS[name](key))
                message.send()
            except Exception as error:  # noqa: BLE001 — any failure is recorded and retried
                mail.last_error = f"{type(error).__name__}: {error}"[:500]
                mail.save(update_fields=["last_error"])
                logger.warning(
                    "mail failed id=%s attempt=%s to=%s error=%r",
                    mail.pk,
                    mail.attempts,
                    ",".join(mail.to.split()),
                    mail.last_error,
                )
                return False
            mail.sent_at, mail.last_error = now, ""
            if mail.private:
                mail.body = PRIVATE_BODY
            mail.save(update_fields=["sent_at", "last_error", "body"])
        logger.info(
            "mail sent id=%s attempt=%s to=%s subject=%r",
            mail.pk,
            mail.attempts,
            ",".join(mail.to.split()),
            mail.subject,
        )
        return True
    finally:
        try:
            connection.close()  # QUIT only after the mail is marked sent
        except Exception:  # noqa: BLE001 — the mail is sent; a failed goodbye changes nothing
            logger.warning("Closing the mail connection failed", exc_info=True)


def next_try(mail):
    """When an unsent mail is due again: five minutes after it was recorded or last tried,
    doubling with each attempt, at most ``MAIL_RETRY_MAX_MINUTES`` apart."""
    minutes = min(5 * 2 ** max(mail.attempts - 1, 0), settings.MAIL_RETRY_MAX_MINUTES)
    return (mail.last_attempt_at or mail.created) + timedelta(minutes=minutes)


def retry_unsent() -> int:
    """The one retry loop: queue again every waiting mail that is due; returns how many."""
    now = timezone.now()
    candidates = OutgoingMail.objects.waiting().filter(created__lt=now - timedelta(minutes=5))
    due = [
        mail
        for mail in candidates.only("pk", "subject", "to", "attempts", "created", "last_attempt_at")
        if next_try(mail) <= now
    ]
    for mail in due:
        queue(mail.pk, mail.subject, mail.to)
    return len(due)


def resend(mail) -> OutgoingMail:
    """A person sends a mail that was given up again: it starts over, after commit."""
    OutgoingMail.objects.filter(pk=mail.pk).update(
        attempts=0, last_error="", failure_reported_at=None, last_attempt_at=None
    )
    transaction.on_commit(partial(queue, mail.pk, mail.subject, mail.to))
    return mail


def report_failed() -> int:
    """Tell the coordinator and the administrators, in one mail, of the mails given up since
    the last digest; returns how many. Running it twice tells nothing twice."""
    with transaction.atomic():
        failed = list(
            OutgoingMail.objects.failed()
            .filter(failure_reported_at__isnull=True)
            .select_for_update(skip_locked=True)
        )
        if not failed:
            return 0
        users = get_user_model().objects.filter(
            Q(groups__name=Rol.COORDINATOR) | Q(is_superuser=True), is_active=True
        )
        to = sorted(set(users.exclude(email="").values_list("email", flat=True)))
        for mail in failed:
            mail.addresses = ", ".join(mail.to.split())
        subject, body = render(
            "mail/email/failed_digest.txt",
            {"mails": failed, "url": settings.SITE_URL + reverse("mail:failed")},
        )
        record(subject, body, to)
        OutgoingMail.objects.filter(pk__in=[m.pk for m in failed]).update(
            failure_reported_at=timezone.now()
        )
    return len(failed)


@contextmanager
def kept_local():
    """Mail recorded inside goes to Django's in-memory backend, sent in this process: the
    demo's own mails never reach a broker, a worker or a real mail server."""
    from kbregeling.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            yield
    finally:
        app.conf.task_always_eager = eager
