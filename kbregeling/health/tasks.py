from celery import shared_task
from django.utils import timezone

from .models import Heartbeat


@shared_task
def heartbeat() -> str:
    """Every minute: beat schedules it, a worker runs it. A stale heartbeat means one of the
    two is down or every worker process is stuck."""
    Heartbeat.objects.update_or_create(name="beat", defaults={"at": timezone.now()})
    return "ok"
