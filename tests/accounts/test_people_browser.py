"""The people pages in a real browser, with the CSP on, pass axe (WCAG 2.1 AA): a library's
colleagues with an invitation waiting, the invite form with its errors, KB's administrator's
list, the invitation link's pages, and a person's own details."""

from datetime import timedelta

import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kbregeling.accounts import invitations
from kbregeling.accounts.constants import Rol

from ..project.browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from ..project.browser import BROWSER_TEST, assert_no_axe_violations, login
from .factories import PASSWORD, UserFactory, staff_of

pytestmark = BROWSER_TEST


def link_path(email):
    """The link as the person receives it: the outbox erases a sent private mail's text."""
    body = [message for message in mail.outbox if email in message.to][-1].body
    return "/uitnodiging/" + body.split("/uitnodiging/")[1].split("/")[0] + "/"


def test_the_people_pages_pass_axe(page, live_server, bibliotheek):
    medewerker = staff_of(bibliotheek, first_name="Fatima", last_name="El Amrani")
    staff_of(bibliotheek, is_active=False, gedeactiveerd_op=timezone.now())
    invitations.invite(
        by=medewerker,
        email="collega@bieb.example",
        rol=Rol.BIBLIOTHEEKMEDEWERKER,
        bibliotheek=bibliotheek,
    )
    login(page, live_server, medewerker, PASSWORD)

    page.goto(live_server.url + reverse("accounts:people"))
    assert_no_axe_violations(page, "library-people")
    page.fill("#id_email", "geen-adres")
    with page.expect_navigation():
        page.click("#uitnodigen button[type=submit]")
    assert page.locator("#foutmeldingen").is_visible()
    assert_no_axe_violations(page, "library-people-with-errors")
    for name in ["accounts:profile", "accounts:email_change"]:
        page.goto(live_server.url + reverse(name))
        assert_no_axe_violations(page, name)


def test_the_administrators_list_passes_axe(page, live_server):
    beheerder = UserFactory(rol=Rol.KB_BEHEERDER)
    invitations.invite(by=beheerder, email="lezer@kb.example", rol=Rol.KB_BEOORDELAAR)
    login(page, live_server, beheerder, PASSWORD)

    page.goto(live_server.url + reverse("accounts:reviewer_people"))

    assert page.locator("select#id_rol").is_visible()
    assert_no_axe_violations(page, "reviewer-people")


def test_the_invitation_link_pages_pass_axe(page, live_server, bibliotheek):
    medewerker = staff_of(bibliotheek)
    invitations.invite(
        by=medewerker,
        email="nieuw@bieb.example",
        rol=Rol.BIBLIOTHEEKMEDEWERKER,
        bibliotheek=bibliotheek,
    )
    path = link_path("nieuw@bieb.example")

    page.goto(live_server.url + path)
    assert_no_axe_violations(page, "invitation-accept")
    page.fill("#id_new_password1", "kort")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert_no_axe_violations(page, "invitation-accept-with-errors")
    page.goto(live_server.url + "/uitnodiging/verzonnen/")
    assert_no_axe_violations(page, "invitation-unusable")
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        page.goto(live_server.url + path)
        assert "verlopen" in page.content()
        assert_no_axe_violations(page, "invitation-expired")
