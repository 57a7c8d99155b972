"""A report counts toward the province of the municipalities its licence year covered:
confirming a municipal change later never moves a past year's report to another province."""

from datetime import date

import pytest
from django.utils import timezone

from aanmelding import werkgebied_changes
from aanmelding.models import WerkgebiedWijziging
from aanmelding.succession import record_werkgebied_changes
from rapportage.constants import RapportageStatus as S
from rapportage.figures import national_figures

from ..aanmelding.factories import BibliotheekFactory, GemeenteFactory
from ..accounts.factories import staff_of
from ..licenties.factories import LicentieFactory
from .factories import RapportageFactory, drive

pytestmark = pytest.mark.django_db

JAAR = timezone.localdate().year


def per_province(jaar):
    return {p["provincie"]: p["reports"] for p in national_figures(jaar).provinces if p["reports"]}


def test_confirming_a_change_never_moves_a_past_years_report_to_another_province():
    oud = GemeenteFactory(
        naam="Oud", provincie="Utrecht", inwoners=1000, geldig_tot=date(JAAR - 1, 12, 31)
    )
    groot = GemeenteFactory(naam="Groot", provincie="Gelderland", inwoners=500_000)
    oud.opvolgers.set([groot])
    bibliotheek = BibliotheekFactory(werkgebied=[oud])
    licentie = LicentieFactory(
        bibliotheek=bibliotheek, verlopen=True, begindatum=date(JAAR - 1, 1, 1), gemeenten=[oud]
    )
    drive(RapportageFactory(licentie=licentie, ingevuld=True), S.BEOORDEELD)
    assert per_province(JAAR - 1) == {"Utrecht": 1}

    record_werkgebied_changes([oud])
    wijziging = WerkgebiedWijziging.objects.get(bibliotheek=bibliotheek)
    werkgebied_changes.confirm(wijziging, staff_of(bibliotheek), [groot])

    assert list(bibliotheek.werkgebied.all()) == [groot]
    assert per_province(JAAR - 1) == {"Utrecht": 1}
