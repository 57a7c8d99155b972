"""The one retention run. Each app registers, in its ``AppConfig.ready()``, the steps that
anonymise or remove its own data once its period has passed; ``apply`` runs them all (daily,
``tasks.apply_retention``; by hand, ``manage.py retention [--dry-run]``).

A step is ``step(now, dry_run) -> int``: how many records it changes, or would change. It
must be idempotent (a second run changes nothing) and, with ``dry_run``, change nothing."""

import logging
from collections.abc import Callable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

Step = Callable[[datetime, bool], int]

#: The registered steps by name, in the order the apps registered them.
STEPS: dict[str, Step] = {}


def register(name: str, step: Step) -> None:
    STEPS[name] = step


def apply(dry_run=False, now=None) -> dict[str, int]:
    """Run every step, each in its own transaction: a step that fails is logged and rolled
    back, the others still run, and the first failure is raised at the end. A dry run is
    rolled back as a whole, so it changes nothing even if a step forgets to look."""
    now = now or timezone.now()
    counts, failure = {}, None
    for name, step in STEPS.items():
        try:
            with transaction.atomic():
                counts[name] = step(now, dry_run)
                if dry_run:
                    transaction.set_rollback(True)
        except Exception as error:
            logger.exception("retention step %s failed", name)
            failure = failure or error
            continue
        logger.info("retention %s: %s %s", name, counts[name], "to do" if dry_run else "done")
    if failure:
        raise failure
    return counts
