from smtplib import SMTPException

from celery import shared_task
from django.core.mail import send_mail


@shared_task(
    autoretry_for=(SMTPException, OSError),
    retry_backoff=60,
    retry_kwargs={"max_retries": 8},
)
def send_email(subject: str, body: str, recipients: list[str]) -> int:
    """Send one e-mail; retried with back-off while the mail server is down."""
    return send_mail(subject, body, None, recipients)
