"""A person edits their name and telephone; a new e-mail address needs the password (and
code) again and a link opened from the new address; the old address is told."""

from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from kbregeling.accounts.profile_views import EMAIL_CHANGE_SALT
from kbregeling.mail.models import OutgoingMail

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_name_and_telephone_are_saved_at_once(client, medewerker):
    client.force_login(medewerker)

    client.post(
        reverse("accounts:profile"),
        {"first_name": "Fatima", "last_name": "El Amrani", "telefoon": "058 123 45 67"},
    )

    medewerker.refresh_from_db()
    assert (medewerker.get_full_name(), medewerker.telefoon) == (
        "Fatima El Amrani",
        "058 123 45 67",
    )


def test_a_new_address_needs_the_link_sent_to_it_and_the_old_one_is_told(client, medewerker):
    old = medewerker.email
    client.force_login(medewerker)

    client.post(reverse("accounts:email_change"), {"email": "Nieuw@Bieb.example"})
    medewerker.refresh_from_db()
    assert medewerker.email == old  # not before the link is opened
    confirm = OutgoingMail.objects.get(to="nieuw@bieb.example")
    assert confirm.private and OutgoingMail.objects.filter(to=old).exists()
    link = confirm.body.split("http://127.0.0.1:8000")[1].split()[0]

    client.get(link)

    medewerker.refresh_from_db()
    assert medewerker.email == "nieuw@bieb.example"


def test_changing_the_address_asks_for_the_password_again_after_a_while(client):
    user = UserFactory(medewerker=True)
    client.post(reverse("login"), {"login": user.username, "password": PASSWORD})

    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        response = client.get(reverse("accounts:email_change"))

    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_a_link_for_another_account_or_tampered_or_expired_changes_nothing(client, medewerker):
    other = UserFactory(medewerker=True)
    client.force_login(medewerker)
    for_other = signing.dumps(
        {"user": other.pk, "email": "x@example.org", "from": other.email}, salt=EMAIL_CHANGE_SALT
    )
    mine = signing.dumps(
        {"user": medewerker.pk, "email": "y@example.org", "from": medewerker.email},
        salt=EMAIL_CHANGE_SALT,
    )

    answers = [
        client.get(reverse("accounts:email_confirm", args=[t])).status_code
        for t in (for_other, mine[:-2] + "xx")
    ]
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        client.force_login(medewerker)  # a fresh login: the old session has long timed out
        answers.append(client.get(reverse("accounts:email_confirm", args=[mine])).status_code)

    assert answers == [400, 400, 400]
    medewerker.refresh_from_db()
    other.refresh_from_db()
    assert medewerker.email not in ("x@example.org", "y@example.org")
    assert other.email != "x@example.org"


def test_an_address_in_use_by_another_account_is_refused_beside_the_field(client, medewerker):
    other = UserFactory(email="bezet@example.org")
    client.force_login(medewerker)

    response = client.post(reverse("accounts:email_change"), {"email": other.email})

    assert response.context["form"].errors["email"]
    assert not OutgoingMail.objects.filter(to="bezet@example.org").exists()


def test_an_older_link_cannot_switch_the_address_back(client, medewerker):
    client.force_login(medewerker)
    client.post(reverse("accounts:email_change"), {"email": "eerste@bieb.example"})
    client.post(reverse("accounts:email_change"), {"email": "tweede@bieb.example"})
    first, second = (
        OutgoingMail.objects.get(to=f"{n}@bieb.example").body.split("http://127.0.0.1:8000")[1]
        for n in ("eerste", "tweede")
    )

    client.get(second.split()[0])
    response = client.get(first.split()[0])

    medewerker.refresh_from_db()
    assert response.status_code == 400
    assert medewerker.email == "tweede@bieb.example"
