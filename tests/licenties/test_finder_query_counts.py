"""The public course finder runs the same few SQL queries with 5 libraries as with 150, with
a search or without: three when the day's data is not cached yet, none once it is."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aanmelding.models import Bibliotheek, Gemeente
from aanmelding.reference_data import load_gemeenten
from licenties.constants import LicentieStatus
from licenties.models import Licentie, default_end

pytestmark = pytest.mark.django_db

URL = reverse("cursus:finder")
COLD = 3  # today's municipalities, the active licences' libraries, the ceased municipalities


@pytest.fixture(autouse=True)
def gemeenten(db):
    load_gemeenten()


def add_active_licences(n):
    """``n`` libraries, each with a licence year active today covering three municipalities,
    written in bulk."""
    gemeenten = list(Gemeente.objects.order_by("cbs_code"))
    start = timezone.localdate() - timedelta(days=30)
    bibliotheken = Bibliotheek.objects.bulk_create(
        Bibliotheek(
            naam=f"Bibliotheek bulk {i}",
            plaats="Utrecht",
            contactpersoon="Anne de Vries",
            contact_email=f"bulk{i}@bibliotheek.example",
        )
        for i in range(Bibliotheek.objects.count(), Bibliotheek.objects.count() + n)
    )
    licenties = Licentie.objects.bulk_create(
        Licentie(
            bibliotheek=bibliotheek,
            begindatum=start,
            einddatum=default_end(start),
            waarde=Decimal("6000.00"),
            status=LicentieStatus.ACTIEF,
        )
        for bibliotheek in bibliotheken
    )
    through = Licentie.gemeenten.through
    through.objects.bulk_create(
        through(licentie_id=licentie.pk, gemeente_id=gemeenten[(3 * i + k) % len(gemeenten)].pk)
        for i, licentie in enumerate(licenties)
        for k in range(3)
    )


def queries(client, query):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, query)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("query", [{}, {"gemeente": "Utrecht"}, {"gemeente": "berg"}])
def test_the_finder_runs_a_fixed_number_of_queries_at_any_size(client, query):
    add_active_licences(5)
    small = queries(client, query)
    add_active_licences(145)
    cache.clear()
    large = queries(client, query)

    assert small == large == COLD


def test_a_second_visit_the_same_day_runs_no_query(client):
    add_active_licences(5)
    queries(client, {})

    assert queries(client, {"gemeente": "Utrecht"}) == 0
