"""A licence recorded before a merger keeps covering its area in the merger's own year: the
municipality it names ceased by 1 January counts for those that hold its area then."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from aanmelding.models import Gemeente
from aanmelding.reference_data import load_gemeenten
from licenties.coverage import coverage
from rapportage.figures_cache import stamp

from ..aanmelding.factories import BibliotheekFactory, GemeenteFactory
from ..aanmelding.test_municipal_changes_werkgebied import GOIRLE, TILBURG, apply, gemeente
from .factories import LicentieFactory

pytestmark = pytest.mark.django_db

JAAR = timezone.localdate().year


def covered(jaar):
    return {g.naam for p in coverage(jaar) for g in p["all"] if g.covered}


@pytest.fixture
def goirle_licences(tmp_path):
    """Licences of last year and of this year covering Goirle, then Goirle → Tilburg on
    1 January of this year."""
    load_gemeenten()
    bibliotheek = BibliotheekFactory(werkgebied=[gemeente(GOIRLE)])
    for jaar in (JAAR - 1, JAAR):
        LicentieFactory(
            bibliotheek=bibliotheek,
            begindatum=date(jaar, 1, 1),
            einddatum=date(jaar, 12, 31),
            gemeenten=[gemeente(GOIRLE)],
        )
    apply(tmp_path, [(f"{JAAR}-01-01", GOIRLE, "Goirle", "Noord-Brabant", TILBURG, "")])
    return bibliotheek


def test_a_municipality_ceased_by_the_years_first_of_january_counts_for_its_successor(
    goirle_licences,
):
    assert covered(JAAR) == {"Tilburg"}
    assert covered(JAAR - 1) == {"Goirle"}  # the past year still had Goirle itself


def test_the_coverage_map_of_the_mergers_year_colours_the_successor(
    goirle_licences, client, coordinator
):
    client.force_login(coordinator)

    response = client.get(reverse("licenties:overview") + f"?jaar={JAAR}")

    assert response.context["covered"] == 1
    assert 'class="covered"><title>Tilburg</title>' in response.context["map_paths"]


def test_a_successor_linked_later_moves_the_figures_stamp():
    oud, nieuw = GemeenteFactory(geldig_tot=date(2020, 12, 31)), GemeenteFactory()
    before = stamp()

    oud.opvolgers.add(nieuw)

    assert stamp() != before
    assert Gemeente.objects.count() == 2
