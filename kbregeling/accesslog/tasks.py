from celery import shared_task


@shared_task
def remove_old_entries() -> int:
    """Daily: remove the entries older than ``ACCESS_LOG_MONTHS`` (idempotent)."""
    from .retention import remove_old_entries

    return remove_old_entries()
