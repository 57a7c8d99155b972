"""Failed logins lock out for a while, per account and per address, on the one login (the
admin sends to it); the right password is refused while locked; the page never says whether the
account exists; an administrator can unlock; password-reset mails are limited too."""

from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.models import AccessLogEntry
from kbregeling.mail.models import OutgoingMail

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return 3


def log_in(client, page, username, password, address="10.0.0.1", next_url=""):
    data = {"login": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse(page), data, REMOTE_ADDR=address)


@pytest.mark.parametrize("next_url", ["", "/admin/"])
def test_the_right_password_is_refused_once_an_account_is_locked_out(client, limit, next_url):
    user = UserFactory(kb=True, is_staff=True, is_superuser=bool(next_url))
    page = "login"
    for _ in range(limit - 1):
        assert log_in(client, page, user.username, "fout", next_url=next_url).status_code == 200
    assert log_in(client, page, user.username, "fout", next_url=next_url).status_code == 429

    locked = log_in(client, page, user.username, PASSWORD, next_url=next_url)

    assert locked.status_code == 429
    assert "Te veel mislukte pogingen" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_admin_has_no_login_of_its_own_but_sends_to_the_apps(client):
    response = client.get(reverse("admin:login"))

    assert response.status_code == 302
    admin_login = reverse("admin:login")
    assert response["Location"] == f"{reverse('login')}?{urlencode({'next': admin_login})}"
    assert client.post(admin_login, {"username": "x", "password": "y"}).status_code == 302


def test_the_lockout_is_per_account_from_any_address(client, limit):
    user = UserFactory(kb=True)
    for number in range(limit):
        log_in(client, "login", user.username, "fout", address=f"10.0.0.{number + 1}")

    assert log_in(client, "login", user.username, PASSWORD, address="10.9.9.9").status_code == 429


def test_the_lockout_is_per_address_whatever_account_is_tried(client, limit):
    for number in range(limit):
        log_in(client, "login", f"gok{number}", "fout", address="10.0.0.7")
    user = UserFactory(medewerker=True)

    assert log_in(client, "login", user.username, PASSWORD, address="10.0.0.7").status_code == 429
    assert log_in(client, "login", user.username, PASSWORD, address="10.0.0.8").status_code == 302


def test_a_locked_out_unknown_account_looks_the_same_as_a_known_one(client, limit):
    known = UserFactory(kb=True)
    for _ in range(limit):
        log_in(client, "login", known.username, "fout", address="10.0.0.1")
        log_in(client, "login", "bestaat-niet", "fout", address="10.0.0.2")

    for_known = log_in(client, "login", known.username, "fout", address="10.0.0.1")
    for_unknown = log_in(client, "login", "bestaat-niet", "fout", address="10.0.0.2")

    assert for_known.status_code == for_unknown.status_code == 429
    assert for_known.content == for_unknown.content


def test_fewer_failures_than_the_limit_do_not_lock_and_a_success_starts_again(client, limit):
    user = UserFactory(medewerker=True)  # a password alone logs in: a whole success
    for _ in range(limit - 1):
        log_in(client, "login", user.username, "fout")
    assert log_in(client, "login", user.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(limit - 1):
        log_in(client, "login", user.username, "fout")
    assert log_in(client, "login", user.username, PASSWORD).status_code == 302


def test_an_administrator_unlocks_a_locked_out_reviewer(client, limit):
    user = UserFactory(kb=True)
    for _ in range(limit):
        log_in(client, "login", user.username, "fout")
    assert AccessAttempt.objects.exists()

    call_command("axes_reset_username", user.username)  # or delete the attempt in the admin

    assert log_in(client, "login", user.username, PASSWORD).status_code == 302


def test_the_admin_lists_the_lockouts_to_unlock(client, limit):
    user = UserFactory(kb=True)
    for _ in range(limit):
        log_in(client, "login", user.username, "fout")
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)

    page = client.get(reverse("admin:axes_accessattempt_changelist"))

    assert page.status_code == 200
    assert user.username in page.content.decode()


def test_a_lockout_is_in_the_access_log(client, limit):
    user = UserFactory(kb=True)
    for _ in range(limit):
        log_in(client, "login", user.username, "fout")

    entry = AccessLogEntry.objects.get(kind=Kind.LOCKED_OUT)
    assert entry.username == user.username


def test_password_reset_mails_to_one_address_are_limited_per_hour(client, settings):
    settings.PASSWORD_RESET_MAILS_PER_HOUR = 2
    UserFactory(email="anne@bibliotheek.example")
    answers = [
        client.post(reverse("password_reset"), {"email": "anne@bibliotheek.example"})
        for _ in range(4)
    ]

    assert [a.status_code for a in answers] == [302] * 4  # the same answer every time
    assert OutgoingMail.objects.filter(to="anne@bibliotheek.example").count() == 2
