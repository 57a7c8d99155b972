"""The daily reminder scan of ``rapportage.reminders`` over a report's life.

A reminder is recorded once per report, kind and due date (per reviewer and week for the
digest) and sent once, however often the scan runs, and whether the broker, a worker or the
mail server failed on the way: the row stays unsent and a later run sends it, once.
"""

import threading
from datetime import date, datetime, timedelta
from io import StringIO
from smtplib import SMTPException
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError

from aanmelding.constants import Status
from kbregeling.accounts.constants import Rol
from kbregeling.celery import app as celery_app
from kbregeling.mail import outbox
from kbregeling.mail import tasks as mail_tasks
from kbregeling.mail.models import OutgoingMail
from rapportage import reminders, service, tasks
from rapportage.constants import RapportageStatus as S
from rapportage.constants import Soort
from rapportage.models import Herinnering, Rapportage

from ..aanmelding.factories import AanmeldingFactory, BibliotheekFactory
from ..accounts.factories import UserFactory, staff_of
from ..licenties.factories import LicentieFactory
from .factories import INGEVULD, RapportageFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# The licence year 2026 ends on 31 December 2026: its report opens on 5 November 2026 (8 weeks
# before) and is due on 28 January 2027 (4 weeks after). With the default 14 days: the reminder
# on 14 January, overdue reminders on 29 January, 12 February and 26 February.
OPENS = date(2026, 11, 5)
DEADLINE = date(2027, 1, 28)
REMINDER = date(2027, 1, 14)
OVERDUE = [date(2027, 1, 29), date(2027, 2, 12), date(2027, 2, 26)]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def licentie(bibliotheek):
    return LicentieFactory(bibliotheek=bibliotheek, actief=True, begindatum=date(2026, 1, 1))


@pytest.fixture
def people(medewerker, kb, digisterker, coordinator, andere_medewerker):
    return {
        "medewerker": medewerker,
        "kb": kb,
        "digisterker": digisterker,
        "coordinator": coordinator,
    }


