"""The access log is kept ``ACCESS_LOG_MONTHS`` months (default 12), then removed."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone

from .models import AccessLogEntry


def cutoff(now=None):
    return (now or timezone.now()) - relativedelta(months=settings.ACCESS_LOG_MONTHS)


def remove_old_entries(now=None) -> int:
    """Delete the entries older than the retention period; returns how many went."""
    deleted, _ = AccessLogEntry.objects.filter(when__lt=cutoff(now)).delete()
    return deleted
