"""Every login, failed or not, leaves an entry (the admin has no login of its own); a failed
one keeps the username tried and never the password. The second factor's entries are in
tests/accounts/test_second_factor.py."""

import pytest
from django.urls import reverse

from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.models import AccessLogEntry

from ..accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_a_successful_login_is_logged(client):
    user = UserFactory(medewerker=True)  # no second factor: the password logs in

    response = client.post(
        reverse("login"),
        {"login": user.username, "password": PASSWORD},
        REMOTE_ADDR="192.0.2.10",
        HTTP_USER_AGENT="Testbrowser/1.0",
    )

    assert response.status_code == 302
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.username, entry.kind) == (user, user.username, Kind.LOGIN)
    assert (entry.ip_address, entry.user_agent) == ("192.0.2.10", "Testbrowser/1.0")


def test_a_failed_login_keeps_the_username_and_never_the_password(client):
    url_name = "login"
    user = UserFactory(kb=True)

    response = client.post(
        reverse(url_name),
        {"login": user.username, "password": "geheim-en-fout-123"},
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
    client.post(reverse("login"), {"login": "niemand", "password": "fout"})

    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.username, entry.kind) == (None, "niemand", Kind.LOGIN_FAILED)
