"""The coverage map: one shape per municipality, coloured by whether a licence covers it."""

from datetime import date

import pytest
from django.urls import reverse

from aanmelding.models import Gemeente
from aanmelding.reference_data import load_gemeenten
from licenties.coverage_map import municipality_shapes

from ..aanmelding.factories import BibliotheekFactory
from .factories import LicentieFactory

pytestmark = pytest.mark.django_db


def test_every_one_of_the_342_municipalities_has_a_shape_on_the_map():
    load_gemeenten()
    shapes, height = municipality_shapes()
    codes = set(Gemeente.objects.values_list("cbs_code", flat=True))
    assert len(codes) == 342
    assert set(shapes) == codes
    assert all(d.startswith("M") and d.endswith("Z") for d in shapes.values())
    assert 600 < height < 800  # the Netherlands is taller than wide at 600 pixels


def test_the_map_colours_exactly_the_municipalities_a_licence_of_the_year_covers(
    client, coordinator
):
    load_gemeenten()
    tilburg = Gemeente.objects.get(cbs_code="GM0855")
    bibliotheek = BibliotheekFactory(werkgebied=[tilburg])
    LicentieFactory(
        bibliotheek=bibliotheek,
        begindatum=date(2026, 1, 1),
        einddatum=date(2026, 12, 31),
        gemeenten=[tilburg],
    )
    client.force_login(coordinator)

    html = client.get(reverse("licenties:overview") + "?jaar=2026").content.decode()

    assert html.count('class="covered"') == 1
    assert html.count('class="uncovered"') == 341
    assert '<path d="' in html and "<title>Tilburg</title>" in html
    assert 'role="img"' in html
