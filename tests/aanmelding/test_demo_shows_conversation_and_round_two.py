"""The demo shows issue 12's features with real data: a conversation with an internal note
on Groningen's plan, and Utrecht's plan in round 2 with what changed and the answer."""

from io import StringIO

import pytest
from django.core.management import call_command

from aanmelding.models import Aanmelding
from kbregeling.accounts.models import Gebruiker

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_gemeenten", stdout=StringIO())
    call_command("load_demo", "--force", stdout=StringIO())


def page(client, username, url):
    client.force_login(Gebruiker.objects.get(username=username))
    return client.get(url).content.decode()


def test_demo_thread_shows_the_internal_note_to_reviewers_and_not_to_the_library(client, demo):
    plan = Aanmelding.objects.get(bibliotheek__naam="Biblionet Groningen")
    url = f"/aanmeldingen/{plan.pk}/"
    note = "zie ons verslag van dat overleg"

    assert note in page(client, "kb", url)
    library_page = page(client, "groningen", url)
    assert "we overleggen deze week met de gemeenten" in library_page
    assert note not in library_page


def test_demo_plan_in_round_two_shows_the_change_and_the_answer(client, demo):
    plan = Aanmelding.objects.get(bibliotheek__naam="Bibliotheek Utrecht")
    assert plan.ronde == 2

    changes = page(client, "kb", f"/aanmeldingen/{plan.pk}/wijzigingen/")
    assert "Hoe bereikt u mensen die niet zelf komen?" in changes
    assert "Via de wijkteams en het sociaal domein van de gemeente" in changes
    assert "Informatiepunt Digitale Overheid" in changes
