"""Onboarding a library in a real browser, with the CSP on, through its pages: a library shows
its interest on the public page, KB's administrator adds it from the queue choosing the
werkgebied with the picker by keyboard, the contact person opens the invitation from the mail
and lands, logged in, on their library's start page. Every screen passes axe (WCAG 2.1 AA).

Assertions use URLs, ids, roles and data, not the wording of the UI (it is translated)."""

import re

from django.urls import reverse

from aanmelding.models import Belangstelling, Bibliotheek
from kbregeling.accounts.models import Gebruiker

from ..accounts.factories import PASSWORD, UserFactory
from ..project.browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from ..project.browser import BROWSER_TEST, assert_no_axe_violations, focused_id, login, screenshot
from .factories import BibliotheekFactory, GemeenteFactory

pytestmark = BROWSER_TEST


def submit(page, selector="main form button[type=submit]"):
    with page.expect_navigation():
        page.click(selector)


def chosen(page):
    return [
        text.strip()
        for text in page.locator(".gemeente-picker-chosen li > span").evaluate_all(
            "spans => spans.map(s => s.firstChild.textContent)"
        )
    ]


def test_a_library_is_onboarded_from_its_interest_request_to_its_first_login(
    page, new_page, live_server, mailoutbox
):
    from playwright.sync_api import expect

    gemeenten = {
        n: GemeenteFactory(naam=n) for n in ["Amersfoort", "Amstelveen", "Leusden", "Soest"]
    }
    BibliotheekFactory(naam="Bibliotheek Soest en Baarn", werkgebied=[gemeenten["Soest"]])
    beheerder = UserFactory(beheerder=True, email="beheer@kb.example")

    # 1. The public page: the picker by keyboard, a live region counting the matches.
    page.goto(live_server.url + reverse("belangstelling:form"))
    assert page.locator("#id_gemeenten").is_hidden()
    assert_no_axe_violations(page, "interest-form")
    page.fill("#id_naam", "Anouk Visser")
    page.fill("#id_organisatie", "Bibliotheek Eemland")
    page.fill("#id_email", "anouk@eemland.example")
    combobox = page.locator("#id_gemeenten_zoek")
    assert combobox.get_attribute("role") == "combobox"
    assert combobox.get_attribute("aria-controls") == "id_gemeenten_lijst"
    combobox.focus()
    page.keyboard.type("am")
    assert combobox.get_attribute("aria-expanded") == "true"
    options = page.locator("#id_gemeenten_lijst [role=option]")
    assert options.count() == 2  # Amersfoort, Amstelveen
    expect(page.locator("#id_gemeenten_status")).to_contain_text("2")  # announced
    page.keyboard.press("ArrowDown")
    active = combobox.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    assert_no_axe_violations(page, "interest-form-picker-open")
    page.keyboard.press("Enter")
    assert combobox.get_attribute("aria-expanded") == "false"
    assert chosen(page) == ["Amersfoort"]
    assert focused_id(page) == "id_gemeenten_zoek"
    page.keyboard.type("leus")
    page.keyboard.press("Enter")  # the one match
    assert chosen(page) == ["Amersfoort", "Leusden"]
    page.keyboard.type("zzz")
    page.keyboard.press("Escape")
    assert combobox.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Escape")
    assert combobox.input_value() == ""
    assert page.input_value("#id_gemeenten") == "Amersfoort\nLeusden"
    page.fill("#id_bericht", "Wij willen graag meedoen.")
    submit(page)
    assert page.url.endswith(reverse("belangstelling:thanks"))
    assert_no_axe_violations(page, "interest-thanks")
    belangstelling = Belangstelling.objects.get()
    assert [g.naam for g in belangstelling.gemeenten.order_by("naam")] == ["Amersfoort", "Leusden"]

    # 2. KB's administrator: the queue, then the library from the request.
    admin_page = new_page()
    login(admin_page, live_server, beheerder, PASSWORD)
    assert admin_page.url.endswith(reverse("beheer:libraries"))
    assert_no_axe_violations(admin_page, "libraries")
    admin_page.goto(live_server.url + reverse("beheer:interest"))
    assert_no_axe_violations(admin_page, "interest-queue")
    submit(admin_page, f"a[href$='?belangstelling={belangstelling.pk}']")
    assert admin_page.input_value("#id_naam") == "Bibliotheek Eemland"
    assert chosen(admin_page) == ["Amersfoort", "Leusden"]
    assert admin_page.input_value("#id_email") == "anouk@eemland.example"
    assert_no_axe_violations(admin_page, "library-new-from-interest")

    # Soest, served by another library: offered, and said so. Remove Leusden again.
    combobox = admin_page.locator("#id_werkgebied_zoek")
    combobox.focus()
    admin_page.keyboard.type("soe")
    assert "Bibliotheek Soest en Baarn" in admin_page.locator("#id_werkgebied_lijst").inner_text()
    admin_page.keyboard.press("ArrowDown")
    admin_page.keyboard.press("Enter")
    assert chosen(admin_page) == ["Amersfoort", "Leusden", "Soest"]
    assert (
        "Bibliotheek Soest en Baarn" in admin_page.locator(".gemeente-picker-chosen").inner_text()
    )
    leusden = admin_page.locator(".gemeente-picker-chosen li", has_text="Leusden")
    leusden.locator("button").focus()
    admin_page.keyboard.press("Enter")
    assert chosen(admin_page) == ["Amersfoort", "Soest"]
    assert admin_page.evaluate("document.activeElement.tagName") == "BUTTON"
    admin_page.fill("#id_plaats", "Amersfoort")
    submit(admin_page)
    bibliotheek = Bibliotheek.objects.get(naam="Bibliotheek Eemland")
    assert admin_page.url.endswith(reverse("beheer:library_edit", args=[bibliotheek.pk]))
    assert sorted(g.naam for g in bibliotheek.werkgebied.all()) == ["Amersfoort", "Soest"]
    assert Belangstelling.objects.get().status == Belangstelling.Status.AANGEMELD
    assert_no_axe_violations(admin_page, "library-edit")
    screenshot(admin_page, "library-onboarded")

    # 3. The invitation mail, then the contact person's first visit.
    [invitation] = [m for m in mailoutbox if "/uitnodiging/" in m.body]
    assert invitation.to == ["anouk@eemland.example"]
    link = re.search(r"https?://\S+/uitnodiging/\S+/", invitation.body).group(0)
    contact_page = new_page()
    contact_page.goto(live_server.url + link[link.index("/uitnodiging/") :])
    assert contact_page.input_value("#id_voornaam") == "Anouk"
    assert_no_axe_violations(contact_page, "invitation-accept")
    contact_page.fill("#id_new_password1", "Eemland-leest-2026!")
    contact_page.fill("#id_new_password2", "Eemland-leest-2026!")
    submit(contact_page)
    assert contact_page.url.endswith(reverse("taken:list"))
    person = Gebruiker.objects.get(email="anouk@eemland.example")
    assert person.is_bibliotheekmedewerker and person.bibliotheek == bibliotheek
    assert_no_axe_violations(contact_page, "first-start-page")
