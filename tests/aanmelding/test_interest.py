"""Interest from a library that does not take part yet: a public page, guarded against
robots and floods; KB's queue where each request is onboarded or declined, once."""

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aanmelding.models import Belangstelling, Bibliotheek
from aanmelding.werkgebied import GemeentenField, picker_data
from kbregeling.accounts.models import Gebruiker, Uitnodiging
from kbregeling.mail.models import OutgoingMail

from ..accounts.factories import UserFactory
from .factories import BibliotheekFactory, GemeenteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeenten():
    return [
        GemeenteFactory(naam="Súdwest-Fryslân", cbs_code="GM1900"),
        GemeenteFactory(naam="De Fryske Marren", cbs_code="GM1940"),
    ]


def request_data(**changes):
    return {
        "naam": "Sjoukje de Boer",
        "organisatie": "Bibliotheek Súdwest-Fryslân",
        "email": "sjoukje@bibliotheek-swf.example",
        "telefoon": "",
        "gemeenten": "Súdwest-Fryslân\nde fryske marren",
        "bericht": "Wij willen graag meedoen vanaf volgend jaar.",
        "website": "",
        **changes,
    }


def waiting_request(gemeenten=(), **fields):
    belangstelling = Belangstelling.objects.create(
        naam=fields.pop("naam", "Sjoukje de Boer"),
        organisatie=fields.pop("organisatie", "Bibliotheek Súdwest-Fryslân"),
        email=fields.pop("email", "sjoukje@bibliotheek-swf.example"),
        **fields,
    )
    belangstelling.gemeenten.set(gemeenten)
    return belangstelling


# The field ----------------------------------------------------------------------------------


def test_the_werkgebied_field_reads_names_in_any_case_and_cbs_codes_one_per_line(gemeenten):
    swf, dfm = gemeenten
    field = GemeentenField()

    assert field.clean("  súdwest-fryslân \n\nGM1940\n") == [swf, dfm]
    assert field.clean("gm1900\nSúdwest-Fryslân\nSUDWEST-FRYSLÂN") == [swf]  # each once


def test_the_werkgebied_field_names_every_unknown_municipality(gemeenten):
    with pytest.raises(forms.ValidationError) as error:
        GemeentenField().clean("Súdwest-Fryslân\nAtlantis\nLilliput")
    assert "Atlantis" in error.value.messages[0]
    assert "Lilliput" in error.value.messages[0]


def test_the_werkgebied_field_needs_one_municipality(gemeenten):
    with pytest.raises(forms.ValidationError):
        GemeentenField().clean(" \n ")
    assert GemeentenField(required=False).clean("") == []


def test_the_werkgebied_field_shows_municipalities_as_lines(gemeenten):
    swf, dfm = gemeenten
    assert GemeentenField().prepare_value([dfm, swf]) == "De Fryske Marren\nSúdwest-Fryslân"
    assert GemeentenField().prepare_value([swf.pk]) == "Súdwest-Fryslân"


def test_the_picker_says_which_other_library_serves_a_municipality(gemeenten):
    swf, dfm = gemeenten
    own = BibliotheekFactory(naam="Bibliotheek Sneek", werkgebied=[swf])
    BibliotheekFactory(naam="Bibliotheek Zuidwest", werkgebied=[swf, dfm])

    options = {row[2]: row[4] for row in picker_data(exclude_library=own.pk)["options"]}

    assert options["Súdwest-Fryslân"] == ["Bibliotheek Zuidwest"]
    assert options["De Fryske Marren"] == ["Bibliotheek Zuidwest"]


# The public page ----------------------------------------------------------------------------


def test_the_interest_page_is_open_without_login_and_linked_from_the_login_page(client):
    assert client.get(reverse("belangstelling:form")).status_code == 200
    login_page = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("belangstelling:form")}"' in login_page


def test_the_honeypot_is_hidden_from_eyes_screen_readers_and_the_tab_order(client):
    page = client.get(reverse("belangstelling:form")).content.decode()

    assert '<div class="honeypot" aria-hidden="true">' in page
    field = page[page.index('name="website"') - 200 : page.index('name="website"') + 200]
    assert 'tabindex="-1"' in field
    assert 'autocomplete="off"' in field


def test_a_request_is_stored_and_both_the_requester_and_kb_hear_of_it(client, gemeenten, beheerder):
    response = client.post(reverse("belangstelling:form"), request_data())

    assert response.status_code == 302
    assert response.url == reverse("belangstelling:thanks")
    belangstelling = Belangstelling.objects.get()
    assert belangstelling.status == Belangstelling.Status.NIEUW
    assert set(belangstelling.gemeenten.all()) == set(gemeenten)
    assert not Gebruiker.objects.exclude(pk=beheerder.pk).exists()  # no account
    requester, kb = OutgoingMail.objects.order_by("pk")
    assert requester.to == "sjoukje@bibliotheek-swf.example"
    assert "Súdwest-Fryslân" in requester.body
    assert kb.to == "beheer@kb.example"
    assert reverse("beheer:interest") in kb.body
    assert client.get(response.url).status_code == 200


