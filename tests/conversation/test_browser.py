"""The conversation in a real browser: library staff write a message by keyboard alone, and
the page with a thread that holds an internal note passes axe as a reviewer sees it.

Assertions use URLs, ids and data, never the wording of our own UI strings."""

import pytest
from django.urls import reverse

from aanmelding.constants import Status
from kbregeling.conversation import service

from ..aanmelding.factories import AanmeldingFactory, BibliotheekFactory
from ..accounts.factories import PASSWORD, UserFactory, staff_of
from ..project.browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from ..project.browser import BROWSER_TEST, assert_no_axe_violations, focused_id, login

pytestmark = BROWSER_TEST


@pytest.fixture
def plan():
    bibliotheek = BibliotheekFactory()
    return AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)


def test_library_staff_post_a_message_by_keyboard_and_see_it(live_server, page, plan):
    staff = staff_of(plan.bibliotheek)
    login(page, live_server, staff, PASSWORD)
    page.goto(live_server.url + reverse("aanmelding:detail", args=[plan.pk]))

    page.focus("#id_bericht-tekst")
    page.keyboard.type("Wanneer horen we iets over ons plan?")
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_bericht-bijlage"
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url.endswith("#gesprek")
    assert page.locator("#gesprek li.card").count() == 1
    assert "Wanneer horen we iets" in page.inner_text("#gesprek")
    assert page.locator("#gesprek [data-internal]").count() == 0


def test_a_thread_with_an_internal_note_passes_axe_for_a_reviewer(live_server, page, plan):
    staff, kb, digisterker = (
        staff_of(plan.bibliotheek),
        UserFactory(kb=True),
        UserFactory(digisterker=True),
    )
    page_url = reverse("aanmelding:detail", args=[plan.pk])
    service.post(plan, plan.bibliotheek_id, staff, "Een vraag van de bibliotheek.", page_url)
    service.post(plan, plan.bibliotheek_id, kb, "Antwoord van KB.", page_url)
    service.post(plan, plan.bibliotheek_id, kb, "Alleen voor ons.", page_url, intern=True)

    login(page, live_server, digisterker, PASSWORD)
    page.goto(live_server.url + page_url)

    assert page.locator("#gesprek [data-internal]").count() == 1
    assert page.locator("#gesprek [data-new]").count() == 3
    assert_no_axe_violations(page, "plan with a conversation (Digisterker reviewer)")
    page.goto(live_server.url + reverse("aanmelding:berichten", args=[plan.pk]))
    assert_no_axe_violations(page, "conversation page (Digisterker reviewer)")
