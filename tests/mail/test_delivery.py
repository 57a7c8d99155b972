"""No mail lost, none stale, none twice: a hung broker never turns a saved action into an
error page, a send that fails is tried again by the one retry loop, a mail given up is listed
for KB with its reason and can be sent again, and a mail is marked sent before the
connection says goodbye."""

import json
import os
import socket
import threading
import time
from datetime import timedelta
from smtplib import SMTPException
from unittest import mock

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from aanmelding.constants import Status
from aanmelding.models import Aanmelding
from kbregeling.celery import app as celery_app
from kbregeling.mail import outbox
from kbregeling.mail import tasks as mail_tasks
from kbregeling.mail.models import OutgoingMail

from ..accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def forget_broker_connections():
    """Celery keeps its producer pool for the broker it first used: start from none."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def hung_broker():
    """A 'broker' that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held = []

    def accept():
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    before = celery_app.conf.broker_url
    celery_app.conf.broker_url = f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    celery_app.conf.task_always_eager = False
    forget_broker_connections()
    yield
    forget_broker_connections()
    celery_app.conf.broker_url = before
    celery_app.conf.task_always_eager = True
    server.close()
    for connection in held:
        connection.close()


def test_a_hung_broker_leaves_the_submission_saved_and_answers_within_five_seconds(
    client, mail_on_commit, concept, medewerker, kb, digisterker, hung_broker
):
    client.force_login(medewerker)
    started = time.monotonic()
    with mail_on_commit():
        response = client.post(reverse("aanmelding:submit", args=[concept.pk]))
    took = time.monotonic() - started

    assert response.status_code == 302
    assert response["Location"] == reverse("aanmelding:detail", args=[concept.pk])
    assert took < 5, f"the request took {took:.1f} s"
    assert Aanmelding.objects.get(pk=concept.pk).status == Status.INGEDIEND
    waiting = OutgoingMail.objects.waiting()
    assert waiting.count() == 3  # the library, KB and Digisterker: kept for the retry loop
    assert not waiting.filter(queued_at__isnull=False).exists()


def a_mail(**fields):
    return OutgoingMail.objects.create(
        subject="Uw jaarrapportage", body="Tekst", to="bieb@example.org", **fields
    )


def test_a_failed_send_records_the_reason_and_the_retry_loop_waits_longer_each_time(
    mailoutbox,
):
    mail = a_mail()
    with mock.patch.object(outbox.EmailMessage, "send", side_effect=SMTPException("421 busy")):
        assert outbox.send(mail.pk) is False
    mail.refresh_from_db()
    assert (mail.attempts, mail.last_error) == (1, "SMTPException: 421 busy")

    tried = mail.last_attempt_at
    assert outbox.next_try(mail) == tried + timedelta(minutes=5)
    mail.attempts = 3
    assert outbox.next_try(mail) == tried + timedelta(minutes=20)
    mail.attempts = 9
    assert outbox.next_try(mail) == tried + timedelta(minutes=60)

    with time_machine.travel(tried + timedelta(minutes=4)):
        assert outbox.retry_unsent() == 0  # not due yet
    with time_machine.travel(tried + timedelta(minutes=6)):
        assert outbox.retry_unsent() == 1
    assert len(mailoutbox) == 1


def test_a_mail_is_marked_sent_before_the_connection_says_goodbye(mailoutbox):
    mail = a_mail()
    seen_at_goodbye = []
    real = outbox.get_connection

    def connection():
        backend = real()
        close = backend.close

        def goodbye():
            seen_at_goodbye.append(OutgoingMail.objects.get(pk=mail.pk).sent_at)
            close()

        backend.close = goodbye
        return backend

    with mock.patch.object(outbox, "get_connection", connection):
        assert outbox.send(mail.pk) is True
    assert len(seen_at_goodbye) == 1 and seen_at_goodbye[0] is not None


# Given up: "niet verzonden" ----------------------------------------------------------------


@pytest.fixture
def given_up(settings):
    settings.MAIL_MAX_ATTEMPTS = 3
    return a_mail(attempts=3, last_error="SMTPRecipientsRefused: 550 no such user")


def test_a_mail_past_its_limit_is_listed_and_sent_once_after_opnieuw_versturen(
    client, given_up, kb, mailoutbox, mail_on_commit
):
    client.force_login(kb)
    page = client.get(reverse("mail:failed")).content.decode()
    assert "Uw jaarrapportage" in page
    assert "550 no such user" in page

    with mail_on_commit():
        response = client.post(reverse("mail:resend", args=[given_up.pk]))

    assert response.status_code == 302
    given_up.refresh_from_db()
    assert given_up.sent_at is not None
    assert [m.subject for m in mailoutbox] == ["Uw jaarrapportage"]
    listed = client.get(reverse("mail:failed")).content.decode()
    assert reverse("mail:resend", args=[given_up.pk]) not in listed
    with mail_on_commit():  # a second click finds nothing to send again
        assert client.post(reverse("mail:resend", args=[given_up.pk])).status_code == 404
    assert len(mailoutbox) == 1


def test_the_coordinator_sees_what_was_not_sent_but_only_kb_sends_it_again(
    client, given_up, coordinator
):
    client.force_login(coordinator)
    page = client.get(reverse("mail:failed"))
    assert page.status_code == 200
    assert reverse("mail:resend", args=[given_up.pk]) not in page.content.decode()
    assert client.post(reverse("mail:resend", args=[given_up.pk])).status_code == 403


