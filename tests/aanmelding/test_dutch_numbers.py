"""The plan reads amounts and numbers as library staff type them ("€ 6.000,00", "1.234,56",
"4.000"), keeps a year a year, and shows the saved values back the Dutch way."""

from decimal import Decimal

import pytest
from django.urls import reverse

from aanmelding import service
from aanmelding.forms import PLAN_FIELDS
from aanmelding.models import Aanmelding

from ..accounts.factories import staff_of
from .factories import BibliotheekFactory, GemeenteFactory

pytestmark = pytest.mark.django_db

FIELDS = {name for name in PLAN_FIELDS if name not in ("doelgroepen", "bijlage")}
CHECKBOXES = {"verklaring_wsob", "verklaring_rapportage", "verklaring_good_practices"}


@pytest.fixture
def draft():
    bibliotheek = BibliotheekFactory(werkgebied=[GemeenteFactory()])
    staff = staff_of(bibliotheek)
    return service.start(bibliotheek, by=staff), staff


def save_draft(client, aanmelding, bedrag="", **values):
    """The edit page's POST: every plan field empty unless given, one municipality row."""
    data = {name: "" for name in FIELDS - CHECKBOXES} | {"versie": aanmelding.versie}
    [row] = aanmelding.samenwerkingen.all()
    data |= {
        "opslaan": "",
        "samenwerking-TOTAL_FORMS": 1,
        "samenwerking-INITIAL_FORMS": 1,
        "samenwerking-MIN_NUM_FORMS": 0,
        "samenwerking-MAX_NUM_FORMS": 1000,
        "samenwerking-0-id": row.pk,
        "samenwerking-0-inhoud": "",
        "samenwerking-0-werving": "",
        "samenwerking-0-financiering_status": "",
        "samenwerking-0-financiering_bedrag": bedrag,
    }
    return client.post(reverse("aanmelding:edit", args=[aanmelding.pk]), data | values)


@pytest.mark.parametrize(
    "eigen_budget, cofinanciering, bedrag, deelnemers, expected",
    [
        ("€ 6.000,00", "1.234,56", "4.000", "4.000", ("6000.00", "1234.56", "4000", 4000)),
        ("6000", "1234.56", "2500,50", "400", ("6000", "1234.56", "2500.50", 400)),
    ],
)
def test_amounts_and_numbers_of_the_plan_are_stored_as_meant(
    client, draft, eigen_budget, cofinanciering, bedrag, deelnemers, expected
):
    aanmelding, staff = draft
    client.force_login(staff)

    response = save_draft(
        client,
        aanmelding,
        bedrag=bedrag,
        eigen_budget=eigen_budget,
        cofinanciering=cofinanciering,
        deelnemers_jaar1=deelnemers,
        eerste_licentiejaar="2027",
    )

    assert response.status_code == 302
    aanmelding = Aanmelding.objects.get(pk=aanmelding.pk)
    row = aanmelding.samenwerkingen.get()
    assert (
        aanmelding.eigen_budget,
        aanmelding.cofinanciering,
        row.financiering_bedrag,
        aanmelding.deelnemers_jaar1,
    ) == (Decimal(expected[0]), Decimal(expected[1]), Decimal(expected[2]), expected[3])
    assert aanmelding.eerste_licentiejaar == 2027


def test_the_saved_plan_shows_its_amounts_the_dutch_way_and_its_year_plainly(client, draft):
    aanmelding, staff = draft
    client.force_login(staff)
    save_draft(
        client,
        aanmelding,
        bedrag="1.234,56",
        eigen_budget="€ 6.000,00",
        deelnemers_jaar1="4.000",
        eerste_licentiejaar="2027",
    )

    html = client.get(reverse("aanmelding:edit", args=[aanmelding.pk])).content.decode()

    assert 'name="eigen_budget" value="6.000,00"' in html
    assert 'name="samenwerking-0-financiering_bedrag" value="1.234,56"' in html
    assert 'name="deelnemers_jaar1" value="4.000"' in html
    assert 'name="eerste_licentiejaar" value="2027"' in html
    assert 'type="number"' not in html


@pytest.mark.parametrize(
    "field, typed",
    [("eigen_budget", "1e5"), ("eigen_budget", "6.000,00,0"), ("deelnemers_jaar1", "12,5")],
)
def test_a_refused_amount_of_the_plan_is_not_stored(client, draft, field, typed):
    aanmelding, staff = draft
    client.force_login(staff)

    response = save_draft(client, aanmelding, **{field: typed})

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert getattr(Aanmelding.objects.get(pk=aanmelding.pk), field) is None
