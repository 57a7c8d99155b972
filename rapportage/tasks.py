from smtplib import SMTPException

from celery import shared_task

from . import reminders


@shared_task
def daily_reminders() -> int:
    """Daily: open due reports and send the reminders that are due (idempotent)."""
    return len(reminders.run())


@shared_task(
    autoretry_for=(SMTPException, OSError), retry_backoff=60, retry_kwargs={"max_retries": 8}
)
def send_reminder(herinnering_id: int) -> bool:
    return reminders.send(herinnering_id)
