"""KB's administrator's list of API tokens runs the same number of queries for a few tokens
as for many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kbregeling.api.models import ApiToken

from ..aanmelding.factories import BibliotheekFactory

pytestmark = pytest.mark.django_db


def issue(n, by):
    for i in range(n):
        library = BibliotheekFactory() if i % 2 else None
        ApiToken.issue(f"Organisatie {ApiToken.objects.count()}", library, by=by)


def queries_of_the_list(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("api_tokens:list"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_token_list_runs_the_same_queries_for_2_and_30_tokens(beheer_client, beheerder):
    issue(2, beheerder)
    few, html = queries_of_the_list(beheer_client)
    assert "Organisatie 1" in html

    issue(28, beheerder)
    many, html = queries_of_the_list(beheer_client)

    assert "Organisatie 29" in html
    assert few == many
