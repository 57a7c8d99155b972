"""The sign-up in a real browser: keyboard use, error summary, both advices, accessibility.

Assertions use URLs, ids, roles and data, never the wording of our own UI strings (those are
translated). Screenshots go to ``test-artifacts/`` for a person to look at.
"""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from aanmelding import service
from aanmelding.constants import Advies, FinancieringStatus, Status
from aanmelding.models import Aanmelding

from .browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from .browser import (
    HAVE_CHROMIUM,
    assert_no_axe_violations,
    focused_id,
    login,
    screenshot,
)
from .factories import (
    PASSWORD,
    AanmeldingFactory,
    BibliotheekFactory,
    GemeenteFactory,
    UserFactory,
    staff_of,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not HAVE_CHROMIUM, reason="Debian's chromium is not installed"),
    # The live server needs committed data; the roles (groups made by a data migration)
    # are restored before each test from the serialized test database.
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Users are made and logged in many times here; the real hasher costs ~0.3 s each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def url(live_server, name, *args):
    return live_server.url + reverse(name, args=args)


def here(page):
    """The page's URL without its fragment (browsers keep a fragment across redirects)."""
    return page.url.split("#")[0]


def label(status):
    with translation.override("nl"):
        return str(Status(status).label)


def press_enter_on(page, selector):
    """Activate a link or button from the keyboard and wait for the page it leads to."""
    page.focus(selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def fill_by_keyboard(page, steps):
    """Fill fields in tab order. Each step is (id, value): text is typed, True ticks a checkbox
    with Space, ("select", value) picks an option with the arrow keys, None tabs past the
    field. The first field gets focus; every next one must be reached by one Tab."""
    for number, (field_id, value) in enumerate(steps):
        if number == 0:
            page.focus(f"#{field_id}")
        else:
            page.keyboard.press("Tab")
        assert focused_id(page) == field_id, f"Tab did not lead to #{field_id}"
        if value is None:
            continue
        if value is True:
            page.keyboard.press("Space")
            assert page.is_checked(f"#{field_id}")
        elif isinstance(value, tuple):
            index = page.eval_on_selector(
                f"#{field_id}",
                "(s, v) => [...s.options].findIndex(o => o.value === v)",
                value[1],
            )
            assert index >= 0, f"#{field_id} has no option {value[1]!r}"
            for _ in range(index - page.eval_on_selector(f"#{field_id}", "s => s.selectedIndex")):
                page.keyboard.press("ArrowDown")
            assert page.input_value(f"#{field_id}") == value[1]
        else:
            page.keyboard.type(str(value))


def status_badge(page):
    return page.locator("main h1 ~ p .badge-status").first


# --- The whole workflow -----------------------------------------------------------------


def test_library_staff_fills_in_the_plan_by_keyboard_saves_a_draft_and_submits(page, live_server):
    gemeente = GemeenteFactory(naam="Súdwest-Fryslân")
    bibliotheek = BibliotheekFactory(naam="Bibliotheek Súdwest-Fryslân", werkgebied=[gemeente])
    medewerker = staff_of(bibliotheek, first_name="Sjoukje", last_name="de Boer")
    next_year = date.today().year + 1

    login(page, live_server, medewerker, PASSWORD)
    assert here(page) == url(live_server, "aanmelding:mine")

    press_enter_on(page, f"main form[action='{reverse('aanmelding:create')}'] button")
    aanmelding = Aanmelding.objects.get(bibliotheek=bibliotheek)
    edit_url = url(live_server, "aanmelding:edit", aanmelding.pk)
    assert here(page) == edit_url

    # Section 1 only, then save the draft: nothing typed is lost.
    fill_by_keyboard(
        page,
        [
            ("id_eerste_licentiejaar", next_year),
            ("id_ambitie", "Meer inwoners zelf hun zaken laten regelen met de overheid."),
            ("id_cursussen_jaar1", 6),
            ("id_deelnemers_jaar1", 48),
        ],
    )
    press_enter_on(page, "button[name=opslaan]")
    assert here(page) == edit_url
    assert page.locator(".messages .alert-success").is_visible()
    assert page.input_value("#id_ambitie").startswith("Meer inwoners")
    aanmelding.refresh_from_db()
    assert (aanmelding.status, aanmelding.eerste_licentiejaar) == (Status.CONCEPT, next_year)

    # Submitting the incomplete plan: an error summary at the top, focused, whose links move
    # focus to the field they name.
    press_enter_on(page, "button[name=indienen]")
    assert here(page) == edit_url
    summary = page.locator("#foutmeldingen")
    assert summary.is_visible()
    assert summary.get_attribute("role") == "alert"
    assert focused_id(page) == "foutmeldingen"
    plan_form = page.locator("main form[enctype='multipart/form-data']")
    assert summary.bounding_box()["y"] < plan_form.bounding_box()["y"]
    targets = summary.locator("a").evaluate_all("links => links.map(a => a.hash.slice(1))")
    assert {"id_locaties", "id_doelgroepen_0", "id_verklaring_wsob"} <= set(targets)
    assert "id_samenwerking-0-inhoud" in targets
    assert "id_ambitie" not in targets
    plan_fields = [t for t in targets if not t.startswith("id_samenwerking-")]
    on_page = page.evaluate(
        "ids => ids.map(id => [...document.querySelectorAll('input, select, textarea')]"
        ".indexOf(document.getElementById(id)))",
        plan_fields,
    )
    assert on_page == sorted(on_page), "the summary lists the errors in the order of the page"
    for target in targets:
        page.focus(f"#foutmeldingen a[href='#{target}']")
        page.keyboard.press("Enter")
        assert focused_id(page) == target, f"the link to #{target} does not move focus there"
    page.focus("#foutmeldingen")
    screenshot(page, "plan-edit-with-errors")
    aanmelding.refresh_from_db()
    assert aanmelding.status == Status.CONCEPT

    # Complete the plan in tab order and submit it.
    fill_by_keyboard(
        page,
        [
            ("id_cursussen_jaar2", 8),
            ("id_deelnemers_jaar2", 64),
            ("id_cursussen_jaar3", None),
            ("id_deelnemers_jaar3", None),
            ("id_doelgroepen_0", True),
            ("id_doelgroepen_1", True),
            ("id_doelgroepen_2", None),
            ("id_doelgroepen_3", None),
            ("id_doelgroepen_4", None),
            ("id_doelgroepen_5", None),
            ("id_doelgroepen_anders", None),
            ("id_locaties", "Hoofdvestiging Sneek en wijkcentrum De Brug."),
            ("id_docenten_nu", 2),
            ("id_docenten_gepland", 4),
            ("id_docenten_type", ("select", "beide")),
            ("id_samenwerking-0-inhoud", "DigiD, toeslagen en de gemeentelijke balie."),
            ("id_samenwerking-0-werving", "Het sociaal wijkteam verwijst door."),
            ("id_samenwerking-0-financiering_status", ("select", FinancieringStatus.TOEGEZEGD)),
            ("id_samenwerking-0-financiering_bedrag", 1500),
            ("id_partners", "Humanitas, Formulierenbrigade, UWV."),
            ("id_werving", "Folders bij de huisarts en de gemeentelijke nieuwsbrief."),
            ("id_eigen_budget", 2500),
            ("id_cofinanciering", 1500),
            ("id_borging", "Onderdeel van het vaste cursusprogramma."),
            ("id_verklaring_wsob", True),
            ("id_verklaring_rapportage", True),
            ("id_verklaring_good_practices", True),
        ],
    )
    press_enter_on(page, "button[name=indienen]")

    assert here(page) == url(live_server, "aanmelding:detail", aanmelding.pk)
    aanmelding.refresh_from_db()
    assert (aanmelding.status, aanmelding.ronde) == (Status.INGEDIEND, 1)
    assert aanmelding.samenwerkingen.get().financiering_bedrag == 1500
    assert status_badge(page).inner_text().strip() == label(Status.INGEDIEND)
    entries = page.locator("ol.timeline > li")
    assert entries.count() == 1
    assert entries.first.locator("time[datetime]").count() == 1
    assert label(Status.INGEDIEND) in entries.first.inner_text()
    assert "Sjoukje de Boer" in entries.first.inner_text()
    screenshot(page, "plan-detail-submitted")


def test_kb_and_digisterker_reviewers_both_advise_positively_and_the_plan_is_approved(
    new_page, live_server
):
    bibliotheek = BibliotheekFactory(naam="Bibliotheek Midden-Brabant")
    aanmelding = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True)
    service.submit(aanmelding, staff_of(bibliotheek))
    detail_url = url(live_server, "aanmelding:detail", aanmelding.pk)

    for reviewer, motivation, expected in [
        (
            UserFactory(kb=True, first_name="Maaike", last_name="Toonen"),
            "Een serieus meerjarenplan.",
            Status.WACHT_OP_DIGISTERKER,
        ),
        (
            UserFactory(digisterker=True, first_name="Piet", last_name="Boekhoudt"),
            "Akkoord, goede samenwerking.",
            Status.GOEDGEKEURD,
        ),
    ]:
        page = new_page()
        login(page, live_server, reviewer, PASSWORD)
        assert here(page) == url(live_server, "aanmelding:dashboard")
        link = page.get_by_role("link", name=bibliotheek.naam)
        assert link.get_attribute("href") == reverse("aanmelding:detail", args=[aanmelding.pk])
        with page.expect_navigation():
            link.click()
        assert here(page) == detail_url

        page.focus(f"input[name=advies][value='{Advies.POSITIEF}']")
        page.keyboard.press("Space")
        page.keyboard.press("Tab")
        assert focused_id(page) == "id_motivering"
        page.keyboard.type(motivation)
        press_enter_on(page, "form[action$='/advies/'] button[type=submit]")

        assert here(page) == detail_url
        aanmelding.refresh_from_db()
        assert aanmelding.status == expected
        assert status_badge(page).inner_text().strip() == label(expected)
        assert page.get_by_text(motivation).first.is_visible()

    assert page.locator("#advies-kop").count() == 0  # nothing left to advise
    assert page.locator("ol.timeline > li").count() == 3
    screenshot(page, "plan-detail-approved")


