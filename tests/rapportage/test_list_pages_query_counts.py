"""Every list page of the report app runs the same number of queries for a few rows and for
many: no query per row, per library in a select or per municipality."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kbregeling.mail.models import OutgoingMail
from licenties.models import Licentie
from rapportage.constants import RapportageStatus as S
from rapportage.constants import Soort
from rapportage.models import Herinnering, Rapportage

from .factories import bulk_reports

pytestmark = pytest.mark.django_db


def queries(client, name, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(f"rapportage:{name}"), params)
    assert response.status_code == 200
    return len(captured)


def remind(reports):
    mails = OutgoingMail.objects.bulk_create(
        OutgoingMail(subject="Herinnering", body="Tekst", to="a@b.example") for _ in reports
    )
    Herinnering.objects.bulk_create(
        Herinnering(
            rapportage=report,
            soort=Soort.HERINNERING,
            vervaldatum=date(2026, 12, 1),
            volgnummer=1,
            mail=mail,
        )
        for report, mail in zip(reports, mails, strict=True)
    )


def test_the_reminder_log_runs_a_fixed_number_of_queries(client, coordinator):
    client.force_login(coordinator)
    remind(bulk_reports(2))
    few = queries(client, "reminders")
    remind(bulk_reports(60))
    assert queries(client, "reminders") == few


def test_good_practices_run_a_fixed_number_of_queries(client, coordinator):
    client.force_login(coordinator)
    bulk_reports(2, good_practices="Koffie na afloop.")
    few = queries(client, "good_practices")
    bulk_reports(30, good_practices="Koffie na afloop.")
    assert queries(client, "good_practices") == few


def test_the_year_reports_dashboard_runs_a_fixed_number_of_queries(client, kb):
    client.force_login(kb)
    bulk_reports(2, status=S.INGEDIEND)
    few = queries(client, "dashboard", status="alle")
    bulk_reports(60, status=S.INGEDIEND)
    assert queries(client, "dashboard", status="alle") == few


def own(reports, medewerker):
    Licentie.objects.filter(rapportage__in=reports).update(bibliotheek=medewerker.bibliotheek)


def test_my_reports_run_a_fixed_number_of_queries(client, medewerker):
    client.force_login(medewerker)
    for jaar in (2017, 2018):
        own(bulk_reports(1, jaar=jaar), medewerker)
    few = queries(client, "mine")
    for jaar in range(2019, 2026):
        own(bulk_reports(1, jaar=jaar), medewerker)
    assert Rapportage.objects.filter(licentie__bibliotheek=medewerker.bibliotheek).count() == 9
    assert queries(client, "mine") == few
