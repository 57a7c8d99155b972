"""Every licence year links to its year report and to the agreement; the licence list's
library names link to the library's page; an approved plan links Digisterker's reviewers to
the agreement form of its library. A link appears only where the viewer may open it."""

from datetime import date

import pytest
from django.urls import reverse

from aanmelding.constants import Status
from rapportage.constants import RapportageStatus as R

from ..aanmelding.factories import AanmeldingFactory
from ..accounts.factories import UserFactory, staff_of
from ..rapportage.factories import RapportageFactory
from .factories import LicentieFactory

pytestmark = pytest.mark.django_db


def licence_with_report(status):
    licentie = LicentieFactory(verlopen=True, begindatum=date(2025, 1, 1), getekend=True)
    report = RapportageFactory(licentie=licentie, status=status, ingevuld=status != R.OPEN)
    return licentie, report


def page(client, user, name, *args):
    client.force_login(user)
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content.decode()


def href(name, *args):
    return f'href="{reverse(name, args=args)}'


@pytest.mark.parametrize("status", [R.OPEN, R.INGEDIEND])
def test_library_staff_reach_their_report_and_agreement_from_the_licence(client, status):
    licentie, report = licence_with_report(status)
    staff = staff_of(licentie.bibliotheek)

    html = page(client, staff, "licenties:detail", licentie.pk)

    assert href("rapportage:detail", report.pk) in html
    assert href("licenties:library", licentie.bibliotheek_id) + "#overeenkomst-kop" in html
    assert href("licenties:agreement", licentie.bibliotheek_id) not in html
    library = page(client, staff, "licenties:library", licentie.bibliotheek_id)
    assert href("rapportage:detail", report.pk) in library


@pytest.mark.parametrize("role", [{"kb": True}, {"digisterker": True}, {"coordinator": True}])
def test_reviewers_reach_a_submitted_report_but_see_only_the_state_of_an_unsubmitted_one(
    client, role
):
    user = UserFactory(**role)
    submitted, report = licence_with_report(R.INGEDIEND)
    unsubmitted, open_report = licence_with_report(R.OPEN)

    assert href("rapportage:detail", report.pk) in page(
        client, user, "licenties:detail", submitted.pk
    )
    html = page(client, user, "licenties:detail", unsubmitted.pk)
    assert href("rapportage:detail", open_report.pk) not in html
    assert "nog niet ingediend" in html


def test_only_digisterker_gets_the_agreement_form_from_a_licence(client):
    licentie, _ = licence_with_report(R.OPEN)
    form = href("licenties:agreement", licentie.bibliotheek_id)

    assert form in page(client, UserFactory(digisterker=True), "licenties:detail", licentie.pk)
    assert form not in page(client, UserFactory(kb=True), "licenties:detail", licentie.pk)


def test_the_licence_list_links_each_library_to_its_page(client):
    licentie = LicentieFactory()

    html = page(client, UserFactory(kb=True), "licenties:list")

    assert href("licenties:library", licentie.bibliotheek_id) in html


def test_an_approved_plan_links_digisterker_to_the_agreement_form(client):
    approved = AanmeldingFactory(compleet=True, status=Status.GOEDGEKEURD)
    submitted = AanmeldingFactory(compleet=True, status=Status.INGEDIEND)
    form = href("licenties:agreement", approved.bibliotheek_id)
    digisterker = UserFactory(digisterker=True)

    assert form in page(client, digisterker, "aanmelding:detail", approved.pk)
    assert form not in page(client, UserFactory(kb=True), "aanmelding:detail", approved.pk)
    assert form not in page(
        client, staff_of(approved.bibliotheek), "aanmelding:detail", approved.pk
    )
    other_form = href("licenties:agreement", submitted.bibliotheek_id)
    assert other_form not in page(client, digisterker, "aanmelding:detail", submitted.pk)