# --- Accessibility ----------------------------------------------------------------------


@pytest.fixture
def scenario(live_server):
    """One library with a fresh draft and a plan that KB has advised on; everyone logged
    in as needed."""
    bibliotheek = BibliotheekFactory(
        naam="Bibliotheek Rotterdam", werkgebied=[GemeenteFactory(naam="Rotterdam")]
    )
    medewerker = staff_of(bibliotheek, first_name="Fatima", last_name="El Amrani")
    kb = UserFactory(kb=True, first_name="Maaike", last_name="Toonen")
    digisterker = UserFactory(digisterker=True, first_name="Piet", last_name="Boekhoudt")
    beoordeeld = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True)
    service.submit(beoordeeld, medewerker)
    service.advise(beoordeeld, kb, Advies.POSITIEF, "Goed plan.", Status.INGEDIEND)
    return {
        "medewerker": medewerker,
        "kb": kb,
        "digisterker": digisterker,
        "coordinator": UserFactory(coordinator=True),
        "concept": service.start(bibliotheek, by=medewerker),
        "ingediend": AanmeldingFactory(
            bibliotheek=BibliotheekFactory(), compleet=True, status=Status.INGEDIEND
        ),
        "beoordeeld": beoordeeld,
    }


# page name → (who is logged in, URL name, the sign-up in the URL, the form to submit empty)
AXE_PAGES = {
    "login": (None, "login", None, None),
    "login-with-errors": (None, "login", None, "main form"),
    "password-reset": (None, "password_reset", None, None),
    "mijn-aanmeldingen": ("medewerker", "aanmelding:mine", None, None),
    "plan-edit": ("medewerker", "aanmelding:edit", "concept", None),
    "plan-edit-with-errors": ("medewerker", "aanmelding:edit", "concept", "button[name=indienen]"),
    "detail-library": ("medewerker", "aanmelding:detail", "beoordeeld", None),
    "detail-reviewer": ("digisterker", "aanmelding:detail", "beoordeeld", None),
    "detail-reviewer-with-errors": (
        "digisterker",
        "aanmelding:detail",
        "beoordeeld",
        "form[action$='/advies/'] button[type=submit]",
    ),
    "dashboard": ("kb", "aanmelding:dashboard", None, None),
    "coordinator-overview": ("coordinator", "aanmelding:overview", None, None),
    "404": ("medewerker", "aanmelding:detail", 999_999, None),
}