def test_a_filled_honeypot_pretends_success_and_stores_nothing(client, gemeenten, beheerder):
    response = client.post(
        reverse("belangstelling:form"), request_data(website="https://spam.example")
    )

    assert response.status_code == 302
    assert response.url == reverse("belangstelling:thanks")
    assert not Belangstelling.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_more_than_five_requests_an_hour_from_one_address_are_refused(client, gemeenten):
    for number in range(5):
        response = client.post(
            reverse("belangstelling:form"), request_data(email=f"r{number}@bieb.example")
        )
        assert response.status_code == 302
    mails = OutgoingMail.objects.count()

    response = client.post(reverse("belangstelling:form"), request_data(email="r6@bieb.example"))

    assert response.status_code == 429
    assert response.context["form"].non_field_errors()
    assert "r6@bieb.example" in response.content.decode()  # kept
    assert Belangstelling.objects.count() == 5
    assert OutgoingMail.objects.count() == mails


def test_an_incomplete_request_keeps_what_was_typed(client, gemeenten):
    response = client.post(
        reverse("belangstelling:form"),
        request_data(email="", gemeenten="Súdwest-Fryslân\nAtlantis"),
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"email", "gemeenten"}
    assert "Atlantis" in response.context["form"].errors["gemeenten"][0]
    assert "Wij willen graag meedoen" in response.content.decode()
    assert not Belangstelling.objects.exists()


# KB's queue ---------------------------------------------------------------------------------


def test_the_queue_shows_waiting_requests_first_and_handled_ones_with_their_outcome(
    beheer_client, beheerder
):
    older = waiting_request(
        organisatie="Oud", ontvangen_op=timezone.now() - timezone.timedelta(days=3)
    )
    newer = waiting_request(organisatie="Nieuw")
    declined = waiting_request(
        organisatie="Afgewezen",
        status=Belangstelling.Status.AFGEWEZEN,
        reden="Geen openbare bibliotheek.",
        behandeld_door=beheerder,
        behandeld_op=timezone.now(),
    )

    response = beheer_client.get(reverse("beheer:interest"))

    assert list(response.context["waiting"]) == [older, newer]
    assert list(response.context["handled"]) == [declined]
    page = response.content.decode()
    assert page.index("Oud") < page.index("Nieuw") < page.index("Geen openbare bibliotheek.")
    assert f"{reverse('beheer:library_new')}?belangstelling={older.pk}" in page


@pytest.mark.parametrize("role", ["medewerker", "kb", "digisterker", "coordinator"])
def test_only_kbs_administrator_sees_and_handles_the_queue(client, role):
    belangstelling = waiting_request()
    client.force_login(UserFactory(**{role: True}))

    assert client.get(reverse("beheer:interest")).status_code == 403
    decline = reverse("beheer:interest_decline", args=[belangstelling.pk])
    assert client.post(decline, {"reden": "Nee."}).status_code == 403
    assert Belangstelling.objects.get().status == Belangstelling.Status.NIEUW


def test_onboarding_from_a_request_starts_prefilled(beheer_client, gemeenten):
    belangstelling = waiting_request(gemeenten, telefoon="0515 123456")

    response = beheer_client.get(
        reverse("beheer:library_new") + f"?belangstelling={belangstelling.pk}"
    )

    form, contact = response.context["form"], response.context["contact_form"]
    assert form["naam"].value() == "Bibliotheek Súdwest-Fryslân"
    assert form["werkgebied"].value() == "De Fryske Marren\nSúdwest-Fryslân"
    assert form["contact_email"].value() == "sjoukje@bibliotheek-swf.example"
    assert (contact["voornaam"].value(), contact["achternaam"].value()) == ("Sjoukje", "de Boer")
    assert contact["email"].value() == "sjoukje@bibliotheek-swf.example"


def onboarding_data():
    return {
        "naam": "Bibliotheek Súdwest-Fryslân",
        "plaats": "Sneek",
        "contactpersoon": "Sjoukje de Boer",
        "contact_email": "sjoukje@bibliotheek-swf.example",
        "werkgebied": "GM1900\nGM1940",
        "voornaam": "Sjoukje",
        "achternaam": "de Boer",
        "email": "sjoukje@bibliotheek-swf.example",
    }


