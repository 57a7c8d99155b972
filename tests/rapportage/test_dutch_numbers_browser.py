"""In a real browser (Chromium, Dutch locale), library staff type "8,4" and "4.000" into
their year report draft: stored as 8.4 and 4000, and shown back as they typed them."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from rapportage.models import Rapportage

from ..aanmelding.factories import BibliotheekFactory, GemeenteFactory
from ..accounts.factories import PASSWORD, staff_of
from ..licenties.factories import LicentieFactory
from ..project.browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from ..project.browser import BROWSER_TEST, assert_no_axe_violations, login, screenshot
from .factories import RapportageFactory

pytestmark = BROWSER_TEST


def test_library_staff_type_dutch_numbers_in_the_year_report_and_they_are_stored_as_meant(
    page, live_server
):
    bibliotheek = BibliotheekFactory(werkgebied=[GemeenteFactory(naam="Eindhoven")])
    medewerker = staff_of(bibliotheek)
    licentie = LicentieFactory(
        bibliotheek=bibliotheek, actief=True, begindatum=date(date.today().year, 1, 1)
    )
    rapportage = RapportageFactory(licentie=licentie)
    edit_url = live_server.url + reverse("rapportage:edit", args=[rapportage.pk])

    login(page, live_server, medewerker, PASSWORD)
    page.goto(edit_url)
    for field_id, typed in [("id_tevredenheid", "8,4"), ("id_deelnemers_aangemeld", "4.000")]:
        assert page.get_attribute(f"#{field_id}", "type") == "text"
        page.click(f"#{field_id}")
        page.keyboard.type(typed)
    assert page.get_attribute("#id_tevredenheid", "inputmode") == "decimal"
    assert page.get_attribute("#id_deelnemers_aangemeld", "inputmode") == "numeric"
    with page.expect_navigation():
        page.click("button[name=opslaan]")

    assert page.url.split("#")[0] == edit_url
    assert page.locator(".messages .alert-success").is_visible()
    rapportage = Rapportage.objects.get(pk=rapportage.pk)
    assert rapportage.tevredenheid == Decimal("8.4")
    assert rapportage.deelnemers_aangemeld == 4000
    assert page.input_value("#id_tevredenheid") == "8,4"
    assert page.input_value("#id_deelnemers_aangemeld") == "4.000"
    screenshot(page, "report-edit-dutch-numbers")


def test_a_refused_number_is_explained_beside_its_field_in_the_browser(page, live_server):
    bibliotheek = BibliotheekFactory(werkgebied=[GemeenteFactory(naam="Veldhoven")])
    medewerker = staff_of(bibliotheek)
    licentie = LicentieFactory(
        bibliotheek=bibliotheek, actief=True, begindatum=date(date.today().year, 1, 1)
    )
    rapportage = RapportageFactory(licentie=licentie)

    login(page, live_server, medewerker, PASSWORD)
    page.goto(live_server.url + reverse("rapportage:edit", args=[rapportage.pk]))
    page.fill("#id_deelnemers_aangemeld", "1e5")
    with page.expect_navigation():
        page.click("button[name=opslaan]")

    assert page.get_attribute("#id_deelnemers_aangemeld", "aria-invalid") == "true"
    assert page.input_value("#id_deelnemers_aangemeld") == "1e5"
    assert "1e5" in page.locator("#id_deelnemers_aangemeld ~ .invalid-feedback").inner_text()
    assert Rapportage.objects.get(pk=rapportage.pk).deelnemers_aangemeld is None
    assert_no_axe_violations(page, "report-edit-refused-number")
