"""A renewed licence year covers the municipalities that exist when it starts: one that
ceased by then is replaced by those that took its area over, not copied."""

from datetime import date

import pytest

from aanmelding.models import Gemeente
from licenties import service
from licenties.constants import LicentieStatus

from ..aanmelding.factories import BibliotheekFactory, GemeenteFactory
from ..accounts.factories import stand_in
from .factories import LicentieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def split():
    """Oud ceases at the end of 2026 and is split over Noord (new) and Zuid (existing)."""
    oud = GemeenteFactory(naam="Oud", geldig_tot=date(2026, 12, 31))
    noord = GemeenteFactory(naam="Noord", geldig_van=date(2027, 1, 1))
    zuid = GemeenteFactory(naam="Zuid")
    oud.opvolgers.set([noord, zuid])
    return oud, noord, zuid


def names(licentie):
    return sorted(licentie.gemeenten.values_list("naam", flat=True))


def licence_2026(gemeenten):
    licentie = LicentieFactory(
        bibliotheek=BibliotheekFactory(),
        begindatum=date(2026, 1, 1),
        einddatum=date(2026, 12, 31),
        status=LicentieStatus.ACTIEF,
    )
    licentie.gemeenten.set(gemeenten)
    return licentie


def test_renewal_replaces_a_ceased_municipality_by_its_successors(split):
    oud, _noord, _zuid = split
    blijft = GemeenteFactory(naam="Blijft")
    licentie = licence_2026([oud, blijft])

    volgende = service.renew(licentie, stand_in(kb=True))

    assert volgende.begindatum == date(2027, 1, 1)
    assert names(volgende) == ["Blijft", "Noord", "Zuid"]
    assert names(licentie) == ["Blijft", "Oud"]  # the year that ran keeps its own area


def test_renewal_with_chosen_municipalities_replaces_a_ceased_one_too(split):
    oud, _noord, _zuid = split
    licentie = licence_2026([oud])

    volgende = service.renew(licentie, stand_in(kb=True), gemeenten=[oud])

    assert names(volgende) == ["Noord", "Zuid"]


def test_renewal_keeps_a_municipality_that_ceases_only_later(split):
    oud, _noord, _zuid = split
    licentie = LicentieFactory(
        bibliotheek=BibliotheekFactory(),
        begindatum=date(2025, 1, 1),
        einddatum=date(2025, 12, 31),
        status=LicentieStatus.ACTIEF,
    )
    licentie.gemeenten.set([oud])

    volgende = service.renew(licentie, stand_in(kb=True))

    assert volgende.begindatum == date(2026, 1, 1)
    assert names(volgende) == ["Oud"]
    assert Gemeente.objects.get(naam="Oud").geldig_tot == date(2026, 12, 31)
