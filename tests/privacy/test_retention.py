"""The retention periods of the outbox's texts and of declined interest requests, and the one
daily run (task and ``manage.py retention``) that applies every app's steps."""

from io import StringIO

import pytest
from dateutil.relativedelta import relativedelta
from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import timezone

from aanmelding.models import Belangstelling
from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.models import AccessLogEntry
from kbregeling.accounts.models import Gebruiker
from kbregeling.mail import outbox
from kbregeling.mail.models import OutgoingMail
from kbregeling.privacy import retention, tasks

from ..accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

REMOVED = "(De tekst van deze e-mail is verwijderd na de bewaartermijn.)"


def mail(months_ago, **fields):
    made = OutgoingMail.objects.create(
        subject="Onderwerp", body=fields.pop("body", "Beste Anne"), to="anne@example.org"
    )
    OutgoingMail.objects.filter(pk=made.pk).update(
        created=timezone.now() - relativedelta(months=months_ago), **fields
    )
    return made


def body(made):
    return OutgoingMail.objects.get(pk=made.pk).body


def interest(status, months_ago, **fields):
    return Belangstelling.objects.create(
        naam="Anne",
        organisatie="Bibliotheek Zuid",
        email="anne@zuid.example",
        status=status,
        behandeld_op=timezone.now() - relativedelta(months=months_ago) if months_ago else None,
        **fields,
    )


def test_the_text_of_finished_mail_goes_after_the_period(settings):
    settings.RETENTION_MAIL_BODY_MONTHS = 12
    now = timezone.now()
    sent = mail(13, sent_at=now)
    lapsed = mail(13, cancelled_at=now)
    recent = mail(11, sent_at=now)

    assert retention.apply()["mail"] == 2

    assert body(sent) == body(lapsed) == REMOVED
    assert body(recent) == "Beste Anne"
    assert OutgoingMail.objects.get(pk=sent.pk).to == "anne@example.org"  # the record stays


def test_a_mail_that_may_still_be_sent_keeps_its_text(settings):
    waiting = mail(13, attempts=1)

    assert retention.apply()["mail"] == 0
    assert body(waiting) == "Beste Anne"


def test_a_given_up_mail_loses_its_text_and_lapses_so_it_is_never_sent_without_it(mailoutbox):
    given_up = mail(13, attempts=django_settings.MAIL_MAX_ATTEMPTS)

    assert retention.apply()["mail"] == 1

    given_up = OutgoingMail.objects.get(pk=given_up.pk)
    assert given_up.body == REMOVED
    assert given_up.cancelled_at is not None
    assert given_up not in OutgoingMail.objects.failed()
    outbox.resend(given_up)
    assert outbox.send(given_up.pk) is False
    assert mailoutbox == []


def test_the_text_of_a_password_mail_already_erased_is_left_alone():
    mail(13, sent_at=timezone.now(), body=outbox.PRIVATE_BODY)

    assert retention.apply()["mail"] == 0


def test_declined_interest_requests_go_after_the_period_and_the_others_stay(settings):
    settings.RETENTION_DECLINED_INTEREST_MONTHS = 6
    interest(Belangstelling.Status.AFGEWEZEN, months_ago=7)
    kept = [
        interest(Belangstelling.Status.AFGEWEZEN, months_ago=5),
        interest(Belangstelling.Status.NIEUW, months_ago=0),
        interest(Belangstelling.Status.AANGEMELD, months_ago=24),
    ]

    assert retention.apply()["aanmelding"] == 1
    assert set(Belangstelling.objects.all()) == set(kept)


def test_a_second_run_of_every_step_changes_nothing():
    now = timezone.now()
    Gebruiker.objects.filter(pk=UserFactory(medewerker=True).pk).update(
        is_active=False, gedeactiveerd_op=now - relativedelta(months=25)
    )
    mail(13, sent_at=now)
    interest(Belangstelling.Status.AFGEWEZEN, months_ago=7)
    AccessLogEntry.objects.create(kind=Kind.LOGIN, when=now - relativedelta(months=13))

    first = retention.apply()
    assert first == {"accounts": 1, "mail": 1, "accesslog": 1, "aanmelding": 1}
    assert retention.apply() == dict.fromkeys(first, 0)


def test_a_dry_run_changes_nothing_but_reports_what_it_would_do():
    now = timezone.now()
    person = UserFactory(medewerker=True)
    Gebruiker.objects.filter(pk=person.pk).update(
        is_active=False, gedeactiveerd_op=now - relativedelta(months=25)
    )
    old = mail(13, sent_at=now)
    declined = interest(Belangstelling.Status.AFGEWEZEN, months_ago=7)
    out = StringIO()

    call_command("retention", "--dry-run", stdout=out)

    assert "accounts: 1 would change" in out.getvalue()
    assert "mail: 1 would change" in out.getvalue()
    assert "aanmelding: 1 would change" in out.getvalue()
    assert Gebruiker.objects.get(pk=person.pk).email == person.email
    assert body(old) == "Beste Anne"
    assert Belangstelling.objects.filter(pk=declined.pk).exists()
    assert retention.apply(dry_run=True)["accounts"] == 1  # still to do


def test_the_command_without_dry_run_applies_and_says_so():
    interest(Belangstelling.Status.AFGEWEZEN, months_ago=7)
    out = StringIO()

    call_command("retention", stdout=out)

    assert "aanmelding: 1 changed" in out.getvalue()
    assert not Belangstelling.objects.exists()


def test_a_failing_step_is_rolled_back_and_the_others_still_run(monkeypatch):
    def broken(now, dry_run):
        OutgoingMail.objects.all().delete()
        raise RuntimeError("kapot")

    monkeypatch.setitem(retention.STEPS, "mail", broken)
    old = mail(13, sent_at=timezone.now())
    interest(Belangstelling.Status.AFGEWEZEN, months_ago=7)

    with pytest.raises(RuntimeError):
        retention.apply()

    assert OutgoingMail.objects.filter(pk=old.pk).exists()
    assert not Belangstelling.objects.exists()


def test_one_daily_task_applies_every_step():
    entries = [e for e in django_settings.CELERY_BEAT_SCHEDULE.values() if "retention" in e["task"]]

    assert [e["task"] for e in entries] == ["kbregeling.privacy.tasks.apply_retention"]
    assert entries[0]["schedule"].hour == {3}
    assert set(retention.STEPS) == {"accounts", "mail", "accesslog", "aanmelding"}
    assert tasks.apply_retention.delay().get() == dict.fromkeys(retention.STEPS, 0)


def test_the_periods_default_to_24_12_and_6_months():
    assert django_settings.RETENTION_DEACTIVATED_MONTHS == 24
    assert django_settings.RETENTION_MAIL_BODY_MONTHS == 12
    assert django_settings.RETENTION_DECLINED_INTEREST_MONTHS == 6
