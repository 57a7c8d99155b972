"""Accounts: the four role groups, the login page and resetting a password (the pages of
django.contrib.auth, with the project's own Dutch wording).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from kbregeling.accounts.constants import Rol
from kbregeling.mail.models import OutgoingMail

from ..accounts.factories import UserFactory

# Roles ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_role_groups_exist_after_migrations():
    names = set(Group.objects.values_list("name", flat=True))

    assert len(Rol.values) == 5  # the four of DOMAIN.md and KB's administrator (issue 10)
    assert set(Rol.values) <= names


# Logging in and resetting a password --------------------------------------------------------


def project_translation(msgid):
    """The project's own Dutch translation of ``msgid``; skips when not compiled yet."""
    polib = pytest.importorskip("polib")
    mo = Path(settings.LOCALE_PATHS[0]) / "nl" / "LC_MESSAGES" / "django.mo"
    if not mo.exists():
        pytest.skip("locale/nl is not compiled yet: run `make messages`")
    entry = polib.mofile(str(mo)).find(msgid)
    if entry is None or not entry.msgstr:
        pytest.skip(f"{msgid!r} is not translated in locale/nl yet")
    return entry.msgstr


@pytest.mark.django_db
def test_login_page_is_labelled_inloggen(client):
    # The English msgid "Log in" must come out as "Inloggen" (Django's own catalogue
    # would say "Aanmelden", which here means signing up for the scheme).
    assert project_translation("Log in") == "Inloggen"

    html = client.get(reverse("login")).content.decode()

    assert '<html lang="nl">' in html
    assert re.search(r"<h1[^>]*>\s*Inloggen\s*</h1>", html)
    assert re.search(r'<button type="submit"[^>]*>\s*Inloggen\s*</button>', html)
    assert "Log in" not in html


@pytest.mark.django_db
def test_logging_in_works_with_the_login_page(client):
    user = UserFactory(medewerker=True)

    response = client.post(
        reverse("login"), {"login": user.username, "password": "demo-wachtwoord-2026"}
    )

    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302  # on to the role's own page


@pytest.mark.django_db
def test_password_reset_sends_an_email_with_a_link_through_the_outbox(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory(email="anne@bibliotheek.example")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("password_reset"), {"email": "anne@bibliotheek.example"})

    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anne@bibliotheek.example"]
    assert user.username in message.body
    link = re.search(r"https?://testserver(/account/reset/[^/\s]+/[^/\s]+/)", message.body)
    assert link, message.body
    assert OutgoingMail.objects.get().sent_at is not None  # recorded, then sent after commit
    # The link opens the form for a new password.
    follow = client.get(link.group(1), follow=True)
    assert follow.status_code == 200
    assert "new_password1" in follow.content.decode()


@pytest.mark.django_db
def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client):
    response = client.post(reverse("password_reset"), {"email": "onbekend@example.org"})

    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []
