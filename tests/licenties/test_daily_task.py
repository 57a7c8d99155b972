"""The daily task moves licence years by the calendar of Europe/Amsterdam: idempotent, right
across a year boundary and a leap day, and safe when two workers run it at once."""

import inspect
import threading
import time
from datetime import date, timedelta
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from kbregeling.accounts.constants import Rol
from kbregeling.celery import app as celery_app
from kbregeling.workflow.models import TransitionLog
from licenties import service, tasks
from licenties.constants import LicentieStatus
from licenties.models import Licentie, default_end, next_year_start

from ..accounts.factories import UserFactory
from ..helpers import fresh
from .factories import LicentieFactory

pytestmark = pytest.mark.django_db

NOTHING = {"activated": 0, "expired": 0}


def states():
    return dict(Licentie.objects.values_list("pk", "status"))


def log_rows():
    return TransitionLog.objects.filter(content_type=ContentType.objects.get_for_model(Licentie))


# Idempotence ------------------------------------------------------------------------------


@time_machine.travel("2027-06-01 00:15 +02:00", tick=False)
def test_second_run_of_the_daily_task_changes_nothing():
    due = [LicentieFactory(begindatum=date(2027, 5, d), getekend=True) for d in (1, 2)]
    not_signed = LicentieFactory(begindatum=date(2027, 5, 1))
    future = LicentieFactory(begindatum=date(2027, 6, 2), getekend=True)
    over = LicentieFactory(actief=True, begindatum=date(2026, 5, 1), getekend=True)
    running = LicentieFactory(actief=True, begindatum=date(2027, 1, 1), getekend=True)

    first = tasks.update_licence_states.delay().get()
    after_first = (states(), log_rows().count())
    second = tasks.update_licence_states.delay().get()

    assert first == {"activated": 2, "expired": 1}
    assert second == NOTHING
    assert (states(), log_rows().count()) == after_first
    assert after_first[1] == 3
    assert after_first[0] == {
        due[0].pk: LicentieStatus.ACTIEF,
        due[1].pk: LicentieStatus.ACTIEF,
        not_signed.pk: LicentieStatus.GEPLAND,
        future.pk: LicentieStatus.GEPLAND,
        over.pk: LicentieStatus.VERLOPEN,
        running.pk: LicentieStatus.ACTIEF,
    }


@time_machine.travel("2027-03-01 00:15 +01:00", tick=False)
def test_a_year_signed_for_only_after_it_ended_settles_in_one_run():
    licentie = LicentieFactory(begindatum=date(2026, 1, 1), getekend=True)

    assert service.update_states() == {"activated": 1, "expired": 1}
    assert service.update_states() == NOTHING
    assert fresh(licentie).status == LicentieStatus.VERLOPEN


def test_the_task_runs_the_service_and_returns_its_counts():
    with mock.patch.object(service, "update_states", return_value={"activated": 3, "expired": 1}):
        assert tasks.update_licence_states() == {"activated": 3, "expired": 1}


# Year boundary ----------------------------------------------------------------------------


@pytest.fixture
def around_new_year(kb):
    """Three libraries on 31 December 2027: one year ending unrenewed, one renewed (next year
    planned), and a first year starting on 1 January."""
    with time_machine.travel("2027-11-15 10:00 +01:00", tick=False):
        unrenewed = LicentieFactory(actief=True, getekend=True)
        renewed = LicentieFactory(actief=True, getekend=True)
        next_year = service.renew(renewed, kb)
        first = LicentieFactory(begindatum=date(2028, 1, 1), getekend=True)
    return unrenewed, renewed, next_year, first


def test_on_new_year_the_old_year_expires_and_the_next_years_activate(around_new_year):
    unrenewed, renewed, next_year, first = around_new_year

    with time_machine.travel("2027-12-31 23:59 +01:00", tick=False):
        assert service.update_states() == NOTHING
    # 00:15 in Amsterdam is still 31 December in UTC: the local date counts.
    with time_machine.travel("2028-01-01 00:15 +01:00", tick=False):
        assert timezone.now().date() == date(2027, 12, 31)
        assert service.update_states() == {"activated": 2, "expired": 1}
        assert service.update_states() == NOTHING

    assert fresh(unrenewed).status == LicentieStatus.VERLOPEN
    assert fresh(renewed).status == LicentieStatus.VERLENGD  # renewed years never expire
    assert fresh(next_year).status == LicentieStatus.ACTIEF
    assert fresh(first).status == LicentieStatus.ACTIEF
    assert next_year.begindatum == date(2028, 1, 1)


