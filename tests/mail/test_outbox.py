"""The outbox: a mail is recorded with the action and queued only after the transaction
commits, so an action that is rolled back sends nothing; a broker that is down never undoes
the action itself, and the hourly retry sends what it missed, once."""

import json
import logging
import os
from datetime import timedelta
from unittest.mock import patch

import pytest
from django.db import transaction
from django.urls import reverse
from kombu.exceptions import OperationalError

from aanmelding import service
from aanmelding.constants import Status
from aanmelding.models import Aanmelding
from kbregeling.mail import outbox as messenger
from kbregeling.mail import tasks
from kbregeling.workflow.models import TransitionLog

pytestmark = pytest.mark.django_db


def test_mail_waits_for_the_commit(mailoutbox, mail_on_commit, concept, medewerker, kb):
    with mail_on_commit() as callbacks:
        service.submit(concept, medewerker)
        assert mailoutbox == []  # still inside the transaction
    assert len(callbacks) == 2
    assert len(mailoutbox) == 2


def test_no_mail_when_the_transaction_rolls_back(
    mailoutbox, mail_on_commit, concept, medewerker, kb, digisterker
):
    class Interrupted(Exception):
        pass

    with mail_on_commit() as callbacks, pytest.raises(Interrupted), transaction.atomic():
        service.submit(concept, medewerker)
        raise Interrupted
    assert callbacks == []
    assert mailoutbox == []
    concept.refresh_from_db()
    assert concept.status == Status.CONCEPT


# The broker ---------------------------------------------------------------------------------


def test_with_the_broker_down_the_submission_stands_and_the_failure_is_logged(
    client, mailoutbox, mail_on_commit, concept, medewerker, kb, caplog, monkeypatch
):
    from kbregeling.mail.tasks import send_email

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to broker. Connection refused.")

    monkeypatch.setattr(send_email, "delay", broker_down)
    client.force_login(medewerker)
    with caplog.at_level(logging.ERROR, logger="kbregeling.mail.outbox"), mail_on_commit():
        response = client.post(reverse("aanmelding:submit", args=[concept.pk]))

    assert response.status_code == 302
    assert Aanmelding.objects.get(pk=concept.pk).status == Status.INGEDIEND
    assert TransitionLog.objects.filter(object_id=concept.pk, target=Status.INGEDIEND).exists()
    assert mailoutbox == []
    failures = [r for r in caplog.records if r.name == "kbregeling.mail.outbox"]
    assert len(failures) == 2  # the library's confirmation and the KB reviewers' notice
    # The first publish fails; the second does not knock on the broker again right away.
    assert isinstance(failures[0].exc_info[1], OperationalError)
    assert "waits" in failures[1].getMessage()
    messages = sorted(r.getMessage() for r in failures)
    assert any(concept.bibliotheek.contact_email in m for m in messages)
    assert any(kb.email in m for m in messages)


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_mail_is_queued_in_redis_after_commit(mail_on_commit):
    """Through a Celery app of its own on the real Redis: the project's app stays eager."""
    import redis
    from celery import Celery

    broker = redis.Redis.from_url(os.environ["REDIS_URL"])
    probe = Celery("probe", broker=os.environ["REDIS_URL"], set_as_current=False)

    def delay(*args):
        return probe.send_task("kbregeling.mail.tasks.send_email", args=args)

    queued = None
    try:
        before = broker.llen("celery")
        with patch.object(tasks.send_email, "delay", side_effect=delay), mail_on_commit():
            messenger.record("Onderwerp", "Tekst", ["bibliotheek@example.org"])
            assert broker.llen("celery") == before  # nothing before the commit
        assert broker.llen("celery") == before + 1
        queued = broker.lindex("celery", 0)
        message = json.loads(queued)
        assert message["headers"]["task"] == "kbregeling.mail.tasks.send_email"
    finally:
        if queued is not None:
            broker.lrem("celery", 1, queued)
        probe.close()


# The outbox --------------------------------------------------------------------------------


def test_a_mail_the_broker_did_not_take_is_sent_once_by_the_hourly_retry(
    mailoutbox, mail_on_commit, concept, medewerker, kb, monkeypatch
):
    import time_machine
    from django.utils import timezone

    from kbregeling.mail.models import OutgoingMail

    def broker_down(*args, **kwargs):
        raise OperationalError("Connection refused.")

    with monkeypatch.context() as patched:
        patched.setattr(tasks.send_email, "delay", broker_down)
        with mail_on_commit():
            service.submit(concept, medewerker)
    assert mailoutbox == []
    waiting = OutgoingMail.objects.filter(sent_at__isnull=True)
    assert waiting.count() == 2  # the library's confirmation and the KB reviewers' notice

    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        assert messenger.retry_unsent() == 2
        assert messenger.retry_unsent() == 0  # sent now: nothing left to retry
    assert len(mailoutbox) == 2
    assert not waiting.exists()


def test_a_recorded_mail_is_sent_at_most_once(mailoutbox):
    from kbregeling.mail.models import OutgoingMail

    mail = OutgoingMail.objects.create(subject="Onderwerp", body="Tekst", to="a@example.org")
    assert messenger.send(mail.pk) is True
    assert messenger.send(mail.pk) is False
    assert len(mailoutbox) == 1


def test_a_mail_that_failed_too_often_is_given_up(settings, mailoutbox):
    import time_machine
    from django.utils import timezone

    from kbregeling.mail.models import OutgoingMail

    settings.MAIL_MAX_ATTEMPTS = 3
    OutgoingMail.objects.create(subject="Onderwerp", body="Tekst", to="a@example.org", attempts=3)
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        assert messenger.retry_unsent() == 0
    assert mailoutbox == []


def test_a_rolled_back_action_records_no_mail(medewerker, concept):
    from django.db import transaction

    from kbregeling.mail.models import OutgoingMail

    with pytest.raises(RuntimeError), transaction.atomic():
        service.submit(concept, medewerker)
        raise RuntimeError("the request failed after the transition")
    assert not OutgoingMail.objects.exists()
