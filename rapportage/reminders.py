"""The daily reminder scan: what is due today, recorded once, sent after commit.

Each reminder is a ``Herinnering`` row, unique per (report, kind, due date) — or per
(reviewer, kind, week) for the digest — so running the scan twice, or in two workers at once,
records it once. With the row, in the same transaction, its mail is recorded in the one
outbox (``kbregeling.mail``), which sends it after commit and marks it sent in the same
transaction as the mail goes out:

* the broker is down, or a worker dies before sending: the mail stays unsent and the outbox's
  retry loop (every five minutes) sends it (retried, never lost);
* the mail server fails: the outbox records the reason and tries again later, waiting longer
  each time; the mail stays unsent;
* the library submits its report before a recorded reminder went out: the reminder lapses
  (``stale_reason``), it is not sent;
* a worker dies after the mail server accepted the data but before the mail was marked sent:
  the one case in which a reminder can go out twice. Every other path sends it once;
* a mail that failed ``MAIL_MAX_ATTEMPTS`` times is given up: the reminder log shows it as
  "niet verzonden" and KB can send it again (``kbregeling.mail``).
"""

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from aanmelding import service as aanmelding
from kbregeling.accounts.constants import PARTIJ_VAN_ROL, Rol
from kbregeling.mail import outbox
from kbregeling.mail.notify import library_addresses, role_addresses
from licenties import service as licenties

from . import service
from .constants import NOG_IN_TE_DIENEN, Soort, awaiting_reports
from .models import Herinnering, Rapportage

logger = logging.getLogger(__name__)

TEMPLATES = {
    Soort.AANKONDIGING: "rapportage/email/aankondiging.txt",
    Soort.HERINNERING: "rapportage/email/herinnering.txt",
    Soort.TE_LAAT: "rapportage/email/te_laat.txt",
    Soort.OVERZICHT: "rapportage/email/overzicht.txt",
}


@dataclass
class Due:
    soort: str
    vervaldatum: date
    to: list[str]
    cc: list[str] = field(default_factory=list)
    rapportage: Rapportage | None = None
    ontvanger: object = None
    volgnummer: int = 1
    herinnering: Herinnering | None = None  # once recorded

    def __str__(self):
        about = self.rapportage or self.ontvanger
        return f"{self.vervaldatum} {self.soort} #{self.volgnummer}: {about} → {', '.join(self.to)}"


def overdue_number(deadline, today) -> tuple[int, date] | None:
    """(n, due date) of the latest overdue reminder by ``today``: the first the day after the
    deadline, then one every interval."""
    first = deadline + timedelta(days=1)
    if today < first:
        return None
    interval = settings.HERINNERING_OVERDUE_INTERVAL_DAYS
    n = (today - first).days // interval + 1
    return n, first + timedelta(days=(n - 1) * interval)


def report_reminders(today) -> list[Due]:
    reports = (
        Rapportage.objects.filter(status__in=NOG_IN_TE_DIENEN, opent_op__lte=today)
        .exclude(
            licentie__status=licenties.LicentieStatus.BEEINDIGD
        )  # ended early: nothing to report
        .select_related("licentie__bibliotheek")
        .prefetch_related("licentie__bibliotheek__medewerkers__groups")
    )
    coordinators = role_addresses(Rol.COORDINATOR)
    before = timedelta(days=settings.HERINNERING_DAYS_BEFORE_DEADLINE)
    dues = []
    for report in reports:
        to = library_addresses(report.licentie.bibliotheek)
        dues.append(Due(Soort.AANKONDIGING, report.opent_op, to, rapportage=report))
        if report.deadline - before <= today <= report.deadline:
            dues.append(Due(Soort.HERINNERING, report.deadline - before, to, rapportage=report))
        overdue = overdue_number(report.deadline, today)
        if overdue:
            n, due_on = overdue
            cc = coordinators if n >= 2 else []
            dues.append(Due(Soort.TE_LAAT, due_on, to, cc, rapportage=report, volgnummer=n))
    return dues


