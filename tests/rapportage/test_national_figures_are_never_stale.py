"""The national figures are cached, but never shown stale: assessing a report, renaming a
library or ending a licence year shows at once on the overview and in every download."""

from datetime import date

import pytest
from django.urls import reverse

from licenties.constants import LicentieStatus
from licenties.models import Licentie
from rapportage.constants import RapportageStatus as S

from ..licenties.factories import LicentieFactory
from .factories import RapportageFactory, bulk_reports, drive

pytestmark = pytest.mark.django_db
JAAR = 2025


def figures(client):
    return client.get(reverse("rapportage:national") + f"?jaar={JAAR}").context["figures"]


def test_a_report_assessed_after_the_overview_was_shown_counts_at_once(client, coordinator):
    licentie = LicentieFactory(verlopen=True, begindatum=date(JAAR, 1, 1))
    report = RapportageFactory(licentie=licentie, ingevuld=True)
    client.force_login(coordinator)
    assert figures(client).reports == 0
    assert figures(client).good_practices == []  # from the cache

    drive(report, S.BEOORDEELD)

    assert figures(client).reports == 1
    assert [g["pk"] for g in figures(client).good_practices] == [report.pk]
    csv = client.get(reverse("rapportage:national_csv") + f"?jaar={JAAR}")
    assert report.good_practices in csv.content.decode("utf-8-sig")


def test_bulk_changes_and_renamed_libraries_show_at_once(client, coordinator):
    [report] = bulk_reports(1, jaar=JAAR, good_practices="Koffie na afloop.")
    client.force_login(coordinator)
    assert figures(client).libraries == 1

    library = report.licentie.bibliotheek
    library.naam = "Bibliotheek Nieuwe Naam"
    library.save()
    assert figures(client).good_practices[0]["licentie__bibliotheek__naam"] == library.naam

    Licentie.objects.filter(pk=report.licentie_id).update(status=LicentieStatus.BEEINDIGD)
    assert figures(client).libraries == 0