@pytest.mark.parametrize("name", AXE_PAGES)
def test_page_has_no_wcag_21_aa_violations(page, live_server, scenario, name):
    who, url_name, obj, submit = AXE_PAGES[name]
    if who:
        login(page, live_server, scenario[who], PASSWORD)
    args = [] if obj is None else [obj if isinstance(obj, int) else scenario[obj].pk]
    response = page.goto(url(live_server, url_name, *args))
    assert response.status == (404 if name == "404" else 200)
    if submit == "main form":
        page.fill("#id_username", "niemand")
        page.fill("#id_password", "fout")
        submit = "main form button[type=submit]"
    if submit:
        with page.expect_navigation():
            page.click(submit)
        assert page.locator("#foutmeldingen").is_visible()
    assert_no_axe_violations(page, name)


@pytest.mark.parametrize("where", ["login", "plan-edit"])
def test_focus_is_visible_on_every_element_reached_by_tab(page, live_server, where):
    if where == "login":
        page.goto(url(live_server, "login"))
        assert focused_id(page) == "id_username"  # the login form puts focus in its first field
    else:
        bibliotheek = BibliotheekFactory()
        medewerker = staff_of(bibliotheek)
        aanmelding = service.start(bibliotheek, by=medewerker)
        login(page, live_server, medewerker, PASSWORD)
        page.goto(url(live_server, "aanmelding:edit", aanmelding.pk))
    seen = []
    for _ in range(100):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const el = document.activeElement, s = getComputedStyle(el);
                return {tag: el.tagName, id: el.id, href: el.getAttribute("href"),
                        name: el.getAttribute("name"), style: s.outlineStyle,
                        width: parseFloat(s.outlineWidth), visible: el.offsetWidth > 1};
            }"""
        )
        if focused["tag"] == "BODY":  # past the last element, before the first
            continue
        if focused in seen:
            break
        assert focused["style"] != "none" and focused["width"] >= 2, f"focus unseen: {focused}"
        assert focused["visible"], f"the focused element is hidden: {focused}"
        seen.append(focused)
    ids = {f["id"] for f in seen}
    hrefs = {f["href"] for f in seen}
    names = {f["name"] for f in seen}
    assert "#inhoud" in hrefs, "the skip link is reached"
    if where == "login":
        assert {"id_username", "id_password"} <= ids
        assert reverse("password_reset") in hrefs
    else:
        assert reverse("aanmelding:mine") in hrefs  # the main menu
        assert {"id_ambitie", "id_doelgroepen_0", "id_docenten_type", "id_bijlage"} <= ids
        assert {"opslaan", "indienen"} <= names
