"""KB's administrator makes an organisation's token (its key shown once, only its hash kept)
and revokes it; nobody else reaches these pages."""

import pytest
from django.urls import reverse

from kbregeling.api.models import ApiToken, hash_key

from .conftest import api_get

pytestmark = pytest.mark.django_db


def test_the_administrator_makes_a_librarys_token_and_sees_its_key_once(
    beheer_client, eigen_bibliotheek
):
    response = beheer_client.post(
        reverse("api_tokens:list"),
        {"organisatie": "Bibliotheek Eigen", "bibliotheek": eigen_bibliotheek.pk},
    )

    key = response.context["issued"]["key"]
    token = ApiToken.objects.get()
    assert key in response.content.decode()
    assert "Authorization: Bearer &lt;sleutel&gt;" in response.content.decode()
    assert (token.bibliotheek, token.sleutel_hash) == (eigen_bibliotheek, hash_key(key))
    assert response["Cache-Control"] == "private, no-store"
    assert key not in beheer_client.get(reverse("api_tokens:list")).content.decode()
    assert api_get(beheer_client, reverse("api:licenties"), key).status_code == 200


def test_a_token_without_a_library_is_national(beheer_client):
    beheer_client.post(reverse("api_tokens:list"), {"organisatie": "Monitor", "bibliotheek": ""})

    assert ApiToken.objects.get().is_national


def test_the_administrator_revokes_a_token_and_its_key_stops_working(
    beheer_client, anonymous, national_key
):
    token = ApiToken.objects.get()

    response = beheer_client.post(reverse("api_tokens:revoke", args=[token.pk]))

    assert response.status_code == 302
    assert not ApiToken.objects.get().is_active
    assert api_get(anonymous, reverse("api:licenties"), national_key).status_code == 401


@pytest.mark.parametrize("who", ["coordinator", "kb", "medewerker"])
def test_nobody_else_makes_or_revokes_tokens(client, national_key, who, request):
    client.force_login(request.getfixturevalue(who))
    token = ApiToken.objects.get()

    assert client.get(reverse("api_tokens:list")).status_code == 403
    assert client.post(reverse("api_tokens:list"), {"organisatie": "X"}).status_code == 403
    assert client.post(reverse("api_tokens:revoke", args=[token.pk])).status_code == 403
    assert ApiToken.objects.count() == 1 and ApiToken.objects.get().is_active
