"""Licence pages: a library sees only its own years, reviewers and the coordinator see all;
the coordinator's overview of a year and the CSV export."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from aanmelding.models import Gemeente
from aanmelding.reference_data import load_gemeenten
from kbregeling.documents.spreadsheets import csv_safe
from licenties import service
from licenties.constants import LicentieStatus

from ..aanmelding.factories import BibliotheekFactory, GemeenteFactory
from .factories import LicentieFactory

pytestmark = pytest.mark.django_db

READERS = ["kb", "digisterker", "coordinator"]


def listed(response):
    return [licentie.pk for licentie in response.context["page"].object_list]


def csv_rows(response):
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    text = text.decode("utf-8")
    assert text.startswith("\ufeff")  # so spreadsheets read UTF-8
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


# A library's own licences ------------------------------------------------------------------


def test_my_licences_takes_library_staff_to_their_own_library(client, medewerker, bibliotheek):
    eigen = LicentieFactory(bibliotheek=bibliotheek)
    LicentieFactory()  # another library's
    client.force_login(medewerker)

    response = client.get(reverse("licenties:mine"), follow=True)

    assert response.redirect_chain == [(reverse("licenties:library", args=[bibliotheek.pk]), 302)]
    assert list(response.context["licenties"]) == [eigen]


@pytest.mark.parametrize("who", READERS)
def test_my_licences_is_only_for_library_staff(request, client, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("licenties:mine")).status_code == 403


def test_library_staff_never_see_another_library_licences(client, medewerker):
    andere = LicentieFactory(bibliotheek=BibliotheekFactory(naam="Bibliotheek Andermans"))
    client.force_login(medewerker)

    library_page = client.get(reverse("licenties:library", args=[andere.bibliotheek_id]))
    detail = client.get(reverse("licenties:detail", args=[andere.pk]))
    all_list = client.get(reverse("licenties:list"))

    assert library_page.status_code in (403, 404)
    assert detail.status_code == 404
    assert all_list.status_code == 403
    for response in (library_page, detail, all_list):
        assert andere.bibliotheek.naam not in response.content.decode()


def test_library_staff_see_the_detail_of_their_own_licence(client, medewerker, bibliotheek):
    licentie = LicentieFactory(bibliotheek=bibliotheek)
    client.force_login(medewerker)

    response = client.get(reverse("licenties:detail", args=[licentie.pk]))

    assert response.status_code == 200
    assert response.context["licentie"] == licentie
    assert not response.context["can_end"]


@pytest.mark.parametrize("who", READERS)
def test_reviewers_and_coordinator_see_every_library_licences(request, client, who):
    licentie = LicentieFactory()
    client.force_login(request.getfixturevalue(who))

    library_page = client.get(reverse("licenties:library", args=[licentie.bibliotheek_id]))
    assert library_page.status_code == 200
    assert client.get(reverse("licenties:detail", args=[licentie.pk])).status_code == 200
    assert listed(client.get(reverse("licenties:list"))) == [licentie.pk]


def test_anonymous_visitors_are_sent_to_the_login(client):
    licentie = LicentieFactory()
    for url in (
        reverse("licenties:mine"),
        reverse("licenties:list"),
        reverse("licenties:overview"),
        reverse("licenties:export_csv"),
        reverse("licenties:detail", args=[licentie.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url


def test_detail_page_shows_the_chain_of_licence_years(client, kb, bibliotheek):
    eerste = LicentieFactory(bibliotheek=bibliotheek, begindatum=date(2026, 1, 1), actief=True)
    tweede = service.renew(eerste, kb)
    LicentieFactory(begindatum=date(2027, 1, 1))  # another library: not in the chain
    client.force_login(kb)

    response = client.get(reverse("licenties:detail", args=[tweede.pk]))

    assert list(response.context["chain"]) == [eerste, tweede]
    html = response.content.decode()
    first = html.index(reverse("licenties:detail", args=[eerste.pk]))
    # The current year is marked, and comes after the year it renews.
    assert html.index('aria-current="true"') > first
    assert tweede.vorige == eerste


# The list for reviewers, with filters -------------------------------------------------------


@pytest.fixture
def spread():
    """Licences in two years, states and provinces."""
    zeeland = BibliotheekFactory(
        werkgebied=[GemeenteFactory(provincie="Zeeland"), GemeenteFactory(provincie="Zeeland")]
    )
    utrecht = BibliotheekFactory(werkgebied=[GemeenteFactory(provincie="Utrecht")])
    beide = BibliotheekFactory(
        werkgebied=[GemeenteFactory(provincie="Utrecht"), GemeenteFactory(provincie="Zeeland")]
    )
    return {
        "zeeland_2027": LicentieFactory(bibliotheek=zeeland, begindatum=date(2027, 1, 1)),
        "zeeland_2026": LicentieFactory(
            bibliotheek=zeeland, begindatum=date(2026, 1, 1), verlopen=True
        ),
        "utrecht_2027": LicentieFactory(
            bibliotheek=utrecht, begindatum=date(2027, 3, 1), actief=True
        ),
        "beide_2027": LicentieFactory(bibliotheek=beide, begindatum=date(2027, 7, 1), actief=True),
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ({}, ["beide_2027", "utrecht_2027", "zeeland_2027", "zeeland_2026"]),
        ({"jaar": 2026}, ["zeeland_2026"]),
        ({"status": "actief"}, ["beide_2027", "utrecht_2027"]),
        ({"provincie": "Zeeland"}, ["beide_2027", "zeeland_2027", "zeeland_2026"]),
        (
            {"jaar": 2027, "status": "actief", "provincie": "Utrecht"},
            ["beide_2027", "utrecht_2027"],
        ),
        ({"jaar": 2030}, []),
    ],
)
def test_reviewers_filter_the_licence_list_by_year_status_and_province(
    client, kb, spread, query, expected
):
    client.force_login(kb)

    response = client.get(reverse("licenties:list"), query)

    assert response.status_code == 200
    assert listed(response) == [spread[name].pk for name in expected]
    assert f"{len(expected)} " in response.content.decode()


# The coordinator's overview of one year -------------------------------------------------------


@pytest.fixture
def gemeenten_2025():
    load_gemeenten()
    return Gemeente.objects.all()


def test_overview_counts_licences_libraries_budget_and_coverage_of_342_municipalities(
    client, coordinator, gemeenten_2025
):
    zeeland = list(gemeenten_2025.filter(provincie="Zeeland").order_by("naam"))
    utrecht = list(gemeenten_2025.filter(provincie="Utrecht").order_by("naam"))
    assert (len(gemeenten_2025), len(zeeland)) == (342, 13)
    walcheren = BibliotheekFactory(werkgebied=zeeland[:5])
    oosterschelde = BibliotheekFactory(werkgebied=zeeland[5:12])
    stad = BibliotheekFactory(werkgebied=utrecht[:4])
    # Walcheren: two licence years starting in 2027 (a half year, then a full one).
    LicentieFactory(
        bibliotheek=walcheren,
        begindatum=date(2027, 1, 1),
        einddatum=date(2027, 6, 30),
        waarde=Decimal("3125.00"),
        verlopen=True,
    )
    LicentieFactory(
        bibliotheek=walcheren, begindatum=date(2027, 7, 1), waarde=Decimal("6250.00"), actief=True
    )
    LicentieFactory(
        bibliotheek=oosterschelde,
        begindatum=date(2027, 1, 1),
        waarde=Decimal("6000.00"),
        gemeenten=zeeland[5:8],
    )
    LicentieFactory(bibliotheek=oosterschelde, begindatum=date(2028, 1, 1))  # other year
    LicentieFactory(bibliotheek=stad, begindatum=date(2027, 1, 1), beeindigd=True)  # ended
    LicentieFactory(bibliotheek=stad, begindatum=date(2026, 1, 1), verlopen=True)  # other year
    client.force_login(coordinator)

    response = client.get(reverse("licenties:overview"), {"jaar": 2027})

    assert response.status_code == 200
    context = response.context
    assert context["jaar"] == 2027
    assert context["totals"] == {"licences": 3, "libraries": 2, "budget": Decimal("15375.00")}
    assert (context["covered"], context["total_gemeenten"]) == (8, 342)
    provinces = {p["provincie"]: p for p in context["provinces"]}
    assert len(provinces) == 12
    assert sum(p["total"] for p in provinces.values()) == 342
    assert (provinces["Zeeland"]["covered"], provinces["Zeeland"]["total"]) == (8, 13)
    assert provinces["Zeeland"]["missing"] == [g.naam for g in zeeland[8:]]
    assert (provinces["Utrecht"]["covered"], provinces["Utrecht"]["total"]) == (0, 26)
    assert len(provinces["Utrecht"]["missing"]) == 26
    html = response.content.decode()
    assert "8 / 342" in html and "8 / 13" in html
    for gemeente in zeeland[8:]:
        assert gemeente.naam in html


def test_overview_of_a_year_without_licences_covers_nothing(client, kb, gemeenten_2025):
    client.force_login(kb)

    response = client.get(reverse("licenties:overview"), {"jaar": 2031})

    assert response.context["totals"] == {"licences": 0, "libraries": 0, "budget": None}
    assert response.context["covered"] == 0
    assert "0 / 342" in response.content.decode()


def test_overview_is_not_for_library_staff(client, medewerker):
    client.force_login(medewerker)
    assert client.get(reverse("licenties:overview")).status_code == 403


# The CSV export -----------------------------------------------------------------------------


def test_csv_export_has_one_row_per_licence_of_the_filter(client, coordinator, kb):
    gemeenten = [GemeenteFactory(naam="Middelburg"), GemeenteFactory(naam="Vlissingen")]
    bib = BibliotheekFactory(naam="Bibliotheek Walcheren", werkgebied=gemeenten)
    eerste = LicentieFactory(
        bibliotheek=bib, begindatum=date(2026, 1, 1), waarde=Decimal("6000.00"), actief=True
    )
    tweede = service.renew(eerste, kb)
    LicentieFactory(begindatum=date(2027, 5, 1), waarde=Decimal("6250.50"))
    client.force_login(coordinator)

    response = client.get(reverse("licenties:export_csv"), {"jaar": 2027})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert len(header) == 7
    assert len(rows) == 2
    walcheren = next(r for r in rows if r[0] == "Bibliotheek Walcheren")
    assert walcheren[1:] == [
        "2027-01-01",
        "2027-12-31",
        str(LicentieStatus.GEPLAND.label),
        "6000,00",
        "Middelburg, Vlissingen",
        str(eerste.pk),
    ]
    assert tweede.pk != eerste.pk
    other = next(r for r in rows if r[0] != "Bibliotheek Walcheren")
    assert other[4] == "6250,50" and other[6] == ""


@pytest.mark.parametrize(
    "naam", ['=HYPERLINK("http://evil.example")', "+31 cmd", "-2+3", "@SUM(A1)"]
)
def test_csv_export_never_starts_a_cell_with_a_formula(client, coordinator, naam):
    gemeente = GemeenteFactory(naam=naam)
    LicentieFactory(bibliotheek=BibliotheekFactory(naam=naam, werkgebied=[gemeente]))
    client.force_login(coordinator)

    [_header, row] = csv_rows(client.get(reverse("licenties:export_csv")))

    assert row[0] == "'" + naam
    assert row[5] == "'" + naam
    assert csv_safe("Bibliotheek Gewoon") == "Bibliotheek Gewoon"


def test_csv_export_is_not_for_library_staff(client, medewerker, bibliotheek):
    LicentieFactory(bibliotheek=bibliotheek)
    client.force_login(medewerker)

    response = client.get(reverse("licenties:export_csv"))

    assert response.status_code == 403
    assert not response["Content-Type"].startswith("text/csv")
