"""Every list endpoint runs the same number of SQL queries for a few rows as for many, and
the number is pinned, so a new query per request is a conscious change."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanmelding.models import Gemeente
from rapportage.constants import RapportageStatus as S

from ..rapportage.factories import bulk_reports
from .conftest import api_get

pytestmark = pytest.mark.django_db


def count_queries(client, url, key=None):
    with CaptureQueriesContext(connection) as queries:
        response = api_get(client, url, key)
    assert response.status_code == 200, response.content
    return len(queries), response.json()


def grow(n, jaar=2025):
    """``n`` libraries with a licence year of ``jaar`` and its submitted report, each with its
    own municipality, which ceases at the end of the year with a successor."""
    reports = bulk_reports(n, jaar=jaar, status=S.INGEDIEND)
    ceased = list(Gemeente.objects.filter(bibliotheken__licenties__rapportage__in=reports))
    Gemeente.objects.filter(pk__in=[g.pk for g in ceased]).update(geldig_tot=date(jaar, 12, 31))
    successors = Gemeente.objects.bulk_create(
        Gemeente(
            cbs_code=f"N{g.pk:05d}",
            naam=f"Nieuw {g.pk}",
            provincie=g.provincie,
            geldig_van=date(jaar + 1, 1, 1),
        )
        for g in ceased
    )
    Gemeente.opvolgers.through.objects.bulk_create(
        Gemeente.opvolgers.through(from_gemeente_id=old.pk, to_gemeente_id=new.pk)
        for old, new in zip(ceased, successors, strict=True)
    )


@pytest.mark.parametrize(
    "name, query, token, expected",
    [
        # count, page, and one query per related list.
        ("api:gemeenten", "", False, 4),
        ("api:gemeenten", "?jaar=2025", False, 4),
        # the licences' municipalities and libraries, where they are on 1 January (two),
        # count, page.
        ("api:deelnemende_gemeenten", "?jaar=2025", False, 5),
        # count, page, the municipalities of the page's libraries.
        ("api:deelnemende_bibliotheken", "?jaar=2025", False, 3),
        # the token, count, page, the access-log entry.
        ("api:licenties", "", True, 4),
        ("api:licenties", "?jaar=2025", True, 4),
        ("api:rapportage_totalen", "", True, 4),
    ],
)
def test_a_list_runs_the_same_queries_for_3_and_150_rows(
    anonymous, national_key, name, query, token, expected
):
    url = reverse(name) + query
    key = national_key if token else None
    grow(3)
    api_get(anonymous, url, key)  # the token's last-used time is written once a minute
    few, body = count_queries(anonymous, url, key)
    assert len(body["results"]) >= 1

    grow(147)
    grow(10, jaar=2024)
    many, body = count_queries(anonymous, url, key)

    assert len(body["results"]) > 1
    assert body["count"] > 100 or name == "api:rapportage_totalen"
    assert few == many == expected, (few, many)
