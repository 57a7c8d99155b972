from celery import shared_task

from . import reminders


@shared_task
def daily_reminders() -> int:
    """Daily: open due reports and record the reminders that are due (idempotent); the
    outbox sends them."""
    return len(reminders.run())
