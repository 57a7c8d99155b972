"""Renewal after a split follows the library's choice: the successors it confirmed for its
werkgebied, all of them only when it confirmed none yet."""

from datetime import date

import pytest
from django.utils import timezone

from aanmelding import werkgebied_changes
from aanmelding.models import WerkgebiedWijziging
from aanmelding.reference_data import load_gemeenten
from licenties import service
from licenties.constants import LicentieStatus

from ..aanmelding.factories import BibliotheekFactory
from ..aanmelding.test_municipal_changes_werkgebied import (
    BOXTEL,
    OISTERWIJK,
    VUGHT,
    apply,
    gemeente,
)
from ..accounts.factories import staff_of, stand_in
from .factories import LicentieFactory

pytestmark = pytest.mark.django_db

JAAR = timezone.localdate().year


@pytest.fixture
def boxtel_split(tmp_path):
    """Last year's licence of Boxtel, then Boxtel split over Vught and Oisterwijk on
    1 January of this year."""
    load_gemeenten()
    bibliotheek = BibliotheekFactory(werkgebied=[gemeente(BOXTEL)])
    licentie = LicentieFactory(
        bibliotheek=bibliotheek,
        begindatum=date(JAAR - 1, 1, 1),
        einddatum=date(JAAR - 1, 12, 31),
        status=LicentieStatus.ACTIEF,
    )
    licentie.gemeenten.set([gemeente(BOXTEL)])
    day = f"{JAAR}-01-01"
    apply(
        tmp_path,
        [
            (day, BOXTEL, "Boxtel", "Noord-Brabant", VUGHT, ""),
            (day, BOXTEL, "Boxtel", "Noord-Brabant", OISTERWIJK, ""),
        ],
    )
    return licentie


def covered(licentie):
    return sorted(licentie.gemeenten.values_list("cbs_code", flat=True))


def test_renewal_after_a_split_keeps_the_successors_the_library_confirmed(boxtel_split):
    bibliotheek = boxtel_split.bibliotheek
    wijziging = WerkgebiedWijziging.objects.get(bibliotheek=bibliotheek)
    werkgebied_changes.confirm(wijziging, staff_of(bibliotheek), [gemeente(VUGHT)])

    volgende = service.renew(boxtel_split, stand_in(kb=True))

    assert covered(volgende) == [VUGHT]


def test_renewal_after_a_split_not_confirmed_yet_covers_every_successor(boxtel_split):
    volgende = service.renew(boxtel_split, stand_in(kb=True))

    assert covered(volgende) == sorted([VUGHT, OISTERWIJK])
