"""Fixtures and helpers of the browser tests: Debian's Chromium driven by Playwright, a login
through the real login page, and axe-core checks against WCAG 2.1 AA.

Playwright's own browser download is not used: the tests drive ``/usr/bin/chromium`` and are
skipped when it is not installed (``make browser`` installs it where it may).
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
HAVE_CHROMIUM = Path(CHROMIUM).exists() or shutil.which("chromium") is not None

#: The marks of every browser test module: ``pytestmark = BROWSER_TEST``.
BROWSER_TEST = [
    pytest.mark.browser,
    pytest.mark.skipif(not HAVE_CHROMIUM, reason="Debian's chromium is not installed"),
    # The live server needs committed data; the roles (groups made by a data migration)
    # are restored before each test from the serialized test database.
    pytest.mark.django_db(transaction=True),
]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

__all__ = ["browser", "page", "new_page"]


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module.

    Playwright's sync API keeps an asyncio loop running in this thread. So Django must be
    told that the tests may still use the ORM synchronously, and, because Django's
    connections are local to the async context while a loop runs, the tests must be handed
    the same connection objects as outside it: else they would get fresh ones that lack the
    test database's serialized contents (and with them the roles made by migrations)."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    outside = {alias: connections[alias] for alias in connections}
    try:
        with sync_playwright() as playwright:
            for alias, connection in outside.items():
                connections[alias] = connection
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
                args=CHROMIUM_ARGS,
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_page(browser):
    """Open a page in a fresh browser context (its own cookies: one person per context)."""
    contexts = []

    def open_page():
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, locale="nl-NL", reduced_motion="reduce"
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def login(page, live_server, user, password):
    """Log in through the real login page, as a person would: with the code of the
    authenticator app (tests.accounts.factories.TOTP_SECRET) when the page asks for one."""
    from django.urls import reverse

    from ..accounts.factories import totp_code

    page.goto(live_server.url + reverse("login"))
    page.fill("#id_login", user.username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    if reverse("mfa_authenticate") in page.url:
        page.fill("#id_code", totp_code())
        with page.expect_navigation():
            page.click("main form button[type=submit]")
    assert reverse("login") not in page.url, f"login of {user.username} failed"
    assert reverse("mfa_authenticate") not in page.url, f"code of {user.username} refused"


def focused_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


def assert_no_axe_violations(page, name):
    """Run axe-core (WCAG 2.1 A and AA rules) on the current page; fail with a readable list."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    violations = results.response["violations"]
    if not violations:
        return
    lines = [f"{len(violations)} axe violation(s) on {name} ({page.url}):"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} [{violation['impact']}]: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"][:10]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:200]}")
            for check in node.get("any", []) + node.get("all", []) + node.get("none", []):
                lines.append(f"       * {check['message']}")
    pytest.fail("\n".join(lines), pytrace=False)


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
