"""Every login, failed or not, on the app's login page and the admin's, leaves an entry; a
failed one keeps the username tried and never the password."""

import pytest
from django.urls import reverse

from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.models import AccessLogEntry

from ..accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_a_successful_login_is_logged(client):
    user = UserFactory(kb=True)

    response = client.post(
        reverse("login"),
        {"username": user.username, "password": PASSWORD},
        REMOTE_ADDR="192.0.2.10",
        HTTP_USER_AGENT="Testbrowser/1.0",
    )

    assert response.status_code == 302
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.username, entry.kind) == (user, user.username, Kind.LOGIN)
    assert (entry.ip_address, entry.user_agent) == ("192.0.2.10", "Testbrowser/1.0")


@pytest.mark.parametrize("url_name", ["login", "admin:login"])
def test_a_failed_login_keeps_the_username_and_never_the_password(client, url_name):
    user = UserFactory(kb=True)

    response = client.post(
        reverse(url_name),
        {"username": user.username, "password": "geheim-en-fout-123"},
        REMOTE_ADDR="192.0.2.11",
    )

    assert response.status_code == 200  # the form again, with its error
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.username, entry.kind) == (None, user.username, Kind.LOGIN_FAILED)
    assert entry.ip_address == "192.0.2.11"
    stored = " ".join(str(value) for value in AccessLogEntry.objects.values().get().values())
    assert "geheim" not in stored
    assert "****" not in stored


def test_a_failed_login_for_an_unknown_name_is_logged_too(client):
    client.post(reverse("login"), {"username": "niemand", "password": "fout"})

    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.username, entry.kind) == (None, "niemand", Kind.LOGIN_FAILED)
