"""The coordinator's overview, the licence list and the CSV export run the same number of SQL
queries with 10 licences as with 1,000; a library's licence page the same with 3 licence years
(each with its year report) as with 30, and the tariffs page the same with 2 tariffs as with 40.
The number itself is pinned too, so a new query per page is a conscious change."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanmelding.models import Bibliotheek, Gemeente
from aanmelding.reference_data import load_gemeenten
from licenties.constants import LicentieStatus
from licenties.models import Licentie, Tarief, default_end

from ..accounts.factories import staff_of
from ..rapportage.factories import RapportageFactory
from .factories import OvereenkomstFactory

pytestmark = pytest.mark.django_db

STATES = [LicentieStatus.GEPLAND, LicentieStatus.ACTIEF, LicentieStatus.VERLOPEN]


def add_licences(n, start_index=0, jaar=2027):
    """``n`` licences of ``jaar``, each of its own library, covering two municipalities,
    written in bulk (four queries, whatever ``n``)."""
    by_province = {}
    for gemeente in Gemeente.objects.order_by("provincie", "cbs_code"):
        by_province.setdefault(gemeente.provincie, []).append(gemeente)
    provinces = list(by_province.values())

    def covered(i, k):
        """Licence ``i`` covers one municipality of two neighbouring provinces."""
        province = provinces[(i + k) % len(provinces)]
        return province[(i // len(provinces)) % len(province)]

    bibliotheken = Bibliotheek.objects.bulk_create(
        Bibliotheek(
            naam=f"Bibliotheek bulk {start_index + i}",
            contactpersoon="Anne de Vries",
            contact_email=f"bulk{start_index + i}@bibliotheek.example",
            wsob_erkend=True,
        )
        for i in range(n)
    )
    licenties = Licentie.objects.bulk_create(
        Licentie(
            bibliotheek=bibliotheek,
            begindatum=date(jaar, 1 + i % 12, 1),
            einddatum=default_end(date(jaar, 1 + i % 12, 1)),
            waarde=Decimal("6000.00"),
            status=STATES[i % len(STATES)],
        )
        for i, bibliotheek in enumerate(bibliotheken)
    )
    through = Licentie.gemeenten.through
    through.objects.bulk_create(
        through(licentie_id=licentie.pk, gemeente_id=covered(i, k).pk)
        for i, licentie in enumerate(licenties)
        for k in range(2)
    )
    return licenties


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(queries), response


def shown_rows(response) -> int:
    if response.get("Content-Type", "").startswith("text/csv"):
        return len(response.content.decode("utf-8").strip().splitlines()) - 1
    if "page" in response.context:
        return len(response.context["page"].object_list)
    return response.context["totals"]["licences"]


@pytest.fixture
def coordinator_client(client, coordinator):
    load_gemeenten()
    client.force_login(coordinator)
    return client


@pytest.mark.parametrize(
    "name, query, expected",
    [
        # 6th: the years with licences; 7th to 9th: the coverage maps a municipality the
        # licences name that ceased by 1 January to its successors (a fixed three).
        ("licenties:overview", "?jaar=2027", 9),
        ("licenties:list", "", 6),
        ("licenties:list", "?jaar=2027&status=actief&provincie=Friesland", 6),
        # An export also writes its access-log entry.
        ("licenties:export_csv", "?jaar=2027", 7),
        ("licenties:export_csv", "?provincie=Zeeland", 7),
    ],
)
def test_licence_pages_run_the_same_number_of_queries_for_10_and_1000_licences(
    coordinator_client, name, query, expected
):
    url = reverse(name) + query

    add_licences(10)
    few, response = count_queries(coordinator_client, url)
    assert shown_rows(response) > 0  # the same queries run: none is skipped for lack of rows
    add_licences(990, start_index=10)
    many, response = count_queries(coordinator_client, url)

    assert Licentie.objects.count() == 1000
    assert shown_rows(response) > 10
    assert few == many == expected, (few, many)


def test_the_export_with_1000_licences_has_1000_rows(coordinator_client):
    add_licences(1000)

    _count, response = count_queries(coordinator_client, reverse("licenties:export_csv"))

    lines = response.content.decode("utf-8").strip().splitlines()
    assert len(lines) == 1 + 1000


def test_the_overview_counts_1000_licences_and_their_budget(coordinator_client):
    add_licences(1000)

    _count, response = count_queries(
        coordinator_client, reverse("licenties:overview") + "?jaar=2027"
    )

    assert response.context["totals"] == {
        "licences": 1000,
        "libraries": 1000,
        "budget": Decimal("6000000.00"),
    }
    assert response.context["covered"] == 342


def add_years(bibliotheek, first, n):
    """``n`` consecutive licence years of ``bibliotheek`` from ``first``, each covering its
    werkgebied and with its (open) year report."""
    for jaar in range(first, first + n):
        licentie = Licentie.objects.create(
            bibliotheek=bibliotheek,
            begindatum=date(jaar, 1, 1),
            einddatum=date(jaar, 12, 31),
            waarde=Decimal("6000.00"),
            status=LicentieStatus.VERLOPEN,
        )
        licentie.gemeenten.set(bibliotheek.werkgebied.all())
        RapportageFactory(licentie=licentie)


@pytest.mark.parametrize(
    "who, expected",
    [
        # Session, user, roles; the library, its werkgebied; the agreement, its services and
        # municipalities; the licence years, their municipalities; the year reports (two).
        ("staff", 12),
        ("coordinator", 12),
    ],
)
def test_a_librarys_licence_page_runs_the_same_number_of_queries_for_3_and_30_years(
    client, bibliotheek, coordinator, dienst_ids, who, expected
):
    OvereenkomstFactory(bibliotheek=bibliotheek, diensten=dienst_ids)
    client.force_login(staff_of(bibliotheek) if who == "staff" else coordinator)
    url = reverse("licenties:library", args=[bibliotheek.pk])

    add_years(bibliotheek, 1990, 3)
    few, response = count_queries(client, url)
    assert len(response.context["licenties"]) == 3
    add_years(bibliotheek, 2000, 27)
    many, response = count_queries(client, url)

    assert len(response.context["licenties"]) == 30
    assert few == many == expected, (few, many)


def test_the_tariffs_page_runs_the_same_number_of_queries_for_2_and_40_tariffs(client, kb):
    client.force_login(kb)
    url = reverse("licenties:tariffs")

    Tarief.objects.bulk_create(
        Tarief(jaar=jaar, bedrag=Decimal("6000.00")) for jaar in (2026, 2027)
    )
    few, _response = count_queries(client, url)
    Tarief.objects.bulk_create(
        Tarief(jaar=jaar, bedrag=Decimal("6000.00")) for jaar in range(2030, 2068)
    )
    many, response = count_queries(client, url)

    assert len(response.context["tarieven"]) == 40
    assert few == many == 4, (few, many)
