"""Every error under /api/v1/ is application/problem+json (RFC 9457) in Dutch, with the
header API-Version: an unknown path (404), a wrong method (405), a wrong parameter (400 with
invalidParams), too many requests (429 with Retry-After) and a crash (500)."""

import pytest
from django.urls import reverse
from rest_framework.exceptions import APIException

from licenties import api as licenties_api

from .conftest import api_get, assert_problem

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/api/v1/bestaat-niet", "/api/v1/", "/api/v1/gemeenten/GM9999", "/api/v1/x/y/z"]
)
def test_an_unknown_path_under_the_api_is_a_404_problem(anonymous, path):
    problem = assert_problem(anonymous.get(path), 404)

    assert problem["title"] == "Niet gevonden"
    assert problem["instance"] == path


def test_a_resource_with_a_trailing_slash_is_a_404_problem_not_a_redirect(anonymous):
    """NLGov API-48: URIs have no trailing slash, and one with it is not the resource."""
    assert_problem(anonymous.get("/api/v1/gemeenten/"), 404)


def test_an_unknown_path_is_a_404_problem_with_a_token_too(anonymous, national_key):
    assert_problem(api_get(anonymous, "/api/v1/bestaat-niet/", national_key), 404)


def test_a_year_out_of_range_in_the_path_is_a_404_problem(anonymous):
    assert_problem(anonymous.get(reverse("api:landelijke_cijfers", args=[1900])), 404)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only_405(anonymous, method):
    response = getattr(anonymous, method)(reverse("api:gemeenten"), content_type="application/json")

    problem = assert_problem(response, 405)
    assert problem["title"] == "Methode niet toegestaan"


@pytest.mark.parametrize("jaar", ["twintig", "1999", "2101"])
def test_a_wrong_year_is_a_400_problem_naming_the_parameter(anonymous, jaar):
    response = anonymous.get(reverse("api:deelnemende_gemeenten") + f"?jaar={jaar}")

    problem = assert_problem(response, 400)
    assert problem["title"] == "Het verzoek is niet geldig"
    assert [p["name"] for p in problem["invalidParams"]] == ["jaar"]
    assert "2000" in problem["invalidParams"][0]["reason"]


def test_too_many_requests_from_one_address_answer_429_in_dutch(anonymous, settings):
    settings.REST_FRAMEWORK = settings.REST_FRAMEWORK | {
        "DEFAULT_THROTTLE_RATES": {"anonymous": "2/minute", "token": "2/minute", "user": "2/minute"}
    }
    url = reverse("api:gemeenten")
    assert anonymous.get(url).status_code == 200
    assert anonymous.get(url).status_code == 200

    response = anonymous.get(url)

    problem = assert_problem(response, 429)
    assert problem["title"] == "Te veel verzoeken"
    assert "seconden" in problem["detail"]
    assert 0 < int(response["Retry-After"]) <= 60


def test_the_address_behind_the_proxy_is_counted_not_the_proxy(anonymous, settings):
    settings.TLS_PROXY = True
    settings.REST_FRAMEWORK = settings.REST_FRAMEWORK | {
        "DEFAULT_THROTTLE_RATES": {"anonymous": "1/minute", "token": "1/minute", "user": "1/minute"}
    }
    url = reverse("api:gemeenten")

    first = anonymous.get(url, HTTP_X_FORWARDED_FOR="192.0.2.1")
    other_client = anonymous.get(url, HTTP_X_FORWARDED_FOR="192.0.2.2")
    first_again = anonymous.get(url, HTTP_X_FORWARDED_FOR="192.0.2.1")

    assert (first.status_code, other_client.status_code) == (200, 200)
    assert_problem(first_again, 429)


def test_a_token_is_limited_per_token(anonymous, national_key, library_key, settings):
    settings.REST_FRAMEWORK = settings.REST_FRAMEWORK | {
        "DEFAULT_THROTTLE_RATES": {"anonymous": "9/minute", "token": "1/minute", "user": "9/minute"}
    }
    url = reverse("api:licenties")

    assert api_get(anonymous, url, national_key).status_code == 200
    assert api_get(anonymous, url, library_key).status_code == 200
    assert_problem(api_get(anonymous, url, national_key), 429)


def test_a_crash_is_a_500_problem_not_an_html_page(anonymous, national_key, monkeypatch, caplog):
    def crash(self):
        raise RuntimeError("boom")

    monkeypatch.setattr(licenties_api.Licenties, "get_queryset", crash)

    response = api_get(anonymous, reverse("api:licenties"), national_key)

    problem = assert_problem(response, 500)
    assert "boom" not in response.content.decode()
    assert problem["title"] == "Interne serverfout"
    assert "boom" in caplog.text


def test_a_drf_error_keeps_its_status(anonymous, national_key, monkeypatch):
    def unavailable(self):
        raise APIException("x")

    monkeypatch.setattr(licenties_api.Licenties, "get_queryset", unavailable)

    assert api_get(anonymous, reverse("api:licenties"), national_key).status_code == 500


@pytest.mark.parametrize(
    "path", ["/api/v1/gemeenten", "/api/v1/schema/", "/api/v1/docs/", "/api/v1/niets"]
)
def test_every_answer_has_the_api_version_header(anonymous, path):
    assert anonymous.get(path)["API-Version"] == "1.0.0"


def test_the_api_answers_json_only_no_browsable_html(anonymous):
    response = anonymous.get(reverse("api:gemeenten"), HTTP_ACCEPT="text/html")

    assert response.status_code == 406
    assert response["Content-Type"] == "application/problem+json"


def test_a_page_past_the_last_says_so_in_dutch(anonymous):
    problem = assert_problem(anonymous.get(reverse("api:gemeenten") + "?pagina=99"), 404)

    assert problem["detail"] == "Pagina 99 bestaat niet: Die pagina bevat geen resultaten"
    assert "Op dit adres staat niets" not in problem["detail"]
