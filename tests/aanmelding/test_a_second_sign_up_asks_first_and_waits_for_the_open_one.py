"""Starting a sign-up asks first, saying what it means; it is refused, with a Dutch
explanation and a link to the open one, while the library has a sign-up that is not finished
(draft, submitted, being assessed, more information asked)."""

import pytest
from django.urls import reverse

from aanmelding import service
from aanmelding.constants import Status
from aanmelding.models import Aanmelding

from .factories import AanmeldingFactory

pytestmark = pytest.mark.django_db

START = reverse("aanmelding:create")
CONFIRMED = {"bevestigd": "ja"}
OPEN = [
    Status.CONCEPT,
    Status.INGEDIEND,
    Status.WACHT_OP_KB,
    Status.WACHT_OP_DIGISTERKER,
    Status.AANVULLING_GEVRAAGD,
]


def test_the_start_button_leads_to_a_question_not_to_a_new_draft(client, medewerker, bibliotheek):
    client.force_login(medewerker)

    mine = client.get(reverse("aanmelding:mine")).content.decode()
    page = client.get(START)

    assert f'href="{START}"' in mine  # a link to the question, not a form that creates
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="bevestigd" value="ja"' in html
    assert "nieuw plan van aanpak" in html
    assert not Aanmelding.objects.filter(bibliotheek=bibliotheek).exists()


def test_a_post_without_the_confirmation_asks_first(client, medewerker, bibliotheek):
    client.force_login(medewerker)

    response = client.post(START)

    assert response["Location"] == START
    assert not Aanmelding.objects.filter(bibliotheek=bibliotheek).exists()


def test_a_library_with_an_approved_plan_is_told_it_needs_no_new_sign_up_to_renew(
    client, medewerker, bibliotheek
):
    AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.GOEDGEKEURD)
    client.force_login(medewerker)

    html = client.get(START).content.decode()

    assert "al een goedgekeurd plan" in html
    assert 'name="bevestigd"' in html  # it may still start one, after reading this


@pytest.mark.parametrize("status", OPEN[1:])
def test_the_question_is_refused_while_a_sign_up_is_open(client, medewerker, bibliotheek, status):
    open_one = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=status)
    client.force_login(medewerker)

    html = client.get(START).content.decode()

    assert "Je kunt nu geen nieuwe aanmelding starten" in html
    assert f'href="{reverse("aanmelding:detail", args=[open_one.pk])}"' in html
    assert 'name="bevestigd"' not in html


@pytest.mark.parametrize("status", OPEN[1:])
def test_a_confirmed_start_is_refused_while_a_sign_up_is_open(
    client, medewerker, bibliotheek, status
):
    open_one = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=status)
    client.force_login(medewerker)

    response = client.post(START, CONFIRMED)

    assert response.status_code == 409
    assert f'href="{reverse("aanmelding:detail", args=[open_one.pk])}"' in response.content.decode()
    assert Aanmelding.objects.filter(bibliotheek=bibliotheek).count() == 1


@pytest.mark.parametrize("status", OPEN)
def test_the_service_refuses_a_second_sign_up_and_names_the_open_one(
    medewerker, bibliotheek, status
):
    open_one = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=status)

    with pytest.raises(service.OpenSignUp) as refused:
        service.start(bibliotheek, by=medewerker)

    assert refused.value.aanmelding == open_one


def test_a_confirmed_start_makes_the_draft(client, medewerker, bibliotheek):
    client.force_login(medewerker)

    response = client.post(START, CONFIRMED)

    draft = Aanmelding.objects.get(bibliotheek=bibliotheek)
    assert response["Location"] == reverse("aanmelding:edit", args=[draft.pk])
