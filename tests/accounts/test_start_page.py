"""The start page sends each role to its work; without a role or an active account a user
reaches nothing.
"""

import pytest
from django.urls import reverse

from kbregeling.accounts.constants import Rol

from ..accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def detail_url(plan):
    return reverse("aanmelding:detail", args=[plan.pk])


def test_anonymous_start_page_sends_to_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_user_without_a_role_gets_the_no_role_page(client, concept):
    nobody = UserFactory()
    client.force_login(nobody)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "no_role.html"
    assert client.get(detail_url(concept)).status_code == 404
    assert client.get(reverse("aanmelding:dashboard")).status_code == 403


@pytest.mark.parametrize(
    ("rol", "page"),
    [
        (Rol.KB_BEOORDELAAR, "rapportage:queue"),
        (Rol.DIGISTERKER_BEOORDELAAR, "rapportage:queue"),
        (Rol.COORDINATOR, "aanmelding:overview"),
    ],
)
def test_the_start_page_sends_each_role_to_its_work(client, rol, page):
    client.force_login(UserFactory(rol=rol))
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url == reverse(page)


def test_the_start_page_sends_library_staff_to_their_task_list(client, medewerker):
    client.force_login(medewerker)
    assert client.get(reverse("home")).url == reverse("taken:list")


def test_a_deactivated_reviewer_is_logged_out_at_once(client, ingediend):
    reviewer = UserFactory(kb=True)
    client.force_login(reviewer)
    reviewer.is_active = False
    reviewer.save()
    assert not reviewer.heeft_rol(Rol.KB_BEOORDELAAR)
    response = client.get(detail_url(ingediend))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
