"""The idle-timeout warning in a real browser, with the CSP on: it shows a few minutes before
the logout in its live region, "Stay logged in" works from the keyboard and keeps the page,
and at the limit the page goes to the login page with the reason.

The browser's clock (Playwright) and the server's (time-machine, in the live server's
process) are moved forward together."""

from datetime import datetime, timedelta

import time_machine
from django.urls import reverse

from ..accounts.factories import PASSWORD, UserFactory
from ..project.browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from ..project.browser import BROWSER_TEST, assert_no_axe_violations, login

pytestmark = BROWSER_TEST


def test_the_idle_warning_shows_stay_logged_in_keeps_the_page_and_the_limit_logs_out(
    page, live_server
):
    reviewer = UserFactory(kb=True)
    page.clock.install()
    with time_machine.travel(datetime.now().astimezone(), tick=True) as clock:
        login(page, live_server, reviewer, PASSWORD)
        dashboard = page.url
        warning = page.locator("#idle-warning")
        assert warning.is_hidden()

        clock.shift(timedelta(minutes=26))
        page.clock.run_for("26:00")
        warning.wait_for(state="visible")
        assert page.locator(".idle-warning[role=status]").count() == 1
        assert_no_axe_violations(page, "idle-warning")

        page.focus("#idle-stay")
        page.keyboard.press("Enter")
        warning.wait_for(state="hidden")
        assert page.url == dashboard

        clock.shift(timedelta(minutes=31))
        with page.expect_navigation():
            page.clock.run_for("31:00")
        page.wait_for_url(f"**{reverse('login')}**")
        assert "30 minuten niets hebt gedaan" in page.content()
