"""The log is kept ``ACCESS_LOG_MONTHS`` months: the daily retention task removes what is older,
and running it again changes nothing."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from kbregeling.accesslog import retention
from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.models import AccessLogEntry
from kbregeling.privacy import tasks

pytestmark = pytest.mark.django_db


def entry_aged(days):
    return AccessLogEntry.objects.create(
        kind=Kind.LOGIN_FAILED, username=f"{days} days", when=timezone.now() - timedelta(days=days)
    )


def test_the_task_removes_only_entries_older_than_the_retention_period(settings):
    settings.ACCESS_LOG_MONTHS = 12
    entry_aged(400)
    entry_aged(370)
    kept = [entry_aged(360), entry_aged(30), entry_aged(0)]

    removed = tasks.apply_retention.delay().get()["accesslog"]

    assert removed == 2
    assert set(AccessLogEntry.objects.all()) == set(kept)


def test_running_the_task_twice_changes_nothing_more(settings):
    settings.ACCESS_LOG_MONTHS = 12
    entry_aged(400)
    kept = entry_aged(10)

    assert retention.remove_old_entries() == 1
    assert retention.remove_old_entries() == 0
    assert list(AccessLogEntry.objects.all()) == [kept]


def test_the_retention_period_is_a_setting(settings):
    settings.ACCESS_LOG_MONTHS = 1
    entry_aged(40)
    kept = entry_aged(20)

    retention.remove_old_entries()

    assert list(AccessLogEntry.objects.all()) == [kept]


def test_the_task_runs_daily_and_keeps_twelve_months_by_default():
    entries = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if "retention" in e["task"]]

    assert [e["task"] for e in entries] == ["kbregeling.privacy.tasks.apply_retention"]
    assert entries[0]["schedule"].hour == {3}
    assert settings.ACCESS_LOG_MONTHS == 12
