"""The map draws the boundaries of 2025. A year with other municipalities is drawn on them
with a note, each shape coloured by the municipalities of that year in its area; the table
below lists the year's own municipalities."""

from datetime import date

import pytest
from django.urls import reverse

from aanmelding.models import Gemeente
from aanmelding.reference_data import DATA, load_gemeenten
from licenties.coverage import coverage
from licenties.coverage_map import municipality_shapes

from ..aanmelding.factories import BibliotheekFactory
from .factories import LicentieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(client, coordinator):
    """The real changes of 2021–2023, and a 2020 licence of Appingedam (now Eemsdelta)."""
    load_gemeenten(wijzigingen=DATA / "gemeentewijzigingen-2021-2023.csv")
    appingedam = Gemeente.objects.get(cbs_code="GM0003")
    LicentieFactory(
        bibliotheek=BibliotheekFactory(werkgebied=[appingedam]),
        verlopen=True,
        begindatum=date(2020, 1, 1),
        gemeenten=[appingedam],
    )
    client.force_login(coordinator)
    return client


def test_a_year_before_a_merger_is_drawn_on_the_current_map_with_a_note(history):
    response = history.get(reverse("licenties:overview") + "?jaar=2020")
    html = response.content.decode()

    assert response.context["map_other_municipalities"]
    assert 'id="kaart-toelichting"' in html
    shapes, _height = municipality_shapes()
    assert html.count("<path ") == len(shapes) == 342
    assert html.count('class="covered"') == 1
    assert "Eemsdelta (in 2020: Appingedam, Delfzijl, Loppersum)" in response.context["map_paths"]
    # The table and the totals are those of 2020 itself.
    assert response.context["total_gemeenten"] == 355
    groningen = next(p for p in response.context["provinces"] if p["provincie"] == "Groningen")
    assert "Appingedam" not in groningen["missing"] and "Delfzijl" in groningen["missing"]


def test_a_year_with_the_maps_own_municipalities_has_no_note(history):
    response = history.get(reverse("licenties:overview") + "?jaar=2025")

    assert not response.context["map_other_municipalities"]
    assert 'id="kaart-toelichting"' not in response.content.decode()
    assert sum(p["total"] for p in coverage(2025)) == 342
