"""Library staff manage their own colleagues, KB's administrator every library's and the
reviewer parties' people: invite, withdraw, take away access (never delete), give it back;
at least one active contact remains; staff of another library never reach any of it."""

import pytest
from django.urls import reverse

from kbregeling.accounts import invitations
from kbregeling.accounts.constants import Rol
from kbregeling.accounts.models import Uitnodiging
from kbregeling.mail.models import OutgoingMail

from ..aanmelding.factories import BibliotheekFactory
from .factories import UserFactory, staff_of

pytestmark = pytest.mark.django_db


def invite_page(client, url, **data):
    return client.post(url, {"voornaam": "Noor", "achternaam": "de Vries", **data})


def test_library_staff_invite_a_colleague_into_their_own_library_only(client, medewerker):
    client.force_login(medewerker)
    page = reverse("accounts:library_people", args=[medewerker.bibliotheek_id])

    response = invite_page(client, page, email="collega@bieb.example", rol=Rol.KB_BEOORDELAAR)

    invitation = Uitnodiging.objects.get()
    assert response.status_code == 302
    assert (invitation.rol, invitation.bibliotheek_id) == (
        Rol.BIBLIOTHEEKMEDEWERKER,  # no role to choose: a library invites its staff
        medewerker.bibliotheek_id,
    )
    assert OutgoingMail.objects.filter(to="collega@bieb.example").exists()


@pytest.mark.parametrize(
    "name", ["library_people", "deactivate", "reactivate", "send_again", "withdraw"]
)
def test_staff_of_another_library_reach_nothing_of_it(client, medewerker, andere_medewerker, name):
    other = andere_medewerker.bibliotheek
    invitation = invitations.invite(
        by=andere_medewerker,
        email="x@example.org",
        rol=Rol.BIBLIOTHEEKMEDEWERKER,
        bibliotheek=other,
    )
    client.force_login(medewerker)
    url, method = {
        "library_people": (reverse("accounts:library_people", args=[other.pk]), "get"),
        "deactivate": (reverse("accounts:deactivate", args=[andere_medewerker.pk]), "post"),
        "reactivate": (reverse("accounts:reactivate", args=[andere_medewerker.pk]), "post"),
        "send_again": (reverse("accounts:invitation_send_again", args=[invitation.pk]), "post"),
        "withdraw": (reverse("accounts:invitation_withdraw", args=[invitation.pk]), "post"),
    }[name]

    response = getattr(client, method)(
        url, {"email": "y@example.org", "voornaam": "a", "achternaam": "b"}
    )

    assert response.status_code == 404
    andere_medewerker.refresh_from_db()
    invitation.refresh_from_db()
    assert andere_medewerker.is_active and invitation.is_open
    assert not Uitnodiging.objects.filter(email="y@example.org").exists()


@pytest.mark.parametrize("role", ["kb", "digisterker", "coordinator"])
def test_reviewers_and_the_coordinator_manage_nobody(client, medewerker, role):
    client.force_login(UserFactory(**{role: True}))

    assert client.get(reverse("accounts:reviewer_people")).status_code == 403
    assert (
        client.get(reverse("accounts:library_people", args=[medewerker.bibliotheek_id])).status_code
        == 403
    )
    assert client.post(reverse("accounts:deactivate", args=[medewerker.pk])).status_code == 403


def test_kb_administrator_invites_reviewers_with_their_role(client, beheerder):
    client.force_login(beheerder)

    invite_page(
        client,
        reverse("accounts:reviewer_people"),
        email="lezer@digisterker.example",
        rol=Rol.DIGISTERKER_BEOORDELAAR,
    )

    invitation = Uitnodiging.objects.get()
    assert (invitation.rol, invitation.bibliotheek) == (Rol.DIGISTERKER_BEOORDELAAR, None)


def test_a_library_cannot_give_a_role_nor_invite_into_another_library(client, medewerker):
    client.force_login(medewerker)

    invite_page(
        client,
        reverse("accounts:library_people", args=[medewerker.bibliotheek_id]),
        email="nieuw@example.org",
        rol=Rol.COORDINATOR,
        bibliotheek=BibliotheekFactory().pk,
    )

    invitation = Uitnodiging.objects.get()
    assert invitation.rol == Rol.BIBLIOTHEEKMEDEWERKER
    assert invitation.bibliotheek_id == medewerker.bibliotheek_id


