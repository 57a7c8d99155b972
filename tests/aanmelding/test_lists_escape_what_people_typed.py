"""The long lists draw their rows in Python (``aanmelding_lists``) rather than in the
template; what a library or a requester typed is still shown as text, never as markup."""

import pytest
from django.urls import reverse
from django.utils import timezone

from aanmelding.constants import Status
from aanmelding.models import Belangstelling

from .factories import AanmeldingFactory, BibliotheekFactory, GemeenteFactory

pytestmark = pytest.mark.django_db

MARKUP = '<b onclick="x()">Bieb & Co</b>'
SHOWN = "&lt;b onclick=&quot;x()&quot;&gt;Bieb &amp; Co&lt;/b&gt;"


def request(**fields):
    belangstelling = Belangstelling.objects.create(
        naam=MARKUP, organisatie=MARKUP, email="a@b.example", bericht=MARKUP, **fields
    )
    belangstelling.gemeenten.set([GemeenteFactory(naam="Zeist"), GemeenteFactory(naam="Baarn")])
    return belangstelling


def test_the_interest_queue_shows_what_the_requester_typed_as_text(beheer_client, beheerder):
    waiting = request()
    request(
        status=Belangstelling.Status.AFGEWEZEN,
        reden=MARKUP,
        behandeld_door=beheerder,
        behandeld_op=timezone.now(),
    )

    page = beheer_client.get(reverse("beheer:interest")).content.decode()

    assert MARKUP not in page
    # the card's title, name, message and both actions; the row's name, requester and reason
    assert page.count(SHOWN) == 5 + 3
    assert page.count("Baarn, Zeist") == 2
    assert f'href="{reverse("beheer:interest_decline", args=[waiting.pk])}"' in page


def test_the_lists_of_libraries_and_plans_show_a_library_name_as_text(client, kb, beheerder):
    bibliotheek = BibliotheekFactory(naam=MARKUP)
    AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)

    client.force_login(beheerder)
    libraries = client.get(reverse("beheer:libraries")).content.decode()
    client.force_login(kb)
    plans = client.get(reverse("aanmelding:dashboard") + "?status=alle").content.decode()

    for page in (libraries, plans):
        assert MARKUP not in page
        assert SHOWN in page