def digest_reminders(today) -> list[Due]:
    """Once a week, each reviewer hears what awaits their party; nothing awaits, no mail."""
    week = today - timedelta(days=(today.weekday() - settings.HERINNERING_DIGEST_WEEKDAY) % 7)
    reviewers = (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=list(PARTIJ_VAN_ROL))
        .exclude(email="")
        .prefetch_related("groups")
        .distinct()
    )
    something_awaits = {
        partij: Rapportage.objects.filter(status__in=awaiting_reports(partij)).exists()
        or aanmelding.awaiting_plans(partij).exists()
        for partij in set(PARTIJ_VAN_ROL.values())
    }
    return [
        Due(Soort.OVERZICHT, week, [user.email], ontvanger=user)
        for user in reviewers
        if something_awaits.get(user.partij)
    ]


def due_reminders(today) -> list[Due]:
    return report_reminders(today) + digest_reminders(today)


def _exists(due) -> bool:
    if due.rapportage is not None:
        lookup = Q(rapportage=due.rapportage)
    else:
        lookup = Q(rapportage__isnull=True, ontvanger=due.ontvanger)
    return Herinnering.objects.filter(lookup, soort=due.soort, vervaldatum=due.vervaldatum).exists()


def record(due) -> Herinnering | None:
    """Write the reminder and its mail once; None when it was recorded before (by any
    worker). The mail is sent after commit by the outbox."""
    subject, body = outbox.render(TEMPLATES[due.soort], context_for(due))
    try:
        with transaction.atomic():
            due.herinnering = Herinnering.objects.create(
                rapportage=due.rapportage,
                ontvanger=due.ontvanger,
                soort=due.soort,
                vervaldatum=due.vervaldatum,
                volgnummer=due.volgnummer,
                mail=outbox.record(subject, body, due.to, due.cc),
            )
            if due.herinnering.mail is None:
                logger.warning("Reminder %s has nobody to send it to", due)
            return due.herinnering
    except IntegrityError:  # its mail is rolled back with it
        if _exists(due):
            return None  # recorded by another worker
        raise


def run(today=None, dry_run=False) -> list[Due]:
    """The daily scan. Returns what was (or, with ``dry_run``, would be) newly recorded;
    the outbox sends it after commit and retries what the broker or mail server refused."""
    today = today or timezone.localdate()
    if dry_run:
        return _would_send(today)
    service.open_due_reports(today)
    new = [due for due in due_reminders(today) if not _exists(due)]
    return [due for due in new if record(due) is not None]


def _would_send(today) -> list[Due]:
    """What a real run would send today, the announcements of reports it would open
    included; the reports opened to find out are rolled back, so nothing changes."""
    with transaction.atomic():
        service.open_due_reports(today)
        new = [due for due in due_reminders(today) if not _exists(due)]
        transaction.set_rollback(True)
    return new


def context_for(due):
    context = {"herinnering": due, "site_url": settings.SITE_URL}
    if due.rapportage is not None:
        report = due.rapportage
        context |= {
            "rapportage": report,
            "url": settings.SITE_URL + reverse("rapportage:detail", args=[report.pk]),
        }
    else:
        partij = due.ontvanger.partij
        context |= {
            "rapportages": Rapportage.objects.filter(
                status__in=awaiting_reports(partij)
            ).select_related("licentie__bibliotheek"),
            "aanmeldingen": aanmelding.awaiting_plans(partij).select_related("bibliotheek"),
            "url": settings.SITE_URL + reverse("rapportage:dashboard"),
        }
    return context


def stale_reason(mail) -> str:
    """Registered with the outbox: a reminder about a report that the library has submitted
    in the meantime, or whose licence was ended, lapses instead of being sent."""
    herinnering = (
        Herinnering.objects.filter(mail=mail, rapportage__isnull=False)
        .select_related("rapportage__licentie")
        .first()
    )
    if herinnering is None:
        return ""
    report = herinnering.rapportage
    if report.status not in NOG_IN_TE_DIENEN:
        return gettext("The report was submitted in the meantime.")
    if report.licentie.status == licenties.LicentieStatus.BEEINDIGD:
        return gettext("The licence was ended early.")
    return ""