def test_library_staff_never_see_the_mail_that_was_not_sent(client, given_up, medewerker):
    client.force_login(medewerker)
    assert client.get(reverse("mail:failed")).status_code == 403
    assert client.post(reverse("mail:resend", args=[given_up.pk])).status_code == 403


def test_the_coordinator_and_admins_hear_once_of_mail_given_up(
    given_up, coordinator, mailoutbox, mail_on_commit
):
    admin = UserFactory(is_superuser=True, is_staff=True, email="beheer@kb.example")
    with mail_on_commit():
        assert outbox.report_failed() == 1
        assert outbox.report_failed() == 0  # told already
    [digest] = mailoutbox
    assert sorted(digest.to) == sorted([coordinator.email, admin.email])
    assert "Uw jaarrapportage" in digest.body
    assert "550 no such user" in digest.body
    assert reverse("mail:failed") in digest.body


def test_an_old_unsent_mail_is_tried_again_by_the_loop_not_before(mailoutbox):
    mail = a_mail()
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert outbox.retry_unsent() == 0  # may still be on its way
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert outbox.retry_unsent() == 1
    mail.refresh_from_db()
    assert mail.sent_at is not None and mail.queued_at is not None


def test_a_mail_queued_twice_is_tried_once_and_no_faster_than_its_back_off(mailoutbox):
    mail = a_mail()
    with mock.patch.object(outbox.EmailMessage, "send", side_effect=SMTPException("421 busy")):
        assert outbox.send(mail.pk) is False
        assert outbox.send(mail.pk) is False  # a second task for it, right away
    mail.refresh_from_db()
    assert mail.attempts == 1  # not spent by the second task


def test_a_mail_past_its_limit_is_never_sent_by_a_task_that_was_still_queued(settings, mailoutbox):
    settings.MAIL_MAX_ATTEMPTS = 3
    mail = a_mail(attempts=3, last_attempt_at=timezone.now() - timedelta(days=1))
    assert outbox.send(mail.pk) is False
    mail.refresh_from_db()
    assert (mail.attempts, mail.sent_at) == (3, None)
    assert mailoutbox == []


def test_an_attempt_counts_even_when_the_worker_dies_while_sending(mailoutbox):
    mail = a_mail()

    class WorkerKilled(BaseException):  # not an Exception: nothing in send() catches it
        pass

    with (
        mock.patch.object(outbox.EmailMessage, "send", side_effect=WorkerKilled),
        pytest.raises(WorkerKilled),
    ):
        outbox.send(mail.pk)
    mail.refresh_from_db()
    assert mail.attempts == 1  # so a mail that kills workers ends as "niet verzonden"


def test_a_password_reset_mail_keeps_no_link_once_sent(mailoutbox, mail_on_commit):
    with mail_on_commit():
        mail = outbox.record("Wachtwoord", "https://x/reset/abc/", ["a@example.org"], private=True)
    mail.refresh_from_db()
    assert mail.sent_at is not None
    assert "reset" not in mail.body
    assert "reset" in mailoutbox[0].body


def test_a_mail_with_only_copies_goes_to_them_and_one_with_nobody_is_not_recorded():
    mail = outbox.record("Te laat", "Tekst", [], ["coordinator@kb.example"])
    assert (mail.to, mail.cc) == ("coordinator@kb.example", "")
    assert outbox.record("Te laat", "Tekst", [], []) is None


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_opnieuw_versturen_puts_the_mail_on_the_real_broker_once_after_commit(
    client, given_up, kb, mail_on_commit
):
    """Through a Celery app of its own on the real Redis: the project's app stays eager."""
    import redis
    from celery import Celery

    broker = redis.Redis.from_url(os.environ["REDIS_URL"])
    probe = Celery("probe", broker=os.environ["REDIS_URL"], set_as_current=False)
    queued = []
    try:
        before = broker.llen("celery")
        with (
            mock.patch.object(
                mail_tasks.send_email,
                "delay",
                side_effect=lambda *args: probe.send_task(mail_tasks.send_email.name, args=args),
            ),
            mail_on_commit(),
        ):
            client.force_login(kb)
            client.post(reverse("mail:resend", args=[given_up.pk]))
            assert broker.llen("celery") == before  # nothing before the commit
        assert broker.llen("celery") == before + 1
        queued.append(broker.lindex("celery", 0))
        message = json.loads(queued[0])
        assert message["headers"]["task"] == "kbregeling.mail.tasks.send_email"
        assert message["headers"]["argsrepr"] == f"({given_up.pk},)"
        given_up.refresh_from_db()
        assert (given_up.attempts, given_up.queued_at is not None) == (0, True)
    finally:
        for item in queued:
            broker.lrem("celery", 1, item)
        probe.close()


def mails_given_up(n):
    OutgoingMail.objects.bulk_create(
        OutgoingMail(
            subject=f"Herinnering {i}",
            body="Tekst",
            to=f"bieb{i}@example.org",
            cc="coordinator@kb.example",
            attempts=3,
            last_error="SMTPRecipientsRefused: 550",
        )
        for i in range(n)
    )


def queries_for(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_list_of_mail_not_sent_runs_the_same_queries_for_5_and_200_mails(client, kb, settings):
    settings.MAIL_MAX_ATTEMPTS = 3
    client.force_login(kb)
    url = reverse("mail:failed")
    mails_given_up(5)
    few = queries_for(client, url)
    mails_given_up(195)
    assert queries_for(client, url) == few == 5  # session, user, roles, count, the page
