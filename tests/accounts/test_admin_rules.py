"""The Django admin refuses a person without a role and library staff without their library
(they would see "no role yet" and nobody could help them)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from kbregeling.accounts.constants import Rol
from kbregeling.accounts.models import Gebruiker

from ..aanmelding.factories import BibliotheekFactory
from .factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def add(admin_client, **fields):
    data = {
        "username": "nieuw",
        "email": "nieuw@example.org",
        "password1": "Een-lang-wachtwoord-2027",
        "password2": "Een-lang-wachtwoord-2027",
        **fields,
    }
    return admin_client.post(reverse("admin:accounts_gebruiker_add"), data)


def group(rol):
    return Group.objects.get(name=rol).pk


def test_a_person_without_a_role_is_not_saved(admin_client):
    response = add(admin_client)

    assert response.status_code == 200
    assert not Gebruiker.objects.filter(username="nieuw").exists()


def test_library_staff_without_their_library_are_not_saved(admin_client):
    response = add(admin_client, groups=[group(Rol.BIBLIOTHEEKMEDEWERKER)])

    assert response.status_code == 200
    assert not Gebruiker.objects.filter(username="nieuw").exists()


def test_library_staff_with_their_library_and_a_reviewer_without_one_are_saved(admin_client):
    bibliotheek = BibliotheekFactory()
    add(admin_client, groups=[group(Rol.BIBLIOTHEEKMEDEWERKER)], bibliotheek=bibliotheek.pk)
    add(admin_client, username="lezer", email="l@example.org", groups=[group(Rol.KB_BEOORDELAAR)])

    assert Gebruiker.objects.get(username="nieuw").is_bibliotheekmedewerker
    assert Gebruiker.objects.get(username="lezer").heeft_rol(Rol.KB_BEOORDELAAR)


def test_a_reviewer_cannot_be_given_a_library(admin_client):
    response = add(
        admin_client, groups=[group(Rol.KB_BEOORDELAAR)], bibliotheek=BibliotheekFactory().pk
    )

    assert response.status_code == 200
    assert not Gebruiker.objects.filter(username="nieuw").exists()


def test_switching_someone_off_in_the_admin_records_since_when(admin_client):
    person = UserFactory(kb=True)
    data = {
        "username": person.username,
        "email": person.email,
        "groups": [group(Rol.KB_BEOORDELAAR)],
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
        "is_active": "",
    }

    response = admin_client.post(reverse("admin:accounts_gebruiker_change", args=[person.pk]), data)

    person.refresh_from_db()
    assert response.status_code == 302
    assert not person.is_active and person.gedeactiveerd_op is not None
