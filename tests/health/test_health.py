"""/health/ says whether the product runs: database, broker, the heartbeat that proves beat
and a worker both run, and an outbox that is not falling behind."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from health_check.exceptions import ServiceUnavailable

from kbregeling.celery import app as celery_app
from kbregeling.health import checks, tasks
from kbregeling.health.models import Heartbeat
from kbregeling.mail.models import OutgoingMail

pytestmark = pytest.mark.django_db


def test_the_health_endpoint_answers_200_when_all_is_well(client):
    response = client.get(reverse("health"), {"format": "json"})

    assert response.status_code == 200, response.content
    assert "no-cache" in response["Cache-Control"]


def test_the_health_endpoint_fails_when_mail_waits_too_long(client, settings):
    settings.HEALTH_OUTBOX_MINUTES = 30
    mail = OutgoingMail.objects.create(subject="Oud", body="Tekst", to="a@example.org")
    OutgoingMail.objects.filter(pk=mail.pk).update(created=timezone.now() - timedelta(hours=1))

    response = client.get(reverse("health"), {"format": "json"})

    assert response.status_code == 500
    assert "wait" in response.content.decode()


def test_a_mail_given_up_does_not_count_as_a_backlog(settings):
    settings.MAIL_MAX_ATTEMPTS = 3
    mail = OutgoingMail.objects.create(subject="Kapot", body="x", to="a@example.org", attempts=3)
    OutgoingMail.objects.filter(pk=mail.pk).update(created=timezone.now() - timedelta(days=1))

    checks.Outbox().check()  # listed for KB as "niet verzonden", not a reason to restart


@pytest.fixture
def with_a_broker():
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = True


def test_a_stale_heartbeat_means_beat_or_the_workers_are_down(with_a_broker, settings):
    settings.HEALTH_HEARTBEAT_MINUTES = 3
    with pytest.raises(ServiceUnavailable):
        checks.Scheduler().check()  # never ran

    tasks.heartbeat()
    checks.Scheduler().check()  # fresh

    Heartbeat.objects.update(at=timezone.now() - timedelta(minutes=4))
    with pytest.raises(ServiceUnavailable):
        checks.Scheduler().check()


def test_running_the_heartbeat_twice_keeps_one_row():
    tasks.heartbeat()
    tasks.heartbeat()
    assert Heartbeat.objects.count() == 1


def test_the_broker_check_fails_when_nothing_answers(with_a_broker):
    before = celery_app.conf.broker_url
    celery_app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        with pytest.raises(ServiceUnavailable):
            checks.Broker().run()
    finally:
        celery_app.conf.broker_url = before
