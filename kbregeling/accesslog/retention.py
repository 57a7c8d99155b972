"""The access log is kept ``ACCESS_LOG_MONTHS`` months (default 12), then removed: a step of the
daily retention run (``kbregeling.privacy``)."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone

from .models import AccessLogEntry


def cutoff(now=None):
    return (now or timezone.now()) - relativedelta(months=settings.ACCESS_LOG_MONTHS)


def remove_old_entries(now=None, dry_run=False) -> int:
    """Delete the entries older than ACCESS_LOG_MONTHS; returns how many went (or would)."""
    old = AccessLogEntry.objects.filter(when__lt=cutoff(now))
    if dry_run:
        return old.count()
    deleted, _ = old.delete()
    return deleted
