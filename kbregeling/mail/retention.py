"""The text of a mail is kept ``RETENTION_MAIL_BODY_MONTHS`` months (AVG), then replaced by a
short note; recipients, subject and dates stay as the record of what was sent. Only a mail
that is finished loses its text: sent, lapsed, or given up (which then lapses too, so it can
never be sent again without its text). A mail that may still be sent keeps it."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import OutgoingMail
from .outbox import PRIVATE_BODY

#: What a mail keeps of its text after the retention period.
REMOVED_BODY = _("(The text of this e-mail was removed after the retention period.)")


def empty_old_bodies(now, dry_run) -> int:
    """Empty the text of finished mails older than RETENTION_MAIL_BODY_MONTHS."""
    with translation.override(settings.LANGUAGE_CODE):
        note, reason = str(REMOVED_BODY), str(_("Its text was removed after the retention period."))
    cutoff = now - relativedelta(months=settings.RETENTION_MAIL_BODY_MONTHS)
    finished = Q(sent_at__isnull=False) | Q(cancelled_at__isnull=False)
    given_up = Q(sent_at=None, cancelled_at=None, attempts__gte=settings.MAIL_MAX_ATTEMPTS)
    mails = OutgoingMail.objects.filter(created__lt=cutoff).exclude(body__in=[note, PRIVATE_BODY])
    if dry_run:
        return mails.filter(finished | given_up).count()
    lapsed = mails.filter(given_up).update(body=note, cancelled_at=now, cancel_reason=reason)
    return lapsed + mails.filter(finished).update(body=note)
