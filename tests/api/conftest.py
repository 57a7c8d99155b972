"""Fixtures of the API tests: tokens of a national organisation and of one library, and a
client that sends a key."""

import pytest
from django.test import Client

from kbregeling.api.models import ApiToken

from ..aanmelding.factories import BibliotheekFactory

PROBLEM = "application/problem+json"


def api_get(client, url, key=None, scheme="Bearer", **extra):
    if key is not None:
        extra["HTTP_AUTHORIZATION"] = f"{scheme} {key}"
    return client.get(url, **extra)


def assert_problem(response, status):
    """An error as RFC 9457 problem+json, in Dutch, with the API's version."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    assert response["API-Version"]
    problem = response.json()
    assert problem["status"] == status
    assert problem["type"].startswith("https://")
    assert problem["title"] and problem["detail"]
    assert problem["instance"].startswith("/api/v1/")
    return problem


@pytest.fixture
def anonymous(db):
    return Client()


@pytest.fixture
def national_key(db):
    _token, key = ApiToken.issue("Landelijke bibliotheekmonitor")
    return key


@pytest.fixture
def eigen_bibliotheek(db):
    return BibliotheekFactory(naam="Bibliotheek Eigen")


@pytest.fixture
def library_key(eigen_bibliotheek):
    _token, key = ApiToken.issue("Bibliotheek Eigen", bibliotheek=eigen_bibliotheek)
    return key
