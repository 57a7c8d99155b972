"""A municipal change in a real browser: the library finds it on its task list, confirms the
part of a split it serves (after first choosing none), and KB reads the list of changes and
an earlier year's map with its note. Every screen passes axe (WCAG 2.1 AA)."""

from datetime import date

from django.urls import reverse

from aanmelding.models import Bibliotheek, Gemeente
from aanmelding.reference_data import DATA, load_gemeenten

from ..accounts.factories import PASSWORD, UserFactory, staff_of
from ..licenties.factories import LicentieFactory
from ..project.browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from ..project.browser import BROWSER_TEST, assert_no_axe_violations, login, screenshot
from .factories import BibliotheekFactory, GemeenteFactory

pytestmark = BROWSER_TEST


def submit(page):
    with page.expect_navigation():
        page.click("main form button[type=submit]")


def test_a_library_confirms_a_split_and_kb_sees_it(page, new_page, live_server):
    load_gemeenten()  # 2025; Haaren, which a library served in 2020, is still there
    haaren = GemeenteFactory(cbs_code="GM0788", naam="Haaren", provincie="Noord-Brabant")
    bibliotheek = BibliotheekFactory(naam="Bibliotheek Haaren", werkgebied=[haaren])
    LicentieFactory(
        bibliotheek=bibliotheek, verlopen=True, begindatum=date(2020, 1, 1), gemeenten=[haaren]
    )
    load_gemeenten(wijzigingen=DATA / "gemeentewijzigingen-2021-2023.csv")

    # The library: its task list leads to the change; all four successors are ticked.
    login(page, live_server, staff_of(bibliotheek), PASSWORD)
    page.goto(live_server.url + reverse("taken:list"))
    assert_no_axe_violations(page, "tasklist-with-change")
    with page.expect_navigation():
        page.click("#taken a[href*='/werkgebied/']")
    boxes = page.locator("input[name=gekozen]")
    assert boxes.count() == 4
    assert all(boxes.nth(i).is_checked() for i in range(4))
    assert_no_axe_violations(page, "werkgebied-change")
    for i in range(4):
        boxes.nth(i).uncheck()
    submit(page)
    assert page.locator("#foutmeldingen").is_visible()
    assert_no_axe_violations(page, "werkgebied-change-error")
    vught = Gemeente.objects.get(cbs_code="GM0865")
    page.check(f"input[name=gekozen][value='{vught.pk}']")
    screenshot(page, "werkgebied-change")
    submit(page)
    assert reverse("taken:list") in page.url
    assert list(
        Bibliotheek.objects.get(pk=bibliotheek.pk).werkgebied.values_list("naam", flat=True)
    ) == ["Vught"]

    # KB: the list of changes, and the map of 2020 on the boundaries of 2025 with its note.
    kb = new_page()
    login(kb, live_server, UserFactory(coordinator=True), PASSWORD)
    kb.goto(live_server.url + reverse("aanmelding:werkgebied_changes"))
    assert kb.locator("text=Bibliotheek Haaren").count() == 1
    assert_no_axe_violations(kb, "werkgebied-changes")
    kb.goto(live_server.url + reverse("licenties:overview") + "?jaar=2020")
    assert kb.locator("#kaart-toelichting").is_visible()
    assert_no_axe_violations(kb, "coverage-2020")
    screenshot(kb, "coverage-2020")
