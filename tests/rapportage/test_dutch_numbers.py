"""The year report reads numbers as library staff type them: "8,4" is 8.4, "4.000" is four
thousand, and the saved values come back on the form the Dutch way (kbregeling/web/dutch.py)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from rapportage.models import Rapportage

from ..licenties.factories import LicentieFactory
from .factories import RapportageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(medewerker):
    licentie = LicentieFactory(
        bibliotheek=medewerker.bibliotheek, actief=True, begindatum=date(2026, 1, 1)
    )
    return RapportageFactory(licentie=licentie, ingevuld=False)


def save_draft(client, report, **values):
    data = {"opslaan": "", "versie": str(report.versie), **values}
    return client.post(reverse("rapportage:edit", args=[report.pk]), data)


@pytest.mark.parametrize(
    "tevredenheid, aangemeld, expected",
    [
        ("8,4", "4.000", (Decimal("8.4"), 4000)),
        ("8.4", "4000", (Decimal("8.4"), 4000)),
        ("10", "100.000", (Decimal("10"), 100000)),
    ],
)
def test_a_dutch_or_english_number_in_the_year_report_is_stored_as_meant(
    client, medewerker, report, tevredenheid, aangemeld, expected
):
    client.force_login(medewerker)

    response = save_draft(client, report, tevredenheid=tevredenheid, deelnemers_aangemeld=aangemeld)

    assert response.status_code == 302
    report = Rapportage.objects.get(pk=report.pk)
    assert (report.tevredenheid, report.deelnemers_aangemeld) == expected


def test_the_stored_numbers_come_back_on_the_form_the_dutch_way(client, medewerker, report):
    client.force_login(medewerker)
    save_draft(client, report, tevredenheid="8,4", deelnemers_aangemeld="4.000")

    html = client.get(reverse("rapportage:edit", args=[report.pk])).content.decode()

    assert 'name="tevredenheid" value="8,4"' in html
    assert 'name="deelnemers_aangemeld" value="4.000"' in html
    assert 'type="number"' not in html


@pytest.mark.parametrize(
    "field, typed",
    [
        ("deelnemers_aangemeld", "1e5"),
        ("deelnemers_aangemeld", "8,4"),
        ("tevredenheid", "8,4,1"),
        ("tevredenheid", "acht"),
        ("tevredenheid", "84"),  # read as 84, above the limit of 10: refused, not stored
    ],
)
def test_a_refused_number_is_shown_beside_its_field_and_nothing_is_stored(
    client, medewerker, report, field, typed
):
    client.force_login(medewerker)

    response = save_draft(client, report, **{field: typed})

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert getattr(Rapportage.objects.get(pk=report.pk), field) is None
