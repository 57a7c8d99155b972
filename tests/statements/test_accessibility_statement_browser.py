"""The accessibility statement in a real browser, nobody logged in: it passes axe (WCAG 2.1
AA) and its footer links are reached with the keyboard."""

from django.urls import reverse

from ..project.browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from ..project.browser import BROWSER_TEST, assert_no_axe_violations

pytestmark = BROWSER_TEST


def test_the_statement_passes_axe_and_its_footer_is_reached_by_keyboard(page, live_server):
    page.goto(live_server.url + reverse("statements:accessibility"))
    assert_no_axe_violations(page, "accessibility-statement")

    hrefs = []
    for _ in range(40):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.getAttribute('href')")
        hrefs.append(href)
        if href == reverse("cursus:finder"):
            break
    assert reverse("privacy:page") in hrefs
    assert reverse("statements:accessibility") in hrefs
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(reverse("cursus:finder"))
