"""Every request that passes to a token endpoint is in the access log: the token's
organisation (and its library) or the logged-in person, and the path with its query.
Requests for public data are not logged: it is public."""

import pytest
from django.urls import reverse

from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.models import AccessLogEntry

from .conftest import api_get

pytestmark = pytest.mark.django_db


def test_a_library_tokens_request_is_logged_with_its_organisation_and_library(
    anonymous, library_key, eigen_bibliotheek
):
    url = reverse("api:licenties") + "?jaar=2025"

    api_get(anonymous, url, library_key, REMOTE_ADDR="192.0.2.7")

    entry = AccessLogEntry.objects.get()
    assert entry.kind == Kind.API
    assert entry.user is None
    assert entry.username == "API-token Bibliotheek Eigen"
    assert entry.library == eigen_bibliotheek
    assert entry.what == url
    assert entry.ip_address == "192.0.2.7"


def test_a_national_tokens_request_is_logged_without_a_library(anonymous, national_key):
    api_get(anonymous, reverse("api:rapportage_totalen"), national_key)

    entry = AccessLogEntry.objects.get()
    assert (entry.username, entry.library) == ("API-token Landelijke bibliotheekmonitor", None)


def test_the_coordinators_request_is_logged_with_their_account(client, coordinator):
    client.force_login(coordinator)

    client.get(reverse("api:licenties"))

    entry = AccessLogEntry.objects.filter(kind=Kind.API).get()
    assert entry.user == coordinator


def test_a_refused_or_public_request_writes_no_entry(anonymous, national_key):
    anonymous.get(reverse("api:licenties"))
    anonymous.get(reverse("api:gemeenten"))
    api_get(anonymous, reverse("api:gemeenten"), national_key)

    assert not AccessLogEntry.objects.filter(kind=Kind.API).exists()


def test_a_token_answer_may_not_be_kept_by_a_shared_cache(anonymous, national_key):
    response = api_get(anonymous, reverse("api:licenties"), national_key)

    assert response["Cache-Control"] == "private, no-store"
