from celery import shared_task


@shared_task
def apply_retention() -> dict[str, int]:
    """Daily: apply every retention period (idempotent); returns the count of each step."""
    from .retention import apply

    return apply()
