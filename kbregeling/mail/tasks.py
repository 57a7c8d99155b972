from celery import shared_task


@shared_task
def send_email(mail_id: int) -> bool:
    """Send one recorded e-mail (idempotent). A failure is recorded on the mail and the
    outbox's one retry loop tries again: no chain of Celery retries per queueing."""
    from .outbox import send

    return send(mail_id)


@shared_task
def retry_unsent_mail() -> int:
    """Every five minutes: queue again the e-mails that are due for another try."""
    from .outbox import retry_unsent

    return retry_unsent()


@shared_task
def report_failed_mail() -> int:
    """Daily: one digest to the coordinator and administrators of the mails given up."""
    from .outbox import report_failed

    return report_failed()
