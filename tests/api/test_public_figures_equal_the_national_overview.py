"""The public national figures are the numbers of the coordinator's national overview of the
same year (the same function, the same cache), without the good practices, which only
logged-in users read; and the municipalities come with their validity and successors."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from aanmelding.models import Gemeente
from rapportage.constants import RapportageStatus as S
from rapportage.models import Rapportage

from ..licenties.factories import LicentieFactory
from ..rapportage.factories import INGEVULD, RapportageFactory, bulk_reports
from .conftest import api_get

pytestmark = pytest.mark.django_db


def test_the_public_figures_are_the_overviews_figures(anonymous, client, coordinator):
    bulk_reports(3, jaar=2025, status=S.VERLENGD, provincie="Friesland")
    bulk_reports(2, jaar=2025, status=S.INGEDIEND, provincie="Zeeland", tevredenheid=Decimal("7"))
    bulk_reports(2, jaar=2024, status=S.VERLENGD)
    client.force_login(coordinator)

    figures = client.get(reverse("rapportage:national") + "?jaar=2025").context["figures"]
    public = anonymous.get(reverse("api:landelijke_cijfers", args=[2025])).json()

    assert public["jaar"] == figures.jaar == 2025
    assert public["bibliotheken"] == figures.libraries == 5
    assert public["licenties"] == figures.licences
    assert Decimal(str(public["budget"])) == figures.budget
    assert public["gemeenten_gedekt"] == figures.covered
    assert public["gemeenten"] == figures.municipalities
    assert public["rapportages"] == figures.reports == 5
    assert public["totalen"] == figures.numbers
    assert public["totalen"]["deelnemers_afgerond"] == 5 * INGEVULD["deelnemers_afgerond"]
    assert Decimal(str(public["gemiddelde_tevredenheid"])) == figures.tevredenheid
    assert [(r["label"], r["aantal"]) for r in public["doelgroepen"]] == figures.doelgroepen
    assert [(r["label"], r["aantal"]) for r in public["leeftijden"]] == figures.leeftijden
    assert [(r["label"], r["aantal"]) for r in public["verwijzingen"]] == figures.verwijzingen
    assert [
        (p["provincie"], p["gemeenten_gedekt"], p["rapportages"], p["deelnemers_afgerond"])
        for p in public["provincies"]
    ] == [(p["provincie"], p["covered"], p["reports"], p["afgerond"]) for p in figures.provinces]
    assert [(t["jaar"], t["bibliotheken"], t["deelnemers_afgerond"]) for t in public["trend"]] == [
        (t["jaar"], t["libraries"], t["participants"]) for t in figures.trend
    ]


def test_the_public_figures_leave_out_the_good_practices(anonymous):
    bulk_reports(2, jaar=2025, status=S.VERLENGD)

    response = anonymous.get(reverse("api:landelijke_cijfers", args=[2025]))

    assert INGEVULD["good_practices"] not in response.content.decode()


def test_a_licence_ended_early_takes_no_part(anonymous):
    LicentieFactory(beeindigd=True, begindatum=date(2025, 1, 1))

    for name in ("api:deelnemende_bibliotheken", "api:deelnemende_gemeenten"):
        assert anonymous.get(reverse(name) + "?jaar=2025").json()["count"] == 0


def test_municipalities_come_with_their_validity_and_successors(anonymous):
    oud = Gemeente.objects.create(
        cbs_code="GM0001", naam="Oudeweg", provincie="Utrecht", geldig_tot=date(2022, 12, 31)
    )
    nieuw = Gemeente.objects.create(
        cbs_code="GM0002", naam="Nieuwland", provincie="Utrecht", geldig_van=date(2023, 1, 1)
    )
    oud.opvolgers.add(nieuw)

    every = anonymous.get(reverse("api:gemeenten")).json()["results"]
    in_2022 = anonymous.get(reverse("api:gemeenten") + "?jaar=2022").json()["results"]
    in_2023 = anonymous.get(reverse("api:gemeenten") + "?jaar=2023").json()["results"]
    one = anonymous.get(reverse("api:gemeente", args=["GM0002"])).json()

    assert {"cbs_code": "GM0001", "geldig_tot": "2022-12-31", "opvolgers": ["GM0002"]}.items() <= (
        next(g for g in every if g["cbs_code"] == "GM0001").items()
    )
    assert [g["cbs_code"] for g in in_2022] == ["GM0001"]
    assert [g["cbs_code"] for g in in_2023] == ["GM0002"]
    assert (one["geldig_van"], one["voorgangers"], one["opvolgers"]) == (
        "2023-01-01",
        ["GM0001"],
        [],
    )


def test_editing_a_report_sent_back_for_more_information_does_not_move_the_public_figures(
    anonymous, client, coordinator, national_key
):
    """While a report is back with the library, the library edits its live figures: they
    count again only once it submits them. The overview says how many wait."""
    bulk_reports(2, jaar=2025, status=S.VERLENGD)
    returned = RapportageFactory(
        ingevuld=True,
        status=S.AANVULLING_GEVRAAGD,
        licentie=LicentieFactory(verlopen=True, begindatum=date(2025, 1, 1)),
    )
    client.force_login(coordinator)
    url = reverse("api:landelijke_cijfers", args=[2025])
    before = anonymous.get(url).json()
    totals_before = api_get(anonymous, reverse("api:rapportage_totalen"), national_key).json()

    returned = Rapportage.objects.get(pk=returned.pk)
    returned.deelnemers_afgerond = 999_999
    returned.save()  # the library's edit: the cache is cleared, so the numbers are read anew

    after = anonymous.get(url).json()
    assert after == before
    assert after["rapportages"] == 2
    assert after["rapportages_terug_bij_bibliotheek"] == 1
    assert after["totalen"]["deelnemers_afgerond"] == 2 * INGEVULD["deelnemers_afgerond"]
    totals = api_get(anonymous, reverse("api:rapportage_totalen"), national_key).json()
    assert totals == totals_before
    assert totals["results"][0]["ingediend"] == 2
    response = client.get(reverse("rapportage:national") + "?jaar=2025")
    assert response.context["figures"].numbers == after["totalen"]
    assert "1 jaarrapportage ligt terug bij de bibliotheek en telt niet mee." in (
        response.content.decode()
    )
