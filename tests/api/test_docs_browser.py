"""The documentation page /api/v1/docs/ in a real browser: Swagger UI from the local static
files renders the schema's operations under the site's Content-Security-Policy as it is, with
no violation and no request to another host. And KB's administrator's token page, with axe."""

from urllib.parse import urlparse

import pytest
from django.urls import reverse

from kbregeling.api.models import ApiToken, hash_key

from ..aanmelding.factories import BibliotheekFactory
from ..accounts.factories import PASSWORD, UserFactory
from ..project.browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from ..project.browser import BROWSER_TEST, assert_no_axe_violations, login, screenshot

pytestmark = BROWSER_TEST


@pytest.fixture
def watched(page):
    """The page with a record of its console errors, CSP violations and foreign requests."""
    seen = {"console": [], "violations": [], "hosts": set()}
    page.on(
        "console",
        lambda message: (
            message.type in ("error", "warning") and seen["console"].append(message.text)
        ),
    )
    page.on("request", lambda request: seen["hosts"].add(urlparse(request.url).netloc))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "(window.__violations = window.__violations || [])"
        ".push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    return page, seen


def test_the_documentation_page_renders_under_the_csp_without_violations(watched, live_server):
    page, seen = watched

    response = page.goto(live_server.url + reverse("api:docs"))
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)

    assert "unsafe-inline" not in response.headers["content-security-policy"]
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/licenties" in [path.strip() for path in paths]
    assert (
        page.locator("h2.title, .info .title")
        .first.inner_text()
        .startswith("API van de Digisterker-regeling")
    )
    # Open an operation and call it from the page: its answer is shown, still without violations.
    page.locator("#operations-gemeenten-gemeenten_list .opblock-summary").click()
    page.locator("#operations-gemeenten-gemeenten_list .try-out__btn").click()
    page.locator("#operations-gemeenten-gemeenten_list .execute").click()
    page.wait_for_selector("#operations-gemeenten-gemeenten_list .live-responses-table")
    violations = page.evaluate("window.__violations || []")
    screenshot(page, "api-docs")
    assert violations == []
    assert [text for text in seen["console"] if "Content Security Policy" in text] == []
    assert seen["hosts"] == {urlparse(live_server.url).netloc}


def test_the_administrator_makes_a_token_in_the_browser_and_the_page_is_accessible(
    page, live_server
):
    BibliotheekFactory(naam="Bibliotheek Eigen")
    beheerder = UserFactory(beheerder=True, email="beheer@kb.example")
    login(page, live_server, beheerder, PASSWORD)

    page.goto(live_server.url + reverse("api_tokens:list"))
    page.fill("#id_organisatie", "Bibliotheek Eigen")
    page.select_option("#id_bibliotheek", label="Bibliotheek Eigen")
    with page.expect_navigation():
        page.click("main form button[type=submit]")

    key = page.inner_text("#api-key")
    assert ApiToken.objects.get().sleutel_hash == hash_key(key)
    assert_no_axe_violations(page, "API tokens")
    screenshot(page, "api-tokens")


def test_the_documentation_page_passes_axe(page, live_server):
    page.goto(live_server.url + reverse("api:docs"))
    page.wait_for_selector(".opblock-summary-path", timeout=15_000)

    assert_no_axe_violations(page, "API documentation")