@pytest.fixture
def scan(django_capture_on_commit_callbacks):
    """Run the daily scan as the worker does: the sends queued after commit do run."""

    def run(day, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return reminders.run(today=day, **kwargs)

    return run


def library_to(bibliotheek):
    return sorted([bibliotheek.contact_email, *(u.email for u in bibliotheek.medewerkers.all())])


def mails(outbox):
    return [(m.subject, sorted(m.to), sorted(m.cc)) for m in outbox]


def unique(sent):
    return {(subject, tuple(to), tuple(cc)) for subject, to, cc in sent}


def announcement_subject(year=2026):
    return _("Your Digisterker year report %(year)s is open") % {"year": year}


def reminder_subject(due=DEADLINE):
    return _("Reminder: your Digisterker year report is due on %(due)s") % {
        "due": dateformat.format(due, "j F Y")
    }


def overdue_subject(n):
    return _("Overdue: your Digisterker year report (reminder %(n)s)") % {"n": n}


DIGEST = "This week: what awaits your advice"


# A report's life -----------------------------------------------------------------------------


def test_a_reports_reminders_over_its_life_each_once(
    scan, licentie, people, mailoutbox, django_capture_on_commit_callbacks
):
    library = library_to(licentie.bibliotheek)
    coordinator = [people["coordinator"].email]
    expected = {
        OPENS: [(announcement_subject(), library, [])],
        REMINDER: [(reminder_subject(), library, [])],
        OVERDUE[0]: [(overdue_subject(1), library, [])],
        OVERDUE[1]: [(overdue_subject(2), library, coordinator)],
        OVERDUE[2]: [(overdue_subject(3), library, coordinator)],
    }
    day = OPENS - timedelta(days=2)
    while day <= OVERDUE[2] + timedelta(days=3):
        before = len(mailoutbox)
        scan(day)
        assert mails(mailoutbox[before:]) == expected.get(day, []), day
        scan(day)  # the scan runs again the same day: nothing new
        assert len(mailoutbox) == before + len(expected.get(day, [])), day
        day += timedelta(days=1)

    assert len(mails(mailoutbox)) == len(unique(mails(mailoutbox))) == 5
    rows = Herinnering.objects.order_by("vervaldatum")
    assert [(h.soort, h.vervaldatum, h.volgnummer) for h in rows] == [
        (Soort.AANKONDIGING, OPENS, 1),
        (Soort.HERINNERING, REMINDER, 1),
        (Soort.TE_LAAT, OVERDUE[0], 1),
        (Soort.TE_LAAT, OVERDUE[1], 2),
        (Soort.TE_LAAT, OVERDUE[2], 3),
    ]
    assert all(h.mail.sent_at is not None and h.mail.attempts == 1 for h in rows)
    assert [h.mail.cc for h in rows] == ["", "", "", *["\n".join(coordinator)] * 2]

    # The library submits: no report reminder any more, only the reviewers' weekly digest.
    Rapportage.objects.filter(licentie=licentie).update(**INGEVULD)
    report = Rapportage.objects.get(licentie=licentie)
    report.verlengen_gemeenten.set(licentie.gemeenten.all())
    with django_capture_on_commit_callbacks(execute=False):  # not the submission mails
        service.submit(report, people["medewerker"])
    before = len(mailoutbox)
    for offset in range(1, 60):
        scan(OVERDUE[2] + timedelta(days=offset))
    sent = mails(mailoutbox[before:])
    assert {subject for subject, _to, _cc in sent} == {_(DIGEST)}
    assert not Herinnering.objects.filter(
        rapportage=report, vervaldatum__gt=OVERDUE[2] + timedelta(days=3)
    ).exists()


def test_the_first_scan_on_the_opening_date_opens_the_report_and_announces_it(
    scan, licentie, mailoutbox
):
    assert scan(OPENS - timedelta(days=1)) == []
    assert not Rapportage.objects.exists()

    [due] = scan(OPENS)

    report = Rapportage.objects.get(licentie=licentie)
    assert (report.status, report.opent_op, report.deadline) == (S.OPEN, OPENS, DEADLINE)
    assert (due.soort, due.rapportage) == (Soort.AANKONDIGING, report)
    assert mails(mailoutbox) == [(announcement_subject(), library_to(licentie.bibliotheek), [])]


@pytest.mark.parametrize("status", [S.CONCEPT, S.OPEN])
def test_a_draft_gets_the_same_reminders_as_an_untouched_report(scan, bibliotheek, status):
    report = RapportageFactory(
        licentie=LicentieFactory(bibliotheek=bibliotheek, actief=True, begindatum=date(2026, 1, 1)),
        status=status,
    )
    for day in [OPENS, REMINDER, *OVERDUE]:
        scan(day)
    assert report.herinneringen.count() == 5


def test_the_day_and_interval_are_settings(settings, scan, licentie, people, mailoutbox):
    settings.HERINNERING_DAYS_BEFORE_DEADLINE = 7
    settings.HERINNERING_OVERDUE_INTERVAL_DAYS = 7
    days = [OPENS + timedelta(days=n) for n in range((DEADLINE - OPENS).days + 20)]
    for day in days:
        scan(day)
    rows = Herinnering.objects.order_by("vervaldatum")
    assert [(h.soort, h.vervaldatum, bool(h.mail.cc)) for h in rows] == [
        (Soort.AANKONDIGING, OPENS, False),
        (Soort.HERINNERING, date(2027, 1, 21), False),
        (Soort.TE_LAAT, date(2027, 1, 29), False),
        (Soort.TE_LAAT, date(2027, 2, 5), True),
        (Soort.TE_LAAT, date(2027, 2, 12), True),
    ]
    assert len(mailoutbox) == 5


def test_a_missed_scan_sends_only_the_latest_overdue_reminder(scan, licentie, people, mailoutbox):
    scan(OPENS)
    scan(OVERDUE[2] + timedelta(days=3))  # the scan did not run for months
    assert mails(mailoutbox)[1:] == [
        (overdue_subject(3), library_to(licentie.bibliotheek), [people["coordinator"].email])
    ]


@pytest.mark.parametrize(
    "status",
    [S.INGEDIEND, S.WACHT_OP_KB, S.AANVULLING_GEVRAAGD, S.BEOORDEELD, S.VERLENGD],
)
def test_a_submitted_report_gets_no_report_reminders(scan, bibliotheek, status):
    RapportageFactory(
        licentie=LicentieFactory(bibliotheek=bibliotheek, actief=True, begindatum=date(2026, 1, 1)),
        status=status,
        ingevuld=True,
    )
    for day in [OPENS, REMINDER, *OVERDUE]:
        scan(day)
    assert not Herinnering.objects.filter(rapportage__isnull=False).exists()


def test_the_daily_task_scans_today_in_amsterdam(
    licentie, mailoutbox, django_capture_on_commit_callbacks
):
    # 23:30 UTC on 4 November is already 5 November in Amsterdam.
    moment = datetime(2026, 11, 4, 23, 30, tzinfo=ZoneInfo("UTC"))
    with time_machine.travel(moment, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert tasks.daily_reminders.delay().get() == 1
    assert [m.subject for m in mailoutbox] == [announcement_subject()]
    with time_machine.travel(moment, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert tasks.daily_reminders() == 0
    assert len(mailoutbox) == 1


# The weekly digest ---------------------------------------------------------------------------


def report_awaiting(status):
    return RapportageFactory(status=status, ingevuld=True)


def digests(outbox):
    return sorted(tuple(m.to) for m in outbox if m.subject == _(DIGEST))


MONDAY = date(2027, 3, 8)


def test_each_reviewer_gets_one_digest_a_week_while_something_awaits(scan, people, mailoutbox):
    report_awaiting(S.INGEDIEND)
    reviewers = sorted([(people["kb"].email,), (people["digisterker"].email,)])

    for day in range(7):  # Monday to Sunday
        scan(MONDAY + timedelta(days=day))
    assert digests(mailoutbox) == reviewers
    assert len(mailoutbox) == 2

    scan(MONDAY + timedelta(weeks=1))
    assert digests(mailoutbox) == sorted(reviewers * 2)
    rows = Herinnering.objects.filter(soort=Soort.OVERZICHT)
    assert (
        sorted(rows.values_list("vervaldatum", flat=True))
        == [MONDAY] * 2 + [MONDAY + timedelta(weeks=1)] * 2
    )
    assert all(h.rapportage_id is None for h in rows)


def test_a_digest_goes_out_the_first_day_something_awaits_that_week(scan, people, mailoutbox):
    scan(MONDAY)
    assert mailoutbox == []
    report_awaiting(S.INGEDIEND)
    scan(MONDAY + timedelta(days=2))
    assert len(digests(mailoutbox)) == 2
    assert set(Herinnering.objects.values_list("vervaldatum", flat=True)) == {MONDAY}


@pytest.mark.parametrize(
    ("status", "who"),
    [(S.WACHT_OP_KB, "kb"), (S.WACHT_OP_DIGISTERKER, "digisterker")],
)
def test_the_digest_goes_only_to_the_party_awaited(scan, people, mailoutbox, status, who):
    report_awaiting(status)
    scan(MONDAY)
    assert digests(mailoutbox) == [(people[who].email,)]
    body = mailoutbox[0].body
    assert Rapportage.objects.get().licentie.bibliotheek.naam in body


def test_a_report_awaiting_the_renewal_decision_is_in_kbs_digest_only(scan, people, mailoutbox):
    report_awaiting(S.BEOORDEELD)
    scan(MONDAY)
    assert digests(mailoutbox) == [(people["kb"].email,)]


@pytest.mark.parametrize("status", [S.OPEN, S.CONCEPT, S.AANVULLING_GEVRAAGD, S.NIET_VERLENGD])
def test_no_digest_when_nothing_awaits_the_reviewers(scan, people, mailoutbox, status):
    report_awaiting(status)
    scan(MONDAY)
    assert digests(mailoutbox) == []
    assert not Herinnering.objects.filter(soort=Soort.OVERZICHT).exists()


def test_a_sign_up_awaiting_advice_is_in_the_digest_too(scan, people, mailoutbox):
    plan = AanmeldingFactory(compleet=True, status=Status.WACHT_OP_DIGISTERKER)
    scan(MONDAY)
    [mail] = mailoutbox
    assert mail.to == [people["digisterker"].email]
    assert plan.bibliotheek.naam in mail.body


def test_the_coordinator_and_library_staff_never_get_a_digest(scan, people, mailoutbox):
    report_awaiting(S.INGEDIEND)
    scan(MONDAY)
    received = {address for m in mailoutbox for address in [*m.to, *m.cc]}
    assert people["coordinator"].email not in received
    assert people["medewerker"].email not in received


# The log refuses duplicates ------------------------------------------------------------------


def a_mail():
    return OutgoingMail.objects.create(subject="Herinnering", body="Tekst", to="a@example.org")


def test_a_second_row_for_the_same_report_kind_and_date_is_refused(bibliotheek):
    report = RapportageFactory()
    te_laat = {"rapportage": report, "soort": Soort.TE_LAAT}
    Herinnering.objects.create(**te_laat, vervaldatum=OVERDUE[0], mail=a_mail())
    with pytest.raises(IntegrityError), transaction.atomic():
        Herinnering.objects.create(**te_laat, vervaldatum=OVERDUE[0], volgnummer=2, mail=a_mail())
    Herinnering.objects.create(**te_laat, vervaldatum=OVERDUE[1], mail=a_mail())
    Herinnering.objects.create(
        rapportage=report, soort=Soort.HERINNERING, vervaldatum=OVERDUE[0], mail=a_mail()
    )
    assert report.herinneringen.count() == 3


def test_a_second_digest_for_the_same_reviewer_and_week_is_refused(kb, digisterker):
    digest = {"soort": Soort.OVERZICHT, "vervaldatum": MONDAY}
    Herinnering.objects.create(ontvanger=kb, **digest, mail=a_mail())
    with pytest.raises(IntegrityError), transaction.atomic():
        Herinnering.objects.create(ontvanger=kb, **digest, mail=a_mail())
    Herinnering.objects.create(ontvanger=digisterker, **digest, mail=a_mail())
    Herinnering.objects.create(
        ontvanger=kb,
        soort=Soort.OVERZICHT,
        vervaldatum=MONDAY + timedelta(weeks=1),
        mail=a_mail(),
    )
    assert Herinnering.objects.count() == 3


def test_recording_the_same_reminder_twice_returns_none(
    licentie, django_capture_on_commit_callbacks
):
    service.open_due_reports(OPENS)
    [due] = reminders.due_reminders(OPENS)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert reminders.record(due) is not None
        assert reminders.record(due) is None
    assert len(callbacks) == 1
    assert Herinnering.objects.count() == 1


# Failures on the way: retried, never lost, never twice ---------------------------------------


def an_hour_later():
    return time_machine.travel(timezone.now() + timedelta(hours=1))


def test_broker_down_leaves_the_reminder_unsent_and_the_hourly_retry_sends_it_once(
    scan, licentie, mailoutbox
):
    with mock.patch.object(
        mail_tasks.send_email, "delay", side_effect=OperationalError("broker down")
    ):
        [due] = scan(OPENS)
    herinnering = Herinnering.objects.select_related("mail").get()
    assert herinnering.mail.sent_at is None
    assert mailoutbox == []

    assert scan(OPENS) == []  # the broker is back: nothing new is due
    with an_hour_later():
        assert outbox.retry_unsent() == 1  # the outbox sends what the broker did not take
        assert outbox.retry_unsent() == 0
    herinnering.mail.refresh_from_db()
    assert herinnering.mail.sent_at is not None
    assert [m.subject for m in mailoutbox] == [announcement_subject()]

    scan(OPENS + timedelta(days=1))
    assert len(mailoutbox) == 1
    assert Herinnering.objects.count() == 1


def test_a_worker_dying_between_recording_and_sending_loses_nothing(
    scan, licentie, mailoutbox, django_capture_on_commit_callbacks
):
    service.open_due_reports(OPENS)
    [due] = reminders.due_reminders(OPENS)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        herinnering = reminders.record(due)
    assert len(callbacks) == 1  # the send that never ran: the worker died
    assert mailoutbox == []

    scan(OPENS)
    with an_hour_later():
        outbox.retry_unsent()

    herinnering.mail.refresh_from_db()
    assert herinnering.mail.sent_at is not None
    assert [m.subject for m in mailoutbox] == [announcement_subject()]
    scan(OPENS)
    with an_hour_later():
        outbox.retry_unsent()
    assert len(mailoutbox) == 1


def test_a_mail_server_failure_leaves_the_reminder_unsent_and_a_later_send_succeeds_once(
    licentie, mailoutbox, django_capture_on_commit_callbacks
):
    service.open_due_reports(OPENS)
    [due] = reminders.due_reminders(OPENS)
    with django_capture_on_commit_callbacks(execute=False):
        mail = reminders.record(due).mail

    with mock.patch.object(outbox.EmailMessage, "send", side_effect=SMTPException("451 later")):
        assert outbox.send(mail.pk) is False  # recorded, not raised: the outbox tries again
    mail.refresh_from_db()
    assert (mail.sent_at, mail.attempts) == (None, 1)
    assert mail.last_error == "SMTPException: 451 later"
    assert mailoutbox == []

    assert outbox.send(mail.pk) is False  # tried just now: not before its next try
    with time_machine.travel(outbox.next_try(mail)):
        assert outbox.send(mail.pk) is True
    mail.refresh_from_db()
    assert mail.sent_at is not None
    assert mail.attempts == 2
    assert len(mailoutbox) == 1

    assert outbox.send(mail.pk) is False  # already sent: nothing
    mail.refresh_from_db()
    assert mail.attempts == 2
    assert len(mailoutbox) == 1


def test_a_reminder_that_failed_too_often_is_no_longer_retried(
    settings, scan, licentie, mailoutbox, django_capture_on_commit_callbacks
):
    settings.MAIL_MAX_ATTEMPTS = 3
    service.open_due_reports(OPENS)
    [due] = reminders.due_reminders(OPENS)
    with django_capture_on_commit_callbacks(execute=False):
        mail = reminders.record(due).mail
    OutgoingMail.objects.filter(pk=mail.pk).update(attempts=3)

    scan(OPENS + timedelta(days=1))
    with an_hour_later():
        assert outbox.retry_unsent() == 0

    mail.refresh_from_db()
    assert mail.sent_at is None
    assert announcement_subject() not in [m.subject for m in mailoutbox]


def test_sending_a_mail_that_does_not_exist_sends_nothing(mailoutbox):
    assert outbox.send(123456) is False
    assert mailoutbox == []


def test_a_failed_send_is_retried_by_the_outbox_loop_not_by_a_chain_of_task_retries():
    """One retry loop: a queueing never starts its own chain of Celery retries (which a worker
    holds in memory, and loses or crashes on, when the broker goes away)."""
    assert not getattr(mail_tasks.send_email, "autoretry_for", ())
    assert django_settings.CELERY_BEAT_SCHEDULE["unsent-mail"]["task"] == (
        "kbregeling.mail.tasks.retry_unsent_mail"
    )


# The management command ----------------------------------------------------------------------


@pytest.fixture
def opened_report(licentie):
    """A report opened on 5 November; the scan has not run since."""
    [report] = service.open_due_reports(OPENS)
    return report


def herinneringen(*args):
    out = StringIO()
    call_command("herinneringen", *args, stdout=out)
    return out.getvalue()


def test_dry_run_lists_what_would_be_sent_and_changes_nothing(opened_report, people, mailoutbox):
    output = herinneringen("--dry-run", "--date", "2026-12-20")

    assert "Would send: 2026-11-05 aankondiging #1" in output
    assert str(opened_report) in output
    assert "Would send 1 reminder(s)." in output
    assert not Herinnering.objects.exists()
    assert mailoutbox == []


def test_dry_run_lists_the_announcement_of_a_report_that_would_open_today(licentie, mailoutbox):
    output = herinneringen("--dry-run", "--date", "2026-12-20")

    assert "Would send 1 reminder(s)." in output
    assert "aankondiging" in output
    assert not Rapportage.objects.exists()
    assert not Herinnering.objects.exists()
    assert mailoutbox == []


def test_without_dry_run_the_command_sends(
    opened_report, people, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        output = herinneringen("--date", "2026-12-20")
    # Inside the test's transaction the queueing runs after the command has counted it.
    assert "Recorded 1 reminder(s); 0 queued for sending, 1 waiting" in output
    assert OutgoingMail.objects.get().queued_at is not None  # queued after commit
    assert mails(mailoutbox) == [
        (announcement_subject(), library_to(opened_report.licentie.bibliotheek), [])
    ]
    with django_capture_on_commit_callbacks(execute=True):
        assert "Recorded 0 reminder(s)" in herinneringen("--date", "2026-12-20")
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("value", ["20-12-2026", "2026-13-01", "morgen", ""])
def test_a_bad_date_is_a_command_error(value, mailoutbox):
    with pytest.raises(CommandError, match="--date"):
        herinneringen("--date", value)
    assert not Herinnering.objects.exists()


# Configuration -------------------------------------------------------------------------------


def test_the_beat_schedule_runs_the_daily_reminder_task():
    entry = django_settings.CELERY_BEAT_SCHEDULE["report-reminders-daily"]
    assert entry["task"] == "rapportage.tasks.daily_reminders"
    assert tasks.daily_reminders.name == entry["task"]
    celery_app.loader.import_default_modules()
    assert entry["task"] in celery_app.tasks
    assert not entry.get("args")  # the task takes none


# Two workers at once (PostgreSQL) ------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_two_scans_at_once_record_and_send_each_reminder_once(mailoutbox):
    for rol in Rol.values:  # a transactional test starts from a flushed database
        Group.objects.get_or_create(name=rol)
    UserFactory(coordinator=True)
    UserFactory(kb=True)
    UserFactory(digisterker=True)
    for _n in range(5):
        bibliotheek = BibliotheekFactory()
        staff_of(bibliotheek)
        LicentieFactory(bibliotheek=bibliotheek, actief=True, begindatum=date(2026, 1, 1))
    RapportageFactory(status=S.INGEDIEND, ingevuld=True)  # something for the digest
    service.open_due_reports(OPENS)
    for day in [OPENS, REMINDER]:
        reminders.run(today=day)  # the announcements and reminders of earlier days
    mailoutbox.clear()
    day = OVERDUE[1]  # the second overdue reminder, and a digest week
    start = threading.Barrier(2)
    errors = []

    def scan():
        try:
            start.wait()
            reminders.run(today=day)
        except Exception as error:  # noqa: BLE001 — reported below
            errors.append(error)
        finally:
            connection.close()

    with mock.patch.object(outbox, "queue", lambda pk, subject, to: outbox.send(pk)):
        threads = [threading.Thread(target=scan) for _n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert errors == []
    rows = Herinnering.objects.filter(vervaldatum__gte=day - timedelta(days=6))
    overdue = rows.filter(soort=Soort.TE_LAAT, vervaldatum=day)
    assert overdue.count() == 5  # one per report
    assert rows.filter(soort=Soort.OVERZICHT).count() == 2  # one per reviewer
    assert all(h.mail.sent_at is not None and h.mail.attempts >= 1 for h in rows)
    sent = [(m.subject, tuple(m.to)) for m in mailoutbox]
    assert len(sent) == len(set(sent)) == rows.count() == 7


def test_a_licence_ended_early_gets_no_more_report_reminders(scan, bibliotheek, mailoutbox):
    licentie = LicentieFactory(bibliotheek=bibliotheek, beeindigd=True, begindatum=date(2026, 1, 1))
    RapportageFactory(licentie=licentie, status=S.OPEN)
    for day in [OPENS, REMINDER, *OVERDUE]:
        scan(day)
    assert not Herinnering.objects.filter(rapportage__isnull=False).exists()
    assert mailoutbox == []


def test_a_reminder_for_a_report_submitted_in_the_meantime_lapses_and_is_not_sent(
    licentie, people, mailoutbox, django_capture_on_commit_callbacks
):
    service.open_due_reports(OPENS)
    [due] = reminders.due_reminders(OPENS)
    with django_capture_on_commit_callbacks(execute=False):  # the broker was down
        mail = reminders.record(due).mail
    report = Rapportage.objects.get(licentie=licentie)
    Rapportage.objects.filter(pk=report.pk).update(**INGEVULD)
    report = Rapportage.objects.get(pk=report.pk)
    report.verlengen_gemeenten.set(licentie.gemeenten.all())
    with django_capture_on_commit_callbacks(execute=False):  # not the submission mails
        service.submit(report, people["medewerker"])

    assert outbox.send(mail.pk) is False

    mail.refresh_from_db()
    assert mail.sent_at is None
    assert mail.cancelled_at is not None
    assert mail.cancel_reason == _("The report was submitted in the meantime.")
    assert mailoutbox == []
    assert not OutgoingMail.objects.waiting().filter(pk=mail.pk).exists()  # never tried again
