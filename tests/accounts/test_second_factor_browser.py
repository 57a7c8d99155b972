"""The second factor in a real browser, with the CSP on: a reviewer without one is led to its
set-up, reads the key as text, sets it up from the keyboard, sees the recovery codes, and the
next login asks for the code. Every screen passes axe (WCAG 2.1 AA)."""

from django.urls import reverse

from ..project.browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from ..project.browser import BROWSER_TEST, assert_no_axe_violations, screenshot
from .factories import PASSWORD, UserFactory, totp_code

pytestmark = BROWSER_TEST


def submit(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_a_reviewer_sets_up_the_app_by_keyboard_and_then_logs_in_with_a_code(page, live_server):
    reviewer = UserFactory(kb=True, second_factor=False)
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_login", reviewer.username)
    page.fill("#id_password", PASSWORD)
    submit(page)

    assert page.url.endswith(reverse("mfa_activate_totp"))
    assert page.locator("img[alt^='QR-code']").is_visible()
    assert_no_axe_violations(page, "second-factor-set-up")
    page.fill("#id_code", "000000" if totp_code() != "000000" else "111111")
    submit(page)
    assert page.locator("#foutmeldingen").is_visible()
    assert_no_axe_violations(page, "second-factor-set-up-with-errors")

    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.fill("#id_code", totp_code(secret))
    submit(page)
    assert page.url.endswith(reverse("mfa_view_recovery_codes"))
    assert page.locator(".recovery-codes li").count() == 10
    assert_no_axe_violations(page, "recovery-codes")
    screenshot(page, "second-factor-recovery-codes")

    page.goto(live_server.url + reverse("mfa_index"))
    assert_no_axe_violations(page, "login-and-security")
    page.goto(live_server.url + reverse("aanmelding:dashboard"))
    assert page.url.endswith(reverse("aanmelding:dashboard"))

    page.click("header form button[type=submit]")  # log out
    page.wait_for_url(f"**{reverse('login')}**")
    page.fill("#id_login", reviewer.username)
    page.fill("#id_password", PASSWORD)
    submit(page)
    assert page.url.endswith(reverse("mfa_authenticate"))
    assert_no_axe_violations(page, "second-factor-code")
    page.fill("#id_code", "12345")
    submit(page)
    assert_no_axe_violations(page, "second-factor-code-with-errors")


def test_the_confirmation_pages_pass_axe(page, live_server):
    reviewer = UserFactory(kb=True)
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_login", reviewer.username)
    page.fill("#id_password", PASSWORD)
    submit(page)
    page.fill("#id_code", totp_code())
    submit(page)

    for name in ["account_reauthenticate", "mfa_reauthenticate", "account_change_password"]:
        page.goto(live_server.url + reverse(name))
        assert_no_axe_violations(page, name)
