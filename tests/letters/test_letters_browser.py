"""The plan page listing its decision letter, in a real browser: it passes axe (WCAG 2.1 AA)
for the library and for a reviewer, and its link downloads the letter.

Assertions use URLs and data, not the wording of the UI (it is translated)."""

from django.urls import reverse

from aanmelding import service
from aanmelding.constants import Advies, Status
from kbregeling.letters import service as letters

from ..aanmelding.factories import AanmeldingFactory, BibliotheekFactory, GemeenteFactory
from ..accounts.factories import PASSWORD, UserFactory, staff_of
from ..project.browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from ..project.browser import BROWSER_TEST, assert_no_axe_violations, login, screenshot

pytestmark = BROWSER_TEST


def test_the_plan_page_with_its_decision_letter_has_no_wcag_21_aa_violations(
    new_page, live_server, monkeypatch
):
    monkeypatch.setattr("kbregeling.letters.service.render_pdf", lambda html: b"%PDF-1.7 test")
    bibliotheek = BibliotheekFactory(
        naam="Bibliotheek Zwolle", werkgebied=[GemeenteFactory(naam="Zwolle")]
    )
    medewerker = staff_of(bibliotheek, first_name="Fatima", last_name="El Amrani")
    kb = UserFactory(kb=True, first_name="Maaike", last_name="Toonen")
    digisterker = UserFactory(digisterker=True, first_name="Piet", last_name="Boekhoudt")
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True)
    service.submit(plan, medewerker)
    service.advise(plan, kb, Advies.POSITIEF, "Een sterk plan.", Status.INGEDIEND)
    service.advise(
        plan, digisterker, Advies.POSITIEF, "Goede samenwerking.", Status.WACHT_OP_DIGISTERKER
    )
    letter = letters.letters_of(plan).get()
    href = reverse("aanmelding:besluitbrief", args=[plan.pk, letter.pk])

    for who in (medewerker, kb):
        page = new_page()
        login(page, live_server, who, PASSWORD)
        page.goto(live_server.url + reverse("aanmelding:detail", args=[plan.pk]))
        link = page.locator(f"a[href='{href}']")
        assert link.count() == 1
        assert_no_axe_violations(page, f"plan-with-letter-{who.username}")
        with page.expect_download() as download:
            link.click()
        assert download.value.suggested_filename == letter.filename
    screenshot(page, "plan-detail-with-letter")
