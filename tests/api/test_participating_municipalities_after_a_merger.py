"""The public list of participating municipalities maps a licence that names municipalities
ceased before the year to their successors in the same queries, however many there are."""

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
URL = reverse("api:deelnemende_gemeenten") + "?jaar=2025&per_pagina=100"


def merged_before_2025(n):
    """``n`` libraries with a 2025 licence naming a municipality that ceased on 31 December
    2024, each merged into a municipality of its own."""
    reports = bulk_reports(n, jaar=2025, status=S.INGEDIEND)
    ceased = list(Gemeente.objects.filter(bibliotheken__licenties__rapportage__in=reports))
    Gemeente.objects.filter(pk__in=[g.pk for g in ceased]).update(geldig_tot=date(2024, 12, 31))
    successors = Gemeente.objects.bulk_create(
        Gemeente(cbs_code=f"M{g.pk:05d}", naam=f"Fusie {g.pk}", provincie=g.provincie)
        for g in ceased
    )
    Gemeente.opvolgers.through.objects.bulk_create(
        Gemeente.opvolgers.through(from_gemeente_id=old.pk, to_gemeente_id=new.pk)
        for old, new in zip(ceased, successors, strict=True)
    )


def listed(anonymous):
    with CaptureQueriesContext(connection) as queries:
        response = api_get(anonymous, URL)
    assert response.status_code == 200, response.content
    return len(queries), response.json()["results"]


def test_successors_of_municipalities_ceased_before_the_year_cost_no_query_each(anonymous):
    merged_before_2025(3)
    few, rows = listed(anonymous)
    assert len(rows) == 3
    assert all(row["naam"].startswith("Fusie") and row["bibliotheken"] for row in rows)

    merged_before_2025(60)
    many, rows = listed(anonymous)

    assert len(rows) == 63
    assert few == many