def test_onboarding_a_request_marks_it_and_mails_the_requester_and_the_invitation(
    beheer_client, beheerder, gemeenten
):
    belangstelling = waiting_request(gemeenten)
    url = reverse("beheer:library_new") + f"?belangstelling={belangstelling.pk}"

    assert beheer_client.post(url, onboarding_data()).status_code == 302

    belangstelling.refresh_from_db()
    bibliotheek = Bibliotheek.objects.get(naam="Bibliotheek Súdwest-Fryslân")
    assert belangstelling.status == Belangstelling.Status.AANGEMELD
    assert (belangstelling.bibliotheek, belangstelling.behandeld_door) == (bibliotheek, beheerder)
    assert belangstelling.behandeld_op
    assert Uitnodiging.objects.get().bibliotheek == bibliotheek
    mails = OutgoingMail.objects.filter(to="sjoukje@bibliotheek-swf.example")
    assert mails.count() == 2  # the invitation and the news
    assert {mail.private for mail in mails} == {True, False}


def test_a_handled_request_cannot_be_onboarded_again(beheer_client, beheerder, gemeenten):
    belangstelling = waiting_request(gemeenten)
    url = reverse("beheer:library_new") + f"?belangstelling={belangstelling.pk}"
    beheer_client.post(url, onboarding_data())
    handled = Belangstelling.objects.values().get()
    mails = OutgoingMail.objects.count()

    again = beheer_client.post(url, {**onboarding_data(), "naam": "Tweede", "email": "x@y.example"})

    assert again.status_code == 302
    assert again.url == reverse("beheer:interest")
    assert Bibliotheek.objects.count() == 1
    assert Uitnodiging.objects.count() == 1
    assert Belangstelling.objects.values().get() == handled
    assert OutgoingMail.objects.count() == mails
    assert beheer_client.get(url).url == reverse("beheer:interest")


def test_declining_needs_a_reason_shown_beside_the_field(beheer_client):
    belangstelling = waiting_request()
    url = reverse("beheer:interest_decline", args=[belangstelling.pk])

    for reden in ["", " ", "x" * 2001]:
        response = beheer_client.post(url, {"reden": reden})
        assert response.status_code == 200
        assert list(response.context["form"].errors) == ["reden"]
        assert 'id="foutmeldingen"' in response.content.decode()
    assert Belangstelling.objects.get().status == Belangstelling.Status.NIEUW
    assert not OutgoingMail.objects.exists()


def test_declining_marks_the_request_and_mails_the_reason(beheer_client, beheerder):
    belangstelling = waiting_request()
    url = reverse("beheer:interest_decline", args=[belangstelling.pk])

    response = beheer_client.post(
        url, {"reden": "Geen openbare bibliotheek in de zin van de Wsob."}
    )

    assert response.url == reverse("beheer:interest")
    belangstelling.refresh_from_db()
    assert belangstelling.status == Belangstelling.Status.AFGEWEZEN
    assert belangstelling.behandeld_door == beheerder
    [mail] = OutgoingMail.objects.all()
    assert mail.to == "sjoukje@bibliotheek-swf.example"
    assert "Geen openbare bibliotheek in de zin van de Wsob." in mail.body


def test_a_request_is_declined_once(beheer_client):
    belangstelling = waiting_request()
    url = reverse("beheer:interest_decline", args=[belangstelling.pk])
    beheer_client.post(url, {"reden": "Eerste reden."})
    handled = Belangstelling.objects.values().get()

    response = beheer_client.post(url, {"reden": "Tweede reden."}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("beheer:interest")
    assert [str(m) for m in response.context["messages"]]
    assert Belangstelling.objects.values().get() == handled
    assert OutgoingMail.objects.count() == 1


def count_queries(client, url) -> int:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def requests(n, beheerder):
    for number in range(n):
        waiting_request([GemeenteFactory(), GemeenteFactory()], organisatie=f"Wacht {number}")
        waiting_request(
            [GemeenteFactory()],
            organisatie=f"Klaar {number}",
            status=Belangstelling.Status.AANGEMELD,
            bibliotheek=BibliotheekFactory(),
            behandeld_door=beheerder,
            behandeld_op=timezone.now(),
        )


def test_the_queue_runs_a_fixed_number_of_queries(beheer_client, beheerder):
    url = reverse("beheer:interest")
    requests(2, beheerder)
    few = count_queries(beheer_client, url)
    requests(30, beheerder)
    many = count_queries(beheer_client, url)

    assert len(beheer_client.get(url).context["waiting"]) == 32
    # session, user, roles, the waiting, the handled, the municipalities of all of them
    assert few == many == 6


def test_the_public_page_runs_a_fixed_number_of_queries(client):
    BibliotheekFactory.create_batch(2)
    few = count_queries(client, reverse("belangstelling:form"))
    for _ in range(30):
        BibliotheekFactory(werkgebied=[GemeenteFactory(), GemeenteFactory()])
    assert count_queries(client, reverse("belangstelling:form")) == few
