"""An invitation is a one-time link, valid for INVITATION_DAYS: it makes exactly one account
with the invited role and library, then logs in (the second factor next for roles that need
it). Expired, used, withdrawn or tampered links get a clear Dutch page; an expired one can
ask for a new one."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from kbregeling.accounts import invitations
from kbregeling.accounts.constants import Rol
from kbregeling.accounts.models import Gebruiker, Uitnodiging
from kbregeling.mail.models import OutgoingMail

from ..aanmelding.factories import BibliotheekFactory
from .factories import UserFactory, staff_of

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Zomer-in-Leeuwarden-2027"


def invite(by, **kwargs):
    kwargs = {"email": "nieuw@bibliotheek.example", "rol": Rol.BIBLIOTHEEKMEDEWERKER} | kwargs
    if kwargs["rol"] == Rol.BIBLIOTHEEKMEDEWERKER:
        kwargs.setdefault("bibliotheek", BibliotheekFactory())
    return invitations.invite(by=by, **kwargs)


def link_of(invitation):
    mail = OutgoingMail.objects.filter(to=invitation.email).latest("pk")
    return re.search(r"https?://\S+/uitnodiging/\S+/", mail.body).group(0)


def path_of(link):
    return link.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def accept(client, path, password=NEW_PASSWORD):
    return client.post(
        path,
        {
            "voornaam": "Noor",
            "achternaam": "de Vries",
            "new_password1": password,
            "new_password2": password,
        },
    )


def test_an_invitation_mails_a_private_link_that_makes_one_account_and_logs_in(client):
    bibliotheek = BibliotheekFactory()
    invitation = invite(staff_of(bibliotheek), bibliotheek=bibliotheek)
    path = path_of(link_of(invitation))

    response = accept(client, path)

    user = Gebruiker.objects.get(email="nieuw@bibliotheek.example")
    assert response.status_code == 302
    assert (user.username, user.bibliotheek, user.get_full_name()) == (
        "nieuw@bibliotheek.example",
        bibliotheek,
        "Noor de Vries",
    )
    assert user.is_bibliotheekmedewerker and user.check_password(NEW_PASSWORD)
    assert client.session["_auth_user_id"] == str(user.pk)
    assert OutgoingMail.objects.get(to=invitation.email).private
    invitation.refresh_from_db()
    assert invitation.stand == Uitnodiging.Stand.GEACCEPTEERD and invitation.gebruiker == user
    second = client.get(path)
    assert "al gebruikt" in second.content.decode()
    assert Gebruiker.objects.filter(email=invitation.email).count() == 1


def test_a_reviewer_invited_sets_up_the_second_factor_before_anything_else(client):
    admin = UserFactory(rol=Rol.KB_BEHEERDER)
    invitation = invite(admin, email="beoordelaar@kb.example", rol=Rol.KB_BEOORDELAAR)

    accept(client, path_of(link_of(invitation)))

    assert client.get(reverse("home"))["Location"] == reverse("mfa_activate_totp")
    assert Gebruiker.objects.get(email="beoordelaar@kb.example").heeft_rol(Rol.KB_BEOORDELAAR)


def test_a_weak_password_is_refused_beside_the_field_and_the_names_are_kept(client):
    invitation = invite(UserFactory(rol=Rol.KB_BEHEERDER), voornaam="Noor")

    response = accept(client, path_of(link_of(invitation)), password="12345678")

    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    assert 'value="de Vries"' in response.content.decode()
    assert not Gebruiker.objects.filter(email=invitation.email).exists()


def test_an_expired_link_says_so_and_asks_the_inviter_for_a_new_one_once(client):
    inviter = UserFactory(rol=Rol.KB_BEHEERDER, email="beheer@kb.example")
    invitation = invite(inviter)
    path = path_of(link_of(invitation))

    with time_machine.travel(timezone.now() + timedelta(days=8)):
        page = client.get(path)
        client.post(reverse("accounts:invitation_ask_new", args=[path.split("/")[-2]]))
        client.post(reverse("accounts:invitation_ask_new", args=[path.split("/")[-2]]))
        refused = accept(client, path)

    assert "verlopen" in page.content.decode()
    assert refused.status_code == 200 and not Gebruiker.objects.filter(email=invitation.email)
    asked = OutgoingMail.objects.filter(to="beheer@kb.example")
    assert asked.count() == 1 and invitation.email in asked.get().subject


@pytest.mark.parametrize("token", ["verzonnen", "x" * 43, "x" * 500])
def test_a_tampered_or_unknown_link_gets_a_dutch_page_and_no_form(client, token):
    invite(UserFactory(rol=Rol.KB_BEHEERDER))

    response = client.get(f"/uitnodiging/{token}/")

    assert response.status_code == 404
    assert "werkt niet" in response.content.decode()
    assert "new_password1" not in response.content.decode()


def test_sending_again_replaces_the_link_and_withdrawing_stops_it(client):
    admin = UserFactory(rol=Rol.KB_BEHEERDER)
    invitation = invite(admin)
    first = path_of(link_of(invitation))

    invitations.send_again(invitation, admin)
    second = path_of(link_of(invitation))
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200

    invitations.withdraw(invitation, admin)
    assert client.get(second).status_code == 404


def test_an_address_with_an_account_or_an_open_invitation_is_not_invited_twice():
    admin = UserFactory(rol=Rol.KB_BEHEERDER)
    UserFactory(email="bestaat@example.org")
    invite(admin, email="open@example.org")

    for email in ["bestaat@example.org", "BESTAAT@example.org", "open@example.org"]:
        with pytest.raises(invitations.InvitationError):
            invite(admin, email=email)


def test_a_withdrawal_or_a_new_link_cannot_undo_an_accepted_invitation(client):
    admin = UserFactory(rol=Rol.KB_BEHEERDER)
    invitation = invite(admin)
    stale = Uitnodiging.objects.get(pk=invitation.pk)  # a list page opened before
    accept(client, path_of(link_of(invitation)))

    for action in (invitations.send_again, invitations.withdraw):
        with pytest.raises(invitations.InvitationError):
            action(stale, admin)

    invitation.refresh_from_db()
    assert invitation.stand == Uitnodiging.Stand.GEACCEPTEERD and invitation.gebruiker


def test_library_staff_are_only_invited_into_a_library():
    admin = UserFactory(rol=Rol.KB_BEHEERDER)

    with pytest.raises(ValueError):
        invitations.invite(by=admin, email="a@example.org", rol=Rol.BIBLIOTHEEKMEDEWERKER)
    with pytest.raises(ValueError):
        invitations.invite(
            by=admin,
            email="b@example.org",
            rol=Rol.KB_BEOORDELAAR,
            bibliotheek=BibliotheekFactory(),
        )
