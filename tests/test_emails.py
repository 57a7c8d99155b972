"""E-mail: the library hears of every outcome once, reviewers hear when a plan awaits them.

Mail is queued only after the transaction commits, so an action that is refused or rolled
back sends nothing; a broker that is down never undoes the action itself.
"""

import json
import logging
import os
from datetime import timedelta
from unittest.mock import patch

import pytest
from django.db import transaction
from django.urls import reverse
from kombu.exceptions import OperationalError

from aanmelding import messenger, service, tasks
from aanmelding.constants import Advies, Status
from aanmelding.models import Aanmelding, TransitionLog

from .factories import AanmeldingFactory, UserFactory, staff_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def library_addresses(bibliotheek, medewerker):
    """The contact address and every active staff member; not the one who left."""
    staff_of(bibliotheek, is_active=False, email="vertrokken@bibliotheek.example")
    staff_of(bibliotheek, email="")
    return sorted([bibliotheek.contact_email, medewerker.email])


@pytest.fixture
def mail_on_commit(django_capture_on_commit_callbacks):
    """Run the after-commit callbacks of a block, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def detail_url(aanmelding):
    return reverse("aanmelding:detail", args=[aanmelding.pk])


def advise(plan, reviewer, advies, motivering):
    plan.refresh_from_db()
    service.advise(plan, reviewer, advies, motivering, plan.status)
    plan.refresh_from_db()


# One mail per outcome -------------------------------------------------------------------------


def test_submission_confirms_to_the_library_and_tells_each_reviewer_party_once(
    mailoutbox, mail_on_commit, concept, medewerker, library_addresses, kb, digisterker
):
    second_kb = UserFactory(kb=True)
    UserFactory(kb=True, is_active=False)
    UserFactory(coordinator=True)
    with mail_on_commit():
        service.submit(concept, medewerker)

    assert len(mailoutbox) == 3
    library_mail, kb_mail, digisterker_mail = mailoutbox
    assert sorted(library_mail.to) == library_addresses
    assert sorted(kb_mail.to) == sorted([kb.email, second_kb.email])
    assert digisterker_mail.to == [digisterker.email]
    assert kb_mail.subject == digisterker_mail.subject != library_mail.subject
    for mail in mailoutbox:
        assert concept.bibliotheek.naam in mail.subject
        assert detail_url(concept) in mail.body


def test_resubmission_tells_the_library_and_both_parties_again(
    mailoutbox, mail_on_commit, ingediend, medewerker, library_addresses, kb, digisterker
):
    advise(ingediend, kb, Advies.AANVULLING_NODIG, "Meer over de docenten.")
    with mail_on_commit():
        service.submit(ingediend, medewerker)
    assert [sorted(m.to) for m in mailoutbox] == [
        library_addresses,
        [kb.email],
        [digisterker.email],
    ]


@pytest.mark.parametrize(
    ("steps", "outcome"),
    [
        ([("kb", Advies.POSITIEF), ("digisterker", Advies.POSITIEF)], Status.GOEDGEKEURD),
        ([("digisterker", Advies.POSITIEF), ("kb", Advies.POSITIEF)], Status.GOEDGEKEURD),
        ([("kb", Advies.NEGATIEF)], Status.AFGEWEZEN),
        ([("digisterker", Advies.POSITIEF), ("kb", Advies.NEGATIEF)], Status.AFGEWEZEN),
        ([("digisterker", Advies.AANVULLING_NODIG)], Status.AANVULLING_GEVRAAGD),
        (
            [("kb", Advies.POSITIEF), ("digisterker", Advies.AANVULLING_NODIG)],
            Status.AANVULLING_GEVRAAGD,
        ),
    ],
)
def test_each_outcome_mails_the_library_once_with_the_motivation(
    mailoutbox, mail_on_commit, ingediend, library_addresses, kb, digisterker, steps, outcome
):
    reviewers = {"kb": kb, "digisterker": digisterker}
    with mail_on_commit():
        for party, advies in steps:
            advise(ingediend, reviewers[party], advies, f"De motivering van {party}.")
    assert ingediend.status == outcome
    assert len(mailoutbox) == 1
    (mail,) = mailoutbox
    assert sorted(mail.to) == library_addresses
    last_party = steps[-1][0]
    assert f"De motivering van {last_party}." in mail.body
    assert detail_url(ingediend) in mail.body


def test_the_three_outcomes_are_told_apart_by_their_subject(
    mailoutbox, mail_on_commit, bibliotheek, kb, digisterker
):
    outcomes = {
        Status.GOEDGEKEURD: [(kb, Advies.POSITIEF), (digisterker, Advies.POSITIEF)],
        Status.AFGEWEZEN: [(kb, Advies.NEGATIEF)],
        Status.AANVULLING_GEVRAAGD: [(kb, Advies.AANVULLING_NODIG)],
    }
    subjects = set()
    for steps in outcomes.values():
        plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
        mailoutbox.clear()
        with mail_on_commit():
            for reviewer, advies in steps:
                advise(plan, reviewer, advies, "Motivering.")
        assert len(mailoutbox) == 1
        subjects.add(mailoutbox[0].subject)
    assert len(subjects) == 3


def test_withdrawal_sends_no_mail(mailoutbox, mail_on_commit, ingediend, medewerker):
    with mail_on_commit() as callbacks:
        service.withdraw(ingediend, medewerker, "Toch niet.")
    assert callbacks == []
    assert mailoutbox == []


# Nothing for a refused or rolled-back action --------------------------------------------------


@pytest.mark.parametrize(
    ("who", "action"),
    [
        ("medewerker", "advise"),
        ("coordinator", "advise"),
        ("kb", "submit"),
        ("andere_medewerker", "withdraw"),
    ],
)
def test_a_refused_action_sends_no_mail(
    client, mailoutbox, mail_on_commit, ingediend, who, action, request
):
    client.force_login(request.getfixturevalue(who))
    data = {"advies": Advies.NEGATIEF, "motivering": "Nee.", "seen_status": Status.INGEDIEND}
    with mail_on_commit() as callbacks:
        response = client.post(reverse(f"aanmelding:{action}", args=[ingediend.pk]), data)
    assert response.status_code in (403, 404)
    assert callbacks == []
    assert mailoutbox == []


def test_a_stale_advice_sends_no_mail(client, mailoutbox, mail_on_commit, ingediend, kb):
    advise(ingediend, UserFactory(digisterker=True), Advies.POSITIEF, "Akkoord.")
    client.force_login(kb)
    with mail_on_commit() as callbacks:
        response = client.post(
            reverse("aanmelding:advise", args=[ingediend.pk]),
            {"advies": Advies.NEGATIEF, "motivering": "Nee.", "seen_status": Status.INGEDIEND},
        )
    assert response.status_code == 409
    assert callbacks == []
    assert mailoutbox == []


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
    from aanmelding.tasks import send_email

    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to broker. Connection refused.")

    monkeypatch.setattr(send_email, "delay", broker_down)
    client.force_login(medewerker)
    with caplog.at_level(logging.ERROR, logger="aanmelding.messenger"), mail_on_commit():
        response = client.post(reverse("aanmelding:submit", args=[concept.pk]))

    assert response.status_code == 302
    assert Aanmelding.objects.get(pk=concept.pk).status == Status.INGEDIEND
    assert TransitionLog.objects.filter(object_id=concept.pk, target=Status.INGEDIEND).exists()
    assert mailoutbox == []
    failures = [r for r in caplog.records if r.name == "aanmelding.messenger"]
    assert len(failures) == 2  # the library's confirmation and the KB reviewers' notice
    assert all(isinstance(r.exc_info[1], OperationalError) for r in failures)
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
        return probe.send_task("aanmelding.tasks.send_email", args=args)

    queued = None
    try:
        before = broker.llen("celery")
        with patch.object(tasks.send_email, "delay", side_effect=delay), mail_on_commit():
            messenger.queue_email("Onderwerp", "Tekst", ["bibliotheek@example.org"])
            assert broker.llen("celery") == before  # nothing before the commit
        assert broker.llen("celery") == before + 1
        queued = broker.lindex("celery", 0)
        message = json.loads(queued)
        assert message["headers"]["task"] == "aanmelding.tasks.send_email"
    finally:
        if queued is not None:
            broker.lrem("celery", 1, queued)
        probe.close()


def test_submitting_twice_sends_no_second_mail(mailoutbox, mail_on_commit, ingediend, medewerker):
    with mail_on_commit():
        service.submit(ingediend, medewerker)  # a double click after the first submission
    assert mailoutbox == []


# The outbox --------------------------------------------------------------------------------


def test_a_mail_the_broker_did_not_take_is_sent_once_by_the_hourly_retry(
    mailoutbox, mail_on_commit, concept, medewerker, kb, monkeypatch
):
    import time_machine
    from django.utils import timezone

    from aanmelding.models import OutgoingMail

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
    from aanmelding.models import OutgoingMail

    mail = OutgoingMail.objects.create(subject="Onderwerp", body="Tekst", to="a@example.org")
    assert messenger.send_recorded(mail.pk) is True
    assert messenger.send_recorded(mail.pk) is False
    assert len(mailoutbox) == 1


def test_a_mail_that_failed_too_often_is_given_up(settings, mailoutbox):
    import time_machine
    from django.utils import timezone

    from aanmelding.models import OutgoingMail

    settings.MAIL_MAX_ATTEMPTS = 3
    OutgoingMail.objects.create(subject="Onderwerp", body="Tekst", to="a@example.org", attempts=3)
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        assert messenger.retry_unsent() == 0
    assert mailoutbox == []


def test_a_rolled_back_action_records_no_mail(medewerker, concept):
    from django.db import transaction

    from aanmelding.models import OutgoingMail

    with pytest.raises(RuntimeError), transaction.atomic():
        service.submit(concept, medewerker)
        raise RuntimeError("the request failed after the transition")
    assert not OutgoingMail.objects.exists()