# Leap day ---------------------------------------------------------------------------------


def test_a_licence_year_from_leap_day_runs_to_28_february():
    assert default_end(date(2028, 2, 29)) == date(2029, 2, 28)
    assert next_year_start(date(2028, 2, 29)) == date(2029, 3, 1)
    assert default_end(date(2028, 1, 1)) == date(2028, 12, 31)
    assert default_end(date(2027, 3, 1)) == date(2028, 2, 29)


def test_a_licence_from_leap_day_activates_on_29_february_by_local_date():
    licentie = LicentieFactory(begindatum=date(2028, 2, 29), getekend=True)
    assert licentie.einddatum == date(2029, 2, 28)

    with time_machine.travel("2028-02-28 23:30 +01:00", tick=False):
        assert service.update_states() == NOTHING
    with time_machine.travel("2028-02-29 00:30 +01:00", tick=False):  # 28 Feb 23:30 UTC
        assert timezone.now().date() == date(2028, 2, 28)
        assert timezone.localdate() == date(2028, 2, 29)
        assert service.update_states() == {"activated": 1, "expired": 0}

    assert fresh(licentie).status == LicentieStatus.ACTIEF


def test_a_leap_day_licence_expires_on_1_march_and_its_renewal_starts_then(kb):
    with time_machine.travel("2028-02-29 00:30 +01:00", tick=False):
        licentie = LicentieFactory(begindatum=date(2028, 2, 29), getekend=True)
        kept = LicentieFactory(begindatum=date(2028, 2, 29), getekend=True)
        service.update_states()
        volgende = service.renew(fresh(kept), kb)
    assert (volgende.begindatum, volgende.einddatum) == (date(2029, 3, 1), date(2030, 2, 28))

    with time_machine.travel("2029-02-28 23:59 +01:00", tick=False):
        assert service.update_states() == NOTHING
    with time_machine.travel("2029-03-01 00:15 +01:00", tick=False):
        assert service.update_states() == {"activated": 1, "expired": 1}

    assert fresh(licentie).status == LicentieStatus.VERLOPEN
    assert fresh(volgende).status == LicentieStatus.ACTIEF


# The beat schedule ------------------------------------------------------------------------


def test_every_beat_entry_names_a_registered_task_that_accepts_its_arguments():
    celery_app.loader.import_default_modules()  # what a worker does at start: autodiscovery
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert "licenties.tasks.update_licence_states" in {e["task"] for e in schedule.values()}
    for name, entry in schedule.items():
        assert entry["task"] in celery_app.tasks, f"{name}: {entry['task']} is not registered"
        task = celery_app.tasks[entry["task"]]
        signature = inspect.signature(task.run)
        signature.bind(*entry.get("args", ()), **entry.get("kwargs", {}))  # raises if not
        assert entry.get("schedule") is not None, name


# Two workers at once (PostgreSQL row locks) -----------------------------------------------


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_two_workers_running_the_daily_task_at_once_change_each_licence_once():
    for rol in Rol.values:  # a transactional test starts from a flushed database
        Group.objects.get_or_create(name=rol)
    UserFactory(kb=True)
    today = timezone.localdate()
    starting = [
        LicentieFactory(begindatum=today - timedelta(days=n), getekend=True) for n in range(8)
    ]
    ending = [
        LicentieFactory(
            actief=True,
            begindatum=today - timedelta(days=400 + n),
            einddatum=today - timedelta(days=36 + n),
        )
        for n in range(8)
    ]
    barrier = threading.Barrier(2)
    results, errors = [], []
    real_perform = service.perform

    def slow_perform(*args, **kwargs):
        real_perform(*args, **kwargs)
        time.sleep(0.05)  # hold the row lock while the other worker comes by

    def worker():
        try:
            barrier.wait()
            results.append(service.update_states())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    with mock.patch.object(service, "perform", slow_perform):
        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert errors == []
    assert len(results) == 2
    assert sum(r["activated"] for r in results) == len(starting)
    assert sum(r["expired"] for r in results) == len(ending)
    per_licence = dict(log_rows().values_list("object_id").annotate(n=Count("pk")))
    assert per_licence == {lic.pk: 1 for lic in starting + ending}
    assert all(fresh(lic).status == LicentieStatus.ACTIEF for lic in starting)
    assert all(fresh(lic).status == LicentieStatus.VERLOPEN for lic in ending)
