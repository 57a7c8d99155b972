"""A declined interest request is kept ``RETENTION_DECLINED_INTEREST_MONTHS`` months after it
was declined (AVG), then removed: a step of the daily retention run (``kbregeling.privacy``).
Requests that are new or led to a library taking part stay."""

from dateutil.relativedelta import relativedelta
from django.conf import settings

from .models import Belangstelling


def remove_declined_interest(now, dry_run) -> int:
    """Remove interest requests declined longer than RETENTION_DECLINED_INTEREST_MONTHS ago."""
    cutoff = now - relativedelta(months=settings.RETENTION_DECLINED_INTEREST_MONTHS)
    declined = Belangstelling.objects.filter(
        status=Belangstelling.Status.AFGEWEZEN, behandeld_op__lt=cutoff
    )
    if dry_run:
        return declined.count()
    _, per_model = declined.delete()
    return per_model.get(Belangstelling._meta.label, 0)
