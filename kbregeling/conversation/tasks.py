from celery import shared_task


@shared_task
def send_daily_digests() -> int:
    """Daily: one mail with the new messages to each person who chose a mail a day."""
    from .digest import send_daily_digests as send

    return send()
