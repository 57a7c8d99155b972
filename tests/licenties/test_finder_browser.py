"""The public course finder in a real browser, with the CSP on and nobody logged in: a person
types a municipality with the keyboard and reads the answer (a library, none here, several to
choose from, or the question to type a name). Every state passes axe (WCAG 2.1 AA).

Assertions use URLs, ids, roles and data, not the wording of the UI (it is translated)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from licenties.constants import LicentieStatus

from ..aanmelding.factories import BibliotheekFactory, GemeenteFactory
from ..project.browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from ..project.browser import BROWSER_TEST, assert_no_axe_violations, focused_id, screenshot
from .factories import LicentieFactory

pytestmark = BROWSER_TEST


def search(page, text):
    """Type in the field and press Enter, as a person with a keyboard does."""
    page.focus("#id_gemeente")
    page.keyboard.type(text)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def scenario():
    den_haag = GemeenteFactory(naam="Den Haag", provincie="Zuid-Holland")
    GemeenteFactory(naam="Leiden", provincie="Zuid-Holland")
    for naam in ["Bergen (NH)", "Bergen op Zoom"]:
        GemeenteFactory(naam=naam, provincie="Noord-Holland")
    bibliotheek = BibliotheekFactory(
        naam="Bibliotheek Den Haag",
        werkgebied=[den_haag],
        adres="Spui 68",
        postcode="2511 BT",
        plaats="Den Haag",
        telefoon="070 353 4455",
        website="https://www.bibliotheekdenhaag.nl",
    )
    LicentieFactory(
        bibliotheek=bibliotheek,
        begindatum=timezone.localdate() - timedelta(days=60),
        status=LicentieStatus.ACTIEF,
    )


def test_the_finder_answers_each_kind_of_search_puts_the_focus_on_the_answer_and_passes_axe(
    page, live_server
):
    scenario()
    page.goto(live_server.url + reverse("cursus:finder"))
    assert page.locator("#id_gemeente").get_attribute("list") == "gemeente-namen"
    assert page.locator("#gemeente-namen option").count() == 4
    # The test's municipalities are not the map's: every shape is drawn, with a note.
    assert page.locator(".coverage-map svg path").count() == 342
    assert page.locator("#kaart-toelichting").is_visible()
    assert_no_axe_violations(page, "finder")

    # Empty: the error summary takes the focus and links to the field.
    page.focus("#id_gemeente")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "gemeente=" in page.url
    assert focused_id(page) == "foutmeldingen"
    assert page.locator("#foutmeldingen a[href='#id_gemeente']").count() == 1
    assert page.locator("#id_gemeente").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(page, "finder-empty")

    # Covered: the focus on the result's heading, the library with its address and website
    # (never its telephone: it may be the requester's own).
    page.fill("#id_gemeente", "")
    search(page, "den haag")
    assert focused_id(page) == "resultaat"
    assert page.input_value("#id_gemeente") == "den haag"  # kept as typed
    result = page.locator("section[aria-labelledby=resultaat]")
    assert "Bibliotheek Den Haag" in result.inner_text()
    assert result.locator("a[href='https://www.bibliotheekdenhaag.nl']").count() == 1
    assert result.locator("a[href^='tel:']").count() == 0
    assert_no_axe_violations(page, "finder-covered")
    screenshot(page, "finder-covered")

    # Not covered: no library here, the one elsewhere in the province.
    page.fill("#id_gemeente", "")
    search(page, "Leiden")
    assert focused_id(page) == "resultaat"
    result = page.locator("section[aria-labelledby=resultaat]")
    assert result.locator(".alert-warning").count() == 1
    assert "Bibliotheek Den Haag" in result.inner_text()
    assert_no_axe_violations(page, "finder-uncovered")

    # Several: links to choose from, each a search of its own.
    page.fill("#id_gemeente", "")
    search(page, "berg")
    assert focused_id(page) == "resultaat"
    links = page.locator("section[aria-labelledby=resultaat] ul a")
    assert links.count() == 2
    assert_no_axe_violations(page, "finder-ambiguous")
    with page.expect_navigation():
        links.first.click()
    assert page.locator("#resultaat").inner_text().startswith("Bergen (NH)")

    # Unknown: the error beside the field and in the summary.
    page.fill("#id_gemeente", "")
    search(page, "Atlantis")
    assert focused_id(page) == "foutmeldingen"
    assert page.locator("#id_gemeente_error").is_visible()
    assert_no_axe_violations(page, "finder-unknown")


def test_the_finder_is_linked_from_the_login_page_and_every_footer(page, live_server):
    page.goto(live_server.url + reverse("login"))
    finder = reverse("cursus:finder")
    assert page.locator(f"main a[href='{finder}']").count() == 1
    assert page.locator(f"footer a[href='{finder}']").count() == 1
    with page.expect_navigation():
        page.locator(f"main a[href='{finder}']").click()
    assert page.url.endswith(finder)
