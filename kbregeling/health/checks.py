"""The checks of ``/health/`` beyond django-health-check's own database check."""

import dataclasses
import datetime

from asgiref.sync import sync_to_async
from django.conf import settings
from django.utils import timezone
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable

from kbregeling.celery import app as celery_app
from kbregeling.mail.models import OutgoingMail

from .models import Heartbeat


@dataclasses.dataclass
class Broker(HealthCheck):
    """The broker answers within two seconds (nothing to check when tasks run in-process)."""

    timeout = datetime.timedelta(seconds=3)

    def run(self):
        if celery_app.conf.task_always_eager:
            return
        try:
            with celery_app.connection_for_write() as connection:
                connection.ensure_connection(max_retries=1, timeout=2)
        except Exception as error:
            raise ServiceUnavailable("The broker does not answer.") from error


@dataclasses.dataclass
class Scheduler(HealthCheck):
    """Beat scheduled, and a worker ran, the heartbeat task in the last few minutes."""

    async def run(self):
        # In the request's own thread and database connection, as every view queries.
        await sync_to_async(self.check)()

    def check(self):
        if celery_app.conf.task_always_eager:
            return
        limit = timezone.now() - datetime.timedelta(minutes=settings.HEALTH_HEARTBEAT_MINUTES)
        last = Heartbeat.objects.filter(name="beat").values_list("at", flat=True).first()
        if last is None or last < limit:
            raise ServiceUnavailable("No heartbeat: beat or the workers are down or stuck.")


@dataclasses.dataclass
class Outbox(HealthCheck):
    """The outbox keeps up: no mail waits for its first attempt longer than it should. Mail
    that failed and waits for another try (a refused address, a mail server down) is the
    outbox's own business: it is listed for KB, and is no reason to restart anything."""

    async def run(self):
        await sync_to_async(self.check)()

    def check(self):
        limit = timezone.now() - datetime.timedelta(minutes=settings.HEALTH_OUTBOX_MINUTES)
        untried = OutgoingMail.objects.waiting().filter(attempts=0)
        oldest = untried.order_by("created").values("created").first()
        if oldest and oldest["created"] < limit:
            waiting = untried.count()
            raise ServiceUnavailable(
                f"{waiting} e-mail(s) wait; the oldest since {oldest['created']:%Y-%m-%d %H:%M}."
            )
