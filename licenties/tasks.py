from celery import shared_task

from . import service


@shared_task
def update_licence_states() -> dict[str, int]:
    """Daily: activate and expire licence years by the calendar (idempotent)."""
    return service.update_states()
