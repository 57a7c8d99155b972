"""A session that does nothing for longer than the role's limit is logged out, with the
reason in Dutch on the login page: 30 minutes for reviewers, the coordinator and
administrators, 2 hours for library staff. Each request starts the limit again; the page
warns a few minutes before and can extend the session without leaving the page."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from ..accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

START = datetime(2026, 3, 2, 9, 0, tzinfo=datetime.now().astimezone().tzinfo)


@pytest.fixture
def admin(db):
    return UserFactory(is_superuser=True, is_staff=True)


def logged_in(client):
    return SESSION_KEY in client.session


@pytest.mark.parametrize(
    "role, minutes",
    [
        ("medewerker", 120),
        ("kb", 30),
        ("digisterker", 30),
        ("coordinator", 30),
        ("admin", 30),
    ],
)
def test_a_session_is_logged_out_after_the_idle_limit_of_the_role_and_not_before(
    client, role, minutes, request
):
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(request.getfixturevalue(role))

        clock.shift(timedelta(minutes=minutes - 1))
        assert client.get(reverse("home")).status_code == 302
        assert logged_in(client)

        # That request was activity: the limit starts again from there.
        clock.shift(timedelta(minutes=minutes - 1))
        assert client.get(reverse("home")).status_code == 302
        assert logged_in(client)

        clock.shift(timedelta(minutes=minutes, seconds=1))
        response = client.get(reverse("home"), follow=True)

    assert not logged_in(client)
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert f"Je bent uitgelogd omdat je {minutes} minuten niets hebt gedaan" in (
        response.content.decode()
    )


def test_the_limits_come_from_the_settings(client, kb, medewerker, settings):
    settings.SESSION_IDLE_MINUTES_REVIEWERS = 5
    settings.SESSION_IDLE_MINUTES_LIBRARY = 10
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(kb)
        clock.shift(timedelta(minutes=6))
        client.get(reverse("home"))
        assert not logged_in(client)

        client.force_login(medewerker)
        clock.shift(timedelta(minutes=6))
        client.get(reverse("home"))
        assert logged_in(client)


def test_a_page_renders_the_warning_and_its_script_with_the_limit(client, kb):
    client.force_login(kb)
    html = client.get(reverse("aanmelding:dashboard")).content.decode()

    assert 'data-idle-seconds="1800"' in html
    assert 'data-idle-warning-seconds="300"' in html
    assert f'data-idle-url="{reverse("web:keepalive")}"' in html
    assert 'role="status"' in html and 'id="idle-warning"' in html
    assert "over 5 minuten" in html  # the Dutch warning
    assert 'id="idle-stay"' in html
    assert "js/idle-timeout.js" in html


def test_the_login_page_has_no_warning(client):
    html = client.get(reverse("login")).content.decode()

    assert "data-idle-seconds" not in html
    assert "idle-timeout.js" not in html


def test_asking_the_time_left_is_not_activity_and_stay_logged_in_starts_again(client, kb):
    url = reverse("web:keepalive")
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(kb)

        clock.shift(timedelta(minutes=10))
        assert client.get(url).json() == {"remaining": 20 * 60}
        clock.shift(timedelta(minutes=10))
        assert client.get(url).json() == {"remaining": 10 * 60}

        assert client.post(url).json() == {"remaining": 30 * 60}
        clock.shift(timedelta(minutes=29))
        assert client.get(url).json() == {"remaining": 60}

        clock.shift(timedelta(minutes=2))
        response = client.get(url)

    assert response.status_code == 302
    assert not logged_in(client)


def test_stay_logged_in_needs_the_csrf_token(kb):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(kb)

    assert client.post(reverse("web:keepalive")).status_code == 403
