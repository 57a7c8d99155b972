"""Each refusal says what is true for the page and the person; the coordinator's report list
is not "awaiting me" (the coordinator awaits nobody) and hides the reports already decided."""

import pytest
from django.urls import reverse

from rapportage.constants import RapportageStatus as R

from ..accounts.factories import UserFactory
from .factories import RapportageFactory

pytestmark = pytest.mark.django_db

SIGN_UP_TEXT = "Alleen bibliotheekmedewerkers kunnen hun bibliotheek aanmelden."
ROLES = [{"kb": True}, {"digisterker": True}, {"coordinator": True}]


@pytest.mark.parametrize("role", ROLES)
def test_a_reviewer_on_the_library_reports_page_is_told_where_the_reports_are(client, role):
    client.force_login(UserFactory(**role))

    response = client.get(reverse("rapportage:mine"))

    html = response.content.decode()
    assert response.status_code == 403
    assert SIGN_UP_TEXT not in html
    assert "eigen jaarrapportages van een bibliotheek" in html
    assert "onder Jaarrapportages" in html


@pytest.mark.parametrize("role", ROLES)
def test_a_reviewer_on_the_library_sign_ups_page_is_told_where_the_plans_are(client, role):
    client.force_login(UserFactory(**role))

    response = client.get(reverse("aanmelding:mine"))

    assert response.status_code == 403
    assert "onder Aanmeldingen" in response.content.decode()


def test_a_person_without_a_role_is_not_told_about_signing_up(client):
    client.force_login(UserFactory())

    response = client.get(reverse("rapportage:mine"))

    assert response.status_code == 403
    assert SIGN_UP_TEXT not in response.content.decode()


def test_the_coordinators_report_list_shows_what_is_not_decided_yet(client):
    submitted = RapportageFactory(ingevuld=True, status=R.INGEDIEND)
    renewed = RapportageFactory(ingevuld=True, status=R.VERLENGD)
    client.force_login(UserFactory(coordinator=True))

    response = client.get(reverse("rapportage:dashboard"))

    shown = [row["pk"] for row in response.context["page"].object_list]
    html = response.content.decode()
    assert submitted.pk in shown
    assert renewed.pk not in shown
    assert "Wacht op mij" not in html
    assert "Nog niet afgerond" in html
    everything = client.get(reverse("rapportage:dashboard") + "?status=alle")
    assert renewed.pk in [row["pk"] for row in everything.context["page"].object_list]


def test_a_reviewer_still_filters_on_what_awaits_them(client):
    client.force_login(UserFactory(kb=True))

    html = client.get(reverse("rapportage:dashboard")).content.decode()

    assert "Wacht op mij" in html