def test_an_invitation_error_is_said_beside_the_field_and_what_was_typed_stays(client, medewerker):
    client.force_login(medewerker)

    response = invite_page(
        client,
        reverse("accounts:library_people", args=[medewerker.bibliotheek_id]),
        email=medewerker.email,
    )

    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert 'value="de Vries"' in response.content.decode()


def test_taking_away_access_keeps_the_person_and_at_least_one_contact_remains(client, medewerker):
    colleague = staff_of(medewerker.bibliotheek)
    client.force_login(medewerker)

    client.post(reverse("accounts:deactivate", args=[colleague.pk]))
    colleague.refresh_from_db()
    assert not colleague.is_active and colleague.gedeactiveerd_op
    client.post(reverse("accounts:deactivate", args=[medewerker.pk]))  # not oneself
    medewerker.refresh_from_db()
    assert medewerker.is_active

    client.post(reverse("accounts:reactivate", args=[colleague.pk]))
    colleague.refresh_from_db()
    assert colleague.is_active and colleague.gedeactiveerd_op is None


def test_the_last_active_contact_of_a_library_keeps_access(client, beheerder, medewerker):
    client.force_login(beheerder)

    response = client.post(reverse("accounts:deactivate", args=[medewerker.pk]), follow=True)

    medewerker.refresh_from_db()
    assert medewerker.is_active
    assert "ten minste één" in response.content.decode().lower()


def test_withdrawing_and_sending_again_from_the_list(client, medewerker):
    client.force_login(medewerker)
    invitation = invitations.invite(
        by=medewerker,
        email="later@example.org",
        rol=Rol.BIBLIOTHEEKMEDEWERKER,
        bibliotheek=medewerker.bibliotheek,
    )

    client.post(reverse("accounts:invitation_send_again", args=[invitation.pk]))
    assert OutgoingMail.objects.filter(to="later@example.org").count() == 2
    client.post(reverse("accounts:invitation_withdraw", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.stand == Uitnodiging.Stand.INGETROKKEN
    again = client.post(reverse("accounts:invitation_withdraw", args=[invitation.pk]), follow=True)
    assert again.status_code == 200


@pytest.mark.parametrize("size", [2, 20])
def test_the_people_page_runs_a_fixed_number_of_queries(
    client, medewerker, size, django_assert_num_queries
):
    for n in range(size):
        staff_of(medewerker.bibliotheek)
        invitations.invite(
            by=medewerker,
            email=f"u{n}@example.org",
            rol=Rol.BIBLIOTHEEKMEDEWERKER,
            bibliotheek=medewerker.bibliotheek,
        )
    client.force_login(medewerker)
    url = reverse("accounts:library_people", args=[medewerker.bibliotheek_id])
    client.get(url)

    with django_assert_num_queries(QUERIES_PER_PEOPLE_PAGE):
        assert client.get(url).status_code == 200


# session, user, roles, the library, its people, their groups, the menu's library of the
# person logged in, the invitations
QUERIES_PER_PEOPLE_PAGE = 8


@pytest.mark.parametrize("size", [2, 20])
def test_the_page_of_kb_and_digisterker_people_runs_a_fixed_number_of_queries(
    client, beheerder, size, django_assert_num_queries
):
    for n in range(size):
        UserFactory(rol=[Rol.KB_BEOORDELAAR, Rol.DIGISTERKER_BEOORDELAAR][n % 2])
        invitations.invite(by=beheerder, email=f"u{n}@example.org", rol=Rol.KB_BEOORDELAAR)
    client.force_login(beheerder)
    url = reverse("accounts:reviewer_people")
    client.get(url)

    with django_assert_num_queries(QUERIES_PER_REVIEWER_PEOPLE_PAGE):
        assert client.get(url).status_code == 200


# session, user, roles, the people, their groups, the invitations
QUERIES_PER_REVIEWER_PEOPLE_PAGE = 6


def test_kb_administrator_cannot_switch_off_the_technical_administrator(client, beheerder):
    superuser = UserFactory(is_superuser=True, is_staff=True, rol=Rol.KB_BEOORDELAAR)
    client.force_login(beheerder)

    response = client.post(reverse("accounts:deactivate", args=[superuser.pk]))

    superuser.refresh_from_db()
    assert response.status_code == 403 and superuser.is_active
