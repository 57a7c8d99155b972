from smtplib import SMTPException

from celery import shared_task


@shared_task(
    autoretry_for=(SMTPException, OSError),
    retry_backoff=60,
    retry_kwargs={"max_retries": 8},
)
def send_email(mail_id: int) -> bool:
    """Send one recorded e-mail (idempotent); retried with back-off while the mail server
    is down."""
    from .outbox import send

    return send(mail_id)


@shared_task
def retry_unsent_mail() -> int:
    """Hourly: queue again the e-mails the broker or mail server did not take."""
    from .outbox import retry_unsent

    return retry_unsent()
