"""Licence years, tariffs and the agreement take amounts and dates as KB and Stichting
Digisterker type them ("€ 6.400,00", "01-03-2028", "1/10/2026") and show them back the
Dutch way, with the hint "dd-mm-jjjj" beside every date."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from licenties.models import Licentie, Overeenkomst, Tarief

from ..aanmelding.factories import BibliotheekFactory, GemeenteFactory
from ..helpers import pdf_upload
from .factories import TariefFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bib():
    return BibliotheekFactory(werkgebied=[GemeenteFactory(), GemeenteFactory()])


@pytest.mark.parametrize(
    "typed, expected",
    [("€ 6.400,00", "6400.00"), ("6.400", "6400"), ("6400,5", "6400.50"), ("6400.5", "6400.50")],
)
def test_kb_types_a_tariff_the_dutch_way(client, kb, typed, expected):
    client.force_login(kb)

    response = client.post(reverse("licenties:tariffs"), {"jaar": "2028", "bedrag": typed})

    assert response.status_code == 302
    assert Tarief.voor_jaar(2028) == Decimal(expected)


@pytest.mark.parametrize("typed", ["6,4e3", "6.400,00,00", "zes"])
def test_a_tariff_with_an_exponent_or_letters_is_refused(client, kb, typed):
    client.force_login(kb)

    response = client.post(reverse("licenties:tariffs"), {"jaar": "2028", "bedrag": typed})

    assert response.status_code == 200
    assert response.context["form"].errors["bedrag"]
    assert not Tarief.objects.exists()


def test_the_tariff_page_shows_amounts_the_dutch_way(client, kb):
    TariefFactory(jaar=2028, bedrag=Decimal("6400.00"))
    client.force_login(kb)

    html = client.get(reverse("licenties:tariffs")).content.decode()

    assert "€\u00a06.400,00" in html
    assert ">2028<" in html


@pytest.mark.parametrize(
    "begindatum, einddatum",
    [("01-03-2028", "28-02-2029"), ("1-3-2028", "28/02/2029"), ("2028-03-01", "2029-02-28")],
)
def test_kb_records_a_licence_year_with_dutch_dates_and_amount(
    client, kb, bib, begindatum, einddatum
):
    client.force_login(kb)
    data = {
        "begindatum": begindatum,
        "einddatum": einddatum,
        "gemeenten": [g.pk for g in bib.werkgebied.all()],
        "waarde": "€ 6.000,00",
    }

    response = client.post(reverse("licenties:create", args=[bib.pk]), data)

    assert response.status_code == 302
    licentie = Licentie.objects.get(bibliotheek=bib)
    assert (licentie.begindatum, licentie.einddatum) == (date(2028, 3, 1), date(2029, 2, 28))
    assert licentie.waarde == Decimal("6000.00")
    detail = client.get(reverse("licenties:detail", args=[licentie.pk])).content.decode()
    assert "€\u00a06.000,00" in detail


def test_an_american_date_is_refused_with_the_dutch_hint(client, kb, bib):
    client.force_login(kb)
    data = {"begindatum": "03-31-2028", "gemeenten": [g.pk for g in bib.werkgebied.all()]}

    with translation.override("nl"):
        response = client.post(reverse("licenties:create", args=[bib.pk]), data)

    assert response.status_code == 200
    assert response.context["form"].errors["begindatum"]
    assert not Licentie.objects.exists()


def test_the_licence_form_shows_text_date_inputs_with_the_hint(client, kb, bib):
    client.force_login(kb)

    with translation.override("nl"):
        html = client.get(reverse("licenties:create", args=[bib.pk])).content.decode()

    assert 'type="date"' not in html
    assert 'name="begindatum"' in html and 'aria-describedby="id_begindatum_helptext"' in html
    assert 'id="id_begindatum_helptext"' in html
    assert html.count("dd-mm-jjjj") >= 2  # start and end date


def test_digisterker_records_the_signing_date_the_dutch_way_and_sees_it_back(
    client, digisterker, bib, dienst_ids
):
    client.force_login(digisterker)
    url = reverse("licenties:agreement", args=[bib.pk])
    data = {
        "diensten": dienst_ids,
        "gemeenten": [g.pk for g in bib.werkgebied.all()],
        "getekend_op": "1-10-2026",
        "document": pdf_upload(),
        "opmerkingen": "",
        "versie": 1,
    }

    assert client.post(url, data).status_code == 302

    assert Overeenkomst.objects.get(bibliotheek=bib).getekend_op == date(2026, 10, 1)
    assert 'value="01-10-2026"' in client.get(url).content.decode()


def test_the_licence_list_filters_on_a_year_typed_plainly(client, kb):
    client.force_login(kb)

    response = client.get(reverse("licenties:list"), {"jaar": "2027"})

    assert response.context["form"].is_valid()
    assert 'name="jaar" value="2027"' in response.content.decode()
