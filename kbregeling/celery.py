"""The Celery app. Without CELERY_BROKER_URL, tasks run in-process (see settings)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kbregeling.settings")

app = Celery("kbregeling")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
