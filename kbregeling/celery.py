"""The Celery app. Without CELERY_BROKER_URL, tasks run in-process (see settings)."""

import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kbregeling.settings")

app = Celery("kbregeling")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.worker_init.connect
@signals.beat_init.connect
def refuse_to_start_unready(**kwargs):
    """A worker or beat without a mail server or broker in production does not start."""
    from kbregeling.mail.checks import refuse_to_start_unready

    refuse_to_start_unready()
