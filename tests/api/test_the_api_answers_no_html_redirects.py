"""The API never answers with an HTML page or a redirect to one. A session that has not
passed the second factor, or that has been idle past its limit, reads the API as anyone
anonymous: the public endpoints and the documentation answer as usual, the protected ones a
Dutch problem+json. And every answer under /api/v1/ carries ``API-Version``, also those a
middleware gives before any view runs."""

import time

import pytest
from django.urls import reverse

from kbregeling.web import idle

from .conftest import assert_problem

pytestmark = pytest.mark.django_db

PUBLIC = [
    reverse("api:gemeenten"),
    reverse("api:deelnemende_gemeenten") + "?jaar=2026",
    reverse("api:landelijke_cijfers", args=[2026]),
    reverse("api:schema"),
    reverse("api:docs"),
]
PROTECTED = [reverse("api:licenties"), reverse("api:rapportage_totalen")]


@pytest.fixture
def without_second_factor(client, coordinator):
    """The coordinator has logged in with a password but not yet given the code."""
    client.force_login(coordinator)
    session = client.session
    session["account_authentication_methods"] = [{"method": "password", "at": time.time()}]
    session.save()
    return client


@pytest.fixture
def idle_too_long(client, coordinator):
    client.force_login(coordinator)
    session = client.session
    session[idle.LAST_ACTIVITY] = int(time.time()) - 24 * 3600
    session.save()
    return client


def test_without_the_second_factor_html_pages_still_redirect(without_second_factor):
    response = without_second_factor.get(reverse("rapportage:national"))

    assert response.status_code == 302


@pytest.mark.parametrize("url", PUBLIC)
def test_without_the_second_factor_the_public_api_answers_as_for_anyone(without_second_factor, url):
    response = without_second_factor.get(url)

    assert response.status_code == 200, response.get("Location")
    assert response["API-Version"]


@pytest.mark.parametrize("url", PROTECTED)
def test_without_the_second_factor_the_protected_api_answers_a_problem(without_second_factor, url):
    problem = assert_problem(without_second_factor.get(url), 401)

    assert "API-sleutel" in problem["detail"]


@pytest.mark.parametrize("url", PUBLIC)
def test_an_idle_session_reads_the_public_api_as_anyone(idle_too_long, url):
    response = idle_too_long.get(url)

    assert response.status_code == 200, response.get("Location")
    assert response["API-Version"]


@pytest.mark.parametrize("url", PROTECTED)
def test_an_idle_session_gets_a_problem_not_the_login_page(idle_too_long, url):
    assert_problem(idle_too_long.get(url), 401)
    # The session has ended: the next page asks to log in again.
    assert idle_too_long.get(reverse("rapportage:national")).status_code == 302


def test_the_api_version_comes_with_answers_a_middleware_gives(client, settings):
    settings.MAX_REQUEST_BODY_SIZE = 10
    response = client.post(
        reverse("api:gemeenten"), data="x" * 100, content_type="application/json"
    )

    assert response.status_code == 400
    assert response["API-Version"]
