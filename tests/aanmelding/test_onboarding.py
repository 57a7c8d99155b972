"""KB's administrator onboards a library: the library, its werkgebied and an invitation to its
first contact in one go, or nothing at all. Only KB's administrator reaches these pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanmelding.models import Belangstelling, Bibliotheek
from kbregeling.accounts.constants import Rol
from kbregeling.accounts.models import Uitnodiging
from kbregeling.mail.models import OutgoingMail

from ..accounts.factories import UserFactory, staff_of
from .factories import BibliotheekFactory, GemeenteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def utrecht():
    return GemeenteFactory(naam="Utrecht", cbs_code="GM0344")


@pytest.fixture
def zeist():
    return GemeenteFactory(naam="Zeist", cbs_code="GM0355")


def new_library(**changes):
    data = {
        "naam": "Bibliotheek Utrecht",
        "adres": "Oudegracht 167",
        "postcode": "3511 AL",
        "plaats": "Utrecht",
        "contactpersoon": "Lotte Jansen",
        "contact_email": "info@bibliotheekutrecht.example",
        "telefoon": "030 123 45 67",
        "website": "https://www.bibliotheekutrecht.example",
        "wsob_erkend": "on",
        "werkgebied": "Utrecht\nGM0355",
        "voornaam": "Lotte",
        "achternaam": "Jansen",
        "email": "lotte@bibliotheekutrecht.example",
    }
    return {**data, **changes}


def mails_to(address):
    return [mail for mail in OutgoingMail.objects.all() if address in mail.to.split()]


# Who may ------------------------------------------------------------------------------------

ADMIN_PAGES = ["beheer:libraries", "beheer:library_new", "beheer:interest"]


def admin_urls(bibliotheek):
    request = Belangstelling.objects.create(naam="A", organisatie="B", email="a@b.example")
    return [reverse(name) for name in ADMIN_PAGES] + [
        reverse("beheer:library_edit", args=[bibliotheek.pk]),
        reverse("beheer:interest_decline", args=[request.pk]),
    ]


@pytest.mark.parametrize("role", ["kb", "digisterker", "coordinator"])
def test_reviewers_and_the_coordinator_get_403_on_every_administration_page(
    client, bibliotheek, role
):
    client.force_login(UserFactory(**{role: True}))
    for url in admin_urls(bibliotheek):
        assert client.get(url).status_code == 403, url
        assert client.post(url, new_library()).status_code == 403, url
    assert Bibliotheek.objects.count() == 1


def test_library_staff_get_403_here_and_404_on_another_librarys_page(client, medewerker):
    other = BibliotheekFactory()
    client.force_login(medewerker)
    for name in ADMIN_PAGES:
        assert client.get(reverse(name)).status_code == 403, name
    own = reverse("beheer:library_edit", args=[medewerker.bibliotheek_id])
    assert client.get(own).status_code == 403
    assert client.get(reverse("beheer:library_edit", args=[other.pk])).status_code == 404
    assert client.post(reverse("beheer:library_edit", args=[other.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(client, bibliotheek):
    for url in admin_urls(bibliotheek):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login"))


def test_kbs_administrator_reaches_every_page(beheer_client, bibliotheek):
    for url in admin_urls(bibliotheek):
        assert beheer_client.get(url).status_code == 200, url


def test_the_start_page_and_menu_lead_the_administrator_to_the_libraries(beheer_client):
    assert beheer_client.get(reverse("home")).url == reverse("beheer:libraries")
    page = beheer_client.get(reverse("beheer:libraries")).content.decode()
    assert f'href="{reverse("beheer:interest")}"' in page
    assert f'href="{reverse("beheer:library_new")}"' in page


def test_other_roles_see_no_administration_links(client, medewerker):
    client.force_login(medewerker)
    page = client.get(reverse("aanmelding:mine")).content.decode()
    assert reverse("beheer:libraries") not in page


# Onboarding ---------------------------------------------------------------------------------


def test_onboarding_creates_the_library_its_werkgebied_and_the_invitation_at_once(
    beheer_client, beheerder, utrecht, zeist
):
    response = beheer_client.post(reverse("beheer:library_new"), new_library())

    bibliotheek = Bibliotheek.objects.get(naam="Bibliotheek Utrecht")
    assert response.status_code == 302
    assert response.url == reverse("beheer:library_edit", args=[bibliotheek.pk])
    assert set(bibliotheek.werkgebied.all()) == {utrecht, zeist}
    assert (bibliotheek.plaats, bibliotheek.website, bibliotheek.wsob_erkend) == (
        "Utrecht",
        "https://www.bibliotheekutrecht.example",
        True,
    )
    invitation = Uitnodiging.objects.get()
    assert (invitation.email, invitation.voornaam, invitation.achternaam) == (
        "lotte@bibliotheekutrecht.example",
        "Lotte",
        "Jansen",
    )
    assert (invitation.rol, invitation.bibliotheek, invitation.uitgenodigd_door) == (
        Rol.BIBLIOTHEEKMEDEWERKER,
        bibliotheek,
        beheerder,
    )
    [mail] = mails_to("lotte@bibliotheekutrecht.example")
    assert "/uitnodiging/" in mail.body
    assert mail.private


def test_a_refused_invitation_creates_nothing_and_keeps_what_was_typed(
    beheer_client, utrecht, zeist
):
    UserFactory(email="lotte@bibliotheekutrecht.example")

    response = beheer_client.post(reverse("beheer:library_new"), new_library())

    assert response.status_code == 200
    assert not Bibliotheek.objects.filter(naam="Bibliotheek Utrecht").exists()
    assert not Uitnodiging.objects.exists()
    assert not mails_to("lotte@bibliotheekutrecht.example")
    contact_form = response.context["contact_form"]
    assert list(contact_form.errors) == ["email"]
    page = response.content.decode()
    for typed in ["Oudegracht 167", "3511 AL", "030 123 45 67", "GM0355", "Lotte", "Jansen"]:
        assert typed in page


def test_an_unknown_municipality_is_named_beside_the_field_and_nothing_is_created(
    beheer_client, utrecht
):
    response = beheer_client.post(
        reverse("beheer:library_new"), new_library(werkgebied="Utrecht\nAtlantis")
    )

    assert response.status_code == 200
    assert "Atlantis" in response.context["form"].errors["werkgebied"][0]
    assert not Bibliotheek.objects.filter(naam="Bibliotheek Utrecht").exists()
    assert not Uitnodiging.objects.exists()
    assert "Atlantis" in response.content.decode()


def test_a_library_needs_a_name_a_werkgebied_and_a_contact_to_invite(beheer_client):
    response = beheer_client.post(reverse("beheer:library_new"), {})

    assert response.status_code == 200
    assert {"naam", "werkgebied", "contactpersoon", "contact_email"} <= set(
        response.context["form"].errors
    )
    assert set(response.context["contact_form"].errors) == {"voornaam", "achternaam", "email"}
    assert 'id="foutmeldingen"' in response.content.decode()
    assert not Bibliotheek.objects.exists()


def test_the_library_form_edits_the_details_and_the_werkgebied(beheer_client, utrecht, zeist):
    bibliotheek = BibliotheekFactory(naam="Bibliotheek Utrecht", werkgebied=[utrecht])
    url = reverse("beheer:library_edit", args=[bibliotheek.pk])
    page = beheer_client.get(url).content.decode()
    assert reverse("accounts:library_people", args=[bibliotheek.pk]) in page
    assert "Utrecht</textarea>" in page

    data = {
        key: value
        for key, value in new_library(plaats="De Bilt").items()
        if key not in ("voornaam", "achternaam", "email")
    }
    response = beheer_client.post(url, {**data, "werkgebied": "zeist"})

    assert response.status_code == 302
    bibliotheek.refresh_from_db()
    assert bibliotheek.plaats == "De Bilt"
    assert list(bibliotheek.werkgebied.all()) == [zeist]
    assert not Uitnodiging.objects.exists()


def test_a_municipality_served_by_another_library_is_allowed_and_shown_as_such(
    beheer_client, utrecht
):
    BibliotheekFactory(naam="Bibliotheek Stichtse Vecht", werkgebied=[utrecht])

    page = beheer_client.get(reverse("beheer:library_new")).content.decode()
    assert "Bibliotheek Stichtse Vecht" in page  # in the picker's data
    response = beheer_client.post(reverse("beheer:library_new"), new_library(werkgebied="Utrecht"))

    assert response.status_code == 302
    assert utrecht.bibliotheken.count() == 2


def test_the_picker_is_a_textarea_with_its_data_and_script_and_no_select(beheer_client, utrecht):
    page = beheer_client.get(reverse("beheer:library_new")).content.decode()

    assert '<textarea name="werkgebied"' in page
    assert 'data-picker="id_werkgebied_options"' in page
    assert '<script id="id_werkgebied_options" type="application/json">' in page
    assert "js/gemeente-picker.js" in page
    assert "<select" not in page
    assert "<script>" not in page and " style=" not in page  # the CSP forbids inline


# The list -----------------------------------------------------------------------------------


def test_the_list_counts_municipalities_active_staff_and_open_invitations(beheer_client, beheerder):
    from kbregeling.accounts import invitations

    bibliotheek = BibliotheekFactory(
        naam="Bibliotheek Zeist", werkgebied=[GemeenteFactory(), GemeenteFactory()]
    )
    staff_of(bibliotheek)
    staff_of(bibliotheek)
    staff_of(bibliotheek, is_active=False)
    invitations.invite(
        by=beheerder,
        email="nieuw@zeist.example",
        rol=Rol.BIBLIOTHEEKMEDEWERKER,
        bibliotheek=bibliotheek,
    )
    withdrawn = invitations.invite(
        by=beheerder,
        email="weg@zeist.example",
        rol=Rol.BIBLIOTHEEKMEDEWERKER,
        bibliotheek=bibliotheek,
    )
    invitations.withdraw(withdrawn, beheerder)

    [row] = beheer_client.get(reverse("beheer:libraries")).context["libraries"]

    assert (row.aantal_gemeenten, row.aantal_medewerkers, row.aantal_uitnodigingen) == (2, 2, 1)


def count_queries(client, url) -> int:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def libraries_with_people(n, beheerder):
    from kbregeling.accounts import invitations

    for _ in range(n):
        bibliotheek = BibliotheekFactory(werkgebied=[GemeenteFactory(), GemeenteFactory()])
        staff_of(bibliotheek)
        invitations.invite(
            by=beheerder,
            email=f"nieuw{bibliotheek.pk}@bibliotheek.example",
            rol=Rol.BIBLIOTHEEKMEDEWERKER,
            bibliotheek=bibliotheek,
        )


def test_the_list_runs_a_fixed_number_of_queries(beheer_client, beheerder):
    url = reverse("beheer:libraries")
    libraries_with_people(3, beheerder)
    few = count_queries(beheer_client, url)
    libraries_with_people(40, beheerder)
    many = count_queries(beheer_client, url)

    assert len(beheer_client.get(url).context["libraries"]) == 43
    assert few == many == 4  # session, user, roles, the libraries with their three counts


def test_the_onboarding_form_runs_a_fixed_number_of_queries(beheer_client):
    url = reverse("beheer:library_new")
    BibliotheekFactory.create_batch(3)
    few = count_queries(beheer_client, url)
    for _ in range(40):
        BibliotheekFactory(werkgebied=[GemeenteFactory(), GemeenteFactory()])
    assert count_queries(beheer_client, url) == few
