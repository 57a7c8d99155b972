"""The sign-up and the year report in a real browser: keyboard use, error summary, both
advices, accessibility of the sign-up, licence and year-report pages.

Assertions use URLs, ids, roles and data, never the wording of our own UI strings (those are
translated). Screenshots go to ``test-artifacts/`` for a person to look at.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from aanmelding import service
from aanmelding.constants import Advies, FinancieringStatus, Status
from aanmelding.models import Aanmelding, Belangstelling, Gemeente
from aanmelding.reference_data import load_gemeenten
from kbregeling.mail.models import OutgoingMail
from licenties import service as licenties_service
from licenties.models import Dienst
from rapportage import service as rapportage_service
from rapportage.constants import RapportageStatus, Soort
from rapportage.forms import SECTIONS
from rapportage.models import Herinnering, Rapportage

from ..aanmelding.factories import AanmeldingFactory, BibliotheekFactory, GemeenteFactory
from ..accounts.factories import PASSWORD, UserFactory, staff_of
from ..licenties.factories import LicentieFactory, OvereenkomstFactory, TariefFactory
from ..rapportage.factories import RapportageFactory
from .browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from .browser import (
    BROWSER_TEST,
    assert_no_axe_violations,
    focused_id,
    login,
    screenshot,
)

pytestmark = BROWSER_TEST


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
    assert here(page) == url(live_server, "taken:list")

    press_enter_on(page, f"main a[href='{reverse('aanmelding:create')}']")  # asks first
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
        assert here(page) == url(live_server, "rapportage:queue")
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


def test_library_staff_fill_in_the_year_report_by_keyboard_and_save_a_draft(page, live_server):
    bibliotheek = BibliotheekFactory(
        naam="Bibliotheek Eindhoven",
        werkgebied=[GemeenteFactory(naam="Eindhoven"), GemeenteFactory(naam="Veldhoven")],
    )
    medewerker = staff_of(bibliotheek, first_name="Yasmina", last_name="Bouzid")
    licentie = LicentieFactory(
        bibliotheek=bibliotheek, actief=True, begindatum=date(date.today().year, 1, 1)
    )
    rapportage = RapportageFactory(licentie=licentie)
    edit_url = url(live_server, "rapportage:edit", rapportage.pk)

    login(page, live_server, medewerker, PASSWORD)
    page.goto(url(live_server, "rapportage:mine"))
    press_enter_on(page, f"main a[href='{reverse('rapportage:detail', args=[rapportage.pk])}']")
    press_enter_on(page, f"main a[href='{reverse('rapportage:edit', args=[rapportage.pk])}']")
    assert here(page) == edit_url

    # Section 1 in full, sections 2 to 4 passed by, some experiences and plans; the first
    # yes/no question answered with Space, the last one with an arrow key.
    skipped = [(f"id_{name}", None) for _sid, _title, names in SECTIONS[1:4] for name in names]
    fill_by_keyboard(
        page,
        [
            ("id_cursussen_gestart", 4),
            ("id_bijeenkomsten", 32),
            ("id_deelnemers_aangemeld", 40),
            ("id_deelnemers_gestart", 36),
            ("id_deelnemers_afgerond", 30),
            ("id_wachtlijst", 5),
            *skipped,
            ("id_tevredenheid", None),
            ("id_percentage_zelfredzamer", 80),
            ("id_wat_ging_goed", "Cursisten hielpen elkaar met DigiD."),
            ("id_wat_was_lastig", None),
            ("id_samenwerking_gemeenten", None),
            ("id_good_practices", None),
            ("id_plannen", "Een extra cursus in Veldhoven."),
            ("id_wil_verlengen_0", True),
            ("id_verlengen_gemeenten_0", True),
            ("id_verlengen_gemeenten_1", None),
            ("id_bop_ingevoerd_0", None),
        ],
    )
    page.keyboard.press("ArrowDown")  # within a radio group, an arrow key moves and chooses
    assert focused_id(page) == "id_bop_ingevoerd_1"
    assert page.is_checked("#id_bop_ingevoerd_1")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "opslaan"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert here(page) == edit_url
    assert page.locator(".messages .alert-success").is_visible()
    for field_id, value in [
        ("id_cursussen_gestart", "4"),
        ("id_deelnemers_afgerond", "30"),
        ("id_wachtlijst", "5"),
        ("id_percentage_zelfredzamer", "80"),
        ("id_plannen", "Een extra cursus in Veldhoven."),
    ]:
        assert page.input_value(f"#{field_id}") == value, field_id
    for field_id in ["id_wil_verlengen_0", "id_verlengen_gemeenten_0", "id_bop_ingevoerd_1"]:
        assert page.is_checked(f"#{field_id}"), field_id
    assert not page.is_checked("#id_verlengen_gemeenten_1")
    rapportage = Rapportage.objects.get(pk=rapportage.pk)
    assert rapportage.status == RapportageStatus.CONCEPT
    assert (rapportage.cursussen_gestart, rapportage.bijeenkomsten, rapportage.wachtlijst) == (
        4,
        32,
        5,
    )
    assert rapportage.leeftijd_tot_30 is None
    assert (rapportage.wil_verlengen, rapportage.bop_ingevoerd) == (True, False)
    assert [g.naam for g in rapportage.verlengen_gemeenten.all()] == ["Eindhoven"]
    screenshot(page, "report-edit-draft-saved")


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
        # A second plan beside one under assessment: start() refuses that now, earlier data
        # may still hold it.
        "concept": AanmeldingFactory(bibliotheek=bibliotheek),
        "ingediend": AanmeldingFactory(
            bibliotheek=BibliotheekFactory(), compleet=True, status=Status.INGEDIEND
        ),
        "beoordeeld": beoordeeld,
        # Digisterker asked for more information: the question at the top of the plan.
        "aanvulling": asked_for_information(medewerker, digisterker),
        "beheerder": UserFactory(beheerder=True, first_name="Ingrid", last_name="Vermeulen"),
        "bibliotheek": bibliotheek,
        "belangstelling": interest_request(),
    }


def asked_for_information(medewerker, digisterker):
    """A plan of the staff member's library that Digisterker sent back with a question."""
    plan = AanmeldingFactory(bibliotheek=medewerker.bibliotheek, compleet=True)
    service.submit(plan, medewerker)
    service.advise(
        plan,
        digisterker,
        Advies.AANVULLING_NODIG,
        "Hoeveel docenten zijn er in het tweede jaar gecertificeerd?",
        Status.INGEDIEND,
    )
    return plan


def interest_request():
    """A request from the public page, awaiting KB's administrator."""
    belangstelling = Belangstelling.objects.create(
        naam="Anouk Visser",
        organisatie="Bibliotheek Eemland",
        email="anouk@eemland.example",
        bericht="Wij willen graag meedoen.",
    )
    belangstelling.gemeenten.set([GemeenteFactory(naam="Amersfoort")])
    return belangstelling


# page name → (who is logged in, URL name, the sign-up in the URL, the form to submit empty)
AXE_PAGES = {
    "login": (None, "login", None, None),
    "login-with-errors": (None, "login", None, "main form"),
    "password-reset": (None, "password_reset", None, None),
    "privacy": (None, "privacy:page", None, None),
    "mijn-aanmeldingen": ("medewerker", "aanmelding:mine", None, None),
    "takenlijst": ("medewerker", "taken:list", None, None),
    "aanmelding-starten": ("medewerker", "aanmelding:create", None, None),
    "plan-edit": ("medewerker", "aanmelding:edit", "concept", None),
    "plan-edit-with-errors": ("medewerker", "aanmelding:edit", "concept", "button[name=indienen]"),
    "detail-library": ("medewerker", "aanmelding:detail", "beoordeeld", None),
    "detail-library-draft": ("medewerker", "aanmelding:detail", "concept", None),
    "detail-library-question": ("medewerker", "aanmelding:detail", "aanvulling", None),
    "plan-edit-question": ("medewerker", "aanmelding:edit", "aanvulling", None),
    "detail-reviewer": ("digisterker", "aanmelding:detail", "beoordeeld", None),
    "detail-reviewer-with-errors": (
        "digisterker",
        "aanmelding:detail",
        "beoordeeld",
        "form[action$='/advies/'] button[type=submit]",
    ),
    "dashboard": ("kb", "aanmelding:dashboard", None, None),
    "work-queue": ("kb", "rapportage:queue", None, None),
    "coordinator-overview": ("coordinator", "aanmelding:overview", None, None),
    "404": ("medewerker", "aanmelding:detail", 999_999, None),
    "libraries": ("beheerder", "beheer:libraries", None, None),
    "library-new": ("beheerder", "beheer:library_new", None, None),
    "library-new-with-errors": (
        "beheerder",
        "beheer:library_new",
        None,
        "main form button[type=submit]",
    ),
    "library-edit": ("beheerder", "beheer:library_edit", "bibliotheek", None),
    "interest-queue": ("beheerder", "beheer:interest", None, None),
    "interest-decline-with-errors": (
        "beheerder",
        "beheer:interest_decline",
        "belangstelling",
        "main form button[type=submit]",
    ),
    "interest-form": (None, "belangstelling:form", None, None),
    "interest-form-with-errors": (
        None,
        "belangstelling:form",
        None,
        "main form button[type=submit]",
    ),
}


def check_page(page, live_server, scenario, name, spec):
    """Open one page of AXE_PAGES (or a list like it) as its person, press its button if it
    names one, and run axe on what is shown."""
    who, url_name, obj, submit = spec
    url_name, _, query = url_name.partition("?")
    if who:
        login(page, live_server, scenario[who], PASSWORD)
    args = [] if obj is None else [obj if isinstance(obj, int) else scenario[obj].pk]
    response = page.goto(url(live_server, url_name, *args) + (f"?{query}" if query else ""))
    assert response.status == (404 if name == "404" else 200)
    if submit == "main form":
        page.fill("#id_login", "niemand")
        page.fill("#id_password", "fout")
        submit = "main form button[type=submit]"
    if submit:
        with page.expect_navigation():
            page.click(submit)
        assert page.locator("#foutmeldingen").is_visible()
    if name in SHOWN:
        selector, count = SHOWN[name]
        assert page.locator(selector).count() >= count, f"{name}: not {count} × {selector}"
    assert_no_axe_violations(page, name)


@pytest.mark.parametrize("name", AXE_PAGES)
def test_page_has_no_wcag_21_aa_violations(page, live_server, scenario, name):
    check_page(page, live_server, scenario, name, AXE_PAGES[name])


def real_gemeenten(*names):
    """The named municipalities, with all 342 real ones loaded (for the map and provinces)."""
    load_gemeenten()
    found = {g.naam: g for g in Gemeente.objects.filter(naam__in=names)}
    assert set(found) == set(names), f"not a municipality: {set(names) - set(found)}"
    return [found[n] for n in names]


def services(*names):
    """Digisterker's services. The list is made by a data migration, which the flush after a
    live-server test empties: so they are made again when missing."""
    return [
        Dienst.objects.get_or_create(naam=n, defaults={"volgorde": i})[0]
        for i, n in enumerate(names)
    ]


@pytest.fixture
def licence_scenario(live_server):
    """A library with a signed agreement and two licence years, the second renewing the
    first; another library covered this year; the tariffs."""
    this_year = timezone.localdate().year
    for jaar, bedrag in [
        (this_year - 1, "6000.00"),
        (this_year, "6250.00"),
        (this_year + 1, "6400.00"),
    ]:
        TariefFactory(jaar=jaar, bedrag=Decimal(bedrag))
    utrecht, stichtse_vecht, eindhoven = real_gemeenten("Utrecht", "Stichtse Vecht", "Eindhoven")
    bibliotheek = BibliotheekFactory(
        naam="Bibliotheek Utrecht", werkgebied=[utrecht, stichtse_vecht]
    )
    medewerker = staff_of(bibliotheek, first_name="Fatima", last_name="El Amrani")
    kb = UserFactory(kb=True, first_name="Maaike", last_name="Toonen")
    OvereenkomstFactory(
        bibliotheek=bibliotheek,
        getekend=True,
        diensten=services(
            "Landelijk cursusmateriaal", "Gemeentelijke maatwerkmodule", "Werkboeken"
        ),
        opmerkingen="Werkboeken in grote letter voor de senioren.",
    )
    vorig_jaar = LicentieFactory(
        bibliotheek=bibliotheek, actief=True, begindatum=date(this_year - 1, 1, 1)
    )
    dit_jaar = licenties_service.renew(vorig_jaar, kb, remark="Goede jaarrapportage.")
    LicentieFactory(
        bibliotheek=BibliotheekFactory(naam="Bibliotheek Eindhoven", werkgebied=[eindhoven]),
        getekend=True,
        begindatum=date(this_year, 1, 1),
    )
    licenties_service.update_states()  # this year's licences start: they become active
    return {
        "medewerker": medewerker,
        "kb": kb,
        "digisterker": UserFactory(digisterker=True, first_name="Piet", last_name="Boekhoudt"),
        "coordinator": UserFactory(coordinator=True, first_name="Els", last_name="Visser"),
        "bibliotheek": bibliotheek,
        "licentie": dit_jaar,
    }


# page name → (who is logged in, URL name and query, the object in the URL, the button to press)
LICENCE_AXE_PAGES = {
    "licences-library": ("medewerker", "licenties:mine", None, None),
    "licences-list": ("coordinator", "licenties:list", None, None),
    "licence-detail-library": ("medewerker", "licenties:detail", "licentie", None),
    "licence-detail-kb": ("kb", "licenties:detail", "licentie", None),
    "licence-detail-kb-end-with-errors": (
        "kb",
        "licenties:detail",
        "licentie",
        "form[action$='/beeindigen/'] button[type=submit]",
    ),
    "licences-overview": (
        "coordinator",
        f"licenties:overview?jaar={date.today().year}",
        None,
        None,
    ),
    "agreement-form": ("digisterker", "licenties:agreement", "bibliotheek", None),
    "licence-create": ("kb", "licenties:create", "bibliotheek", None),
    "tariffs": ("kb", "licenties:tariffs", None, None),
}


@pytest.mark.parametrize("name", LICENCE_AXE_PAGES)
def test_licence_page_has_no_wcag_21_aa_violations(page, live_server, licence_scenario, name):
    check_page(page, live_server, licence_scenario, name, LICENCE_AXE_PAGES[name])


@pytest.fixture
def report_scenario(live_server):
    """Three libraries' reports: one open and empty, one submitted, one assessed by both
    parties and awaiting KB's decision; an older renewed one; reminders sent and pending."""
    jaar = timezone.localdate().year - 1
    eindhoven, veldhoven, utrecht, zwolle, groningen = real_gemeenten(
        "Eindhoven", "Veldhoven", "Utrecht", "Zwolle", "Groningen"
    )
    kb = UserFactory(kb=True, first_name="Maaike", last_name="Toonen")
    digisterker = UserFactory(digisterker=True, first_name="Piet", last_name="Boekhoudt")

    def library_report(naam, werkgebied, begin=date(jaar, 1, 1), **report):
        bibliotheek = BibliotheekFactory(naam=naam, werkgebied=werkgebied)
        licentie = LicentieFactory(
            bibliotheek=bibliotheek,
            actief=begin.year > jaar,
            verlopen=begin.year <= jaar,
            begindatum=begin,
        )
        return staff_of(bibliotheek), RapportageFactory(licentie=licentie, **report)

    medewerker, open_report = library_report(
        "Bibliotheek Eindhoven", [eindhoven, veldhoven], begin=date(jaar + 1, 1, 1)
    )
    utrecht_staff, beoordeeld = library_report("Bibliotheek Utrecht", [utrecht], ingevuld=True)
    rapportage_service.submit(beoordeeld, utrecht_staff)
    for reviewer, seen in [
        (kb, RapportageStatus.INGEDIEND),
        (digisterker, RapportageStatus.WACHT_OP_DIGISTERKER),
    ]:
        rapportage_service.advise(
            beoordeeld,
            reviewer,
            voldoende=True,
            advies_verlengen=True,
            motivering="Volledig en helder; de samenwerking met de gemeente loopt goed.",
            seen_status=seen,
        )
    zwolle_staff, ingediend = library_report("Bibliotheek Zwolle", [zwolle], ingevuld=True)
    rapportage_service.submit(ingediend, zwolle_staff)
    library_report(
        "Biblionet Groningen",
        [groningen],
        begin=date(jaar - 1, 1, 1),
        ingevuld=True,
        status=RapportageStatus.VERLENGD,
        good_practices="Een taalcafé na elke cursus, samen met het Alfa-college.",
    )
    sent = timezone.now()

    def reminder(to, sent_at=sent, attempts=1, cc="", **fields):
        mail = OutgoingMail.objects.create(
            subject="Herinnering", body="Tekst", to=to, cc=cc, sent_at=sent_at, attempts=attempts
        )
        return Herinnering(mail=mail, **fields)

    Herinnering.objects.bulk_create(
        [
            reminder(
                open_report.licentie.bibliotheek.contact_email,
                rapportage=open_report,
                soort=Soort.AANKONDIGING,
                vervaldatum=open_report.opent_op,
            ),
            reminder(
                ingediend.licentie.bibliotheek.contact_email,
                rapportage=ingediend,
                soort=Soort.HERINNERING,
                vervaldatum=ingediend.deadline - timedelta(weeks=2),
            ),
            reminder(
                beoordeeld.licentie.bibliotheek.contact_email,
                sent_at=None,
                attempts=10,  # given up: listed under "E-mail niet verzonden"
                cc="coordinator@kb.example\nbeoordelaar@digisterker.example",
                rapportage=beoordeeld,
                soort=Soort.TE_LAAT,
                vervaldatum=beoordeeld.deadline + timedelta(weeks=1),
                volgnummer=1,
            ),
            reminder(
                kb.email,
                ontvanger=kb,
                soort=Soort.OVERZICHT,
                vervaldatum=timezone.localdate(),
            ),
        ]
    )
    return {
        "medewerker": medewerker,
        "utrecht_staff": utrecht_staff,
        "kb": kb,
        "digisterker": digisterker,
        "coordinator": UserFactory(coordinator=True, first_name="Els", last_name="Visser"),
        "open": open_report,
        "ingediend": ingediend,
        "beoordeeld": beoordeeld,
    }


REPORT_AXE_PAGES = {
    "reports-library": ("medewerker", "rapportage:mine", None, None),
    "report-edit": ("medewerker", "rapportage:edit", "open", None),
    "report-edit-with-errors": ("medewerker", "rapportage:edit", "open", "button[name=indienen]"),
    "report-detail-library": ("utrecht_staff", "rapportage:detail", "beoordeeld", None),
    "report-detail-reviewer": ("digisterker", "rapportage:detail", "ingediend", None),
    "report-detail-reviewer-with-errors": (
        "digisterker",
        "rapportage:detail",
        "ingediend",
        "form[action$='/advies/'] button[type=submit]",
    ),
    "report-detail-kb-decision": ("kb", "rapportage:detail", "beoordeeld", None),
    "report-detail-kb-decision-with-errors": (
        "kb",
        "rapportage:detail",
        "beoordeeld",
        "form[action$='/besluit/'] button[type=submit]",
    ),
    "reports-dashboard": ("kb", "rapportage:dashboard", None, None),
    "good-practices": ("medewerker", "rapportage:good_practices", None, None),
    "reminders": ("coordinator", "rapportage:reminders", None, None),
    "national": ("coordinator", f"rapportage:national?jaar={date.today().year - 1}", None, None),
    "mail-not-sent": ("kb", "mail:failed", None, None),
    "access-log": ("coordinator", "accesslog:entries", None, None),
}


# page name → (a selector, at least how many match): the page shows the state axe should check
SHOWN = {
    "detail-library-draft": ("section[aria-labelledby=indienen-kop] li a[href*='#id_']", 10),
    "detail-library-question": ("#vraag-kop", 1),
    "plan-edit-question": ("#vraag-kop", 1),
    "licences-library": ("main table tbody tr", 2),
    "licences-list": ("main table tbody tr", 3),
    "licence-detail-library": ("main ol.list-group > li", 2),
    "licence-detail-kb": ("form[action$='/beeindigen/'] textarea", 1),
    "licences-overview": (".coverage-map svg path.covered", 3),
    "agreement-form": ("main input[name=diensten]:checked", 3),
    "tariffs": ("main table tbody tr", 3),
    "reports-library": ("main table tbody tr", 1),
    "report-detail-library": ("main .card-body .plan-text", 2),  # both advices
    "report-detail-reviewer": ("form[action$='/advies/'] input[name=voldoende]", 2),
    "report-detail-kb-decision": ("form[action$='/besluit/'] input[name=verlengen]", 2),
    "reports-dashboard": ("main table tbody tr", 2),
    "good-practices": ("main article", 2),
    "reminders": ("main table tbody tr", 4),
    "national": ("main svg[role=img]", 5),
    "mail-not-sent": ("main table tbody tr form button", 1),
    "access-log": ("main table tbody tr td", 7),  # at least the coordinator's own login
    "libraries": ("main table tbody tr", 2),
    "library-edit": (".gemeente-picker-chosen li button", 1),  # the picker, with its script
    "interest-queue": ("main .interest-requests .card", 1),
}


@pytest.mark.parametrize("name", REPORT_AXE_PAGES)
def test_report_page_has_no_wcag_21_aa_violations(page, live_server, report_scenario, name):
    check_page(page, live_server, report_scenario, name, REPORT_AXE_PAGES[name])


@pytest.mark.parametrize("where", ["login", "plan-edit"])
def test_focus_is_visible_on_every_element_reached_by_tab(page, live_server, where):
    if where == "login":
        page.goto(url(live_server, "login"))
        assert focused_id(page) == "id_login"  # the login form puts focus in its first field
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
        if seen and focused == seen[0]:  # round the page once (two links may look alike)
            break
        assert focused["style"] != "none" and focused["width"] >= 2, f"focus unseen: {focused}"
        assert focused["visible"], f"the focused element is hidden: {focused}"
        seen.append(focused)
    ids = {f["id"] for f in seen}
    hrefs = {f["href"] for f in seen}
    names = {f["name"] for f in seen}
    assert "#inhoud" in hrefs, "the skip link is reached"
    if where == "login":
        assert {"id_login", "id_password"} <= ids
        assert reverse("password_reset") in hrefs
    else:
        assert reverse("aanmelding:mine") in hrefs  # the main menu
        assert {"id_ambitie", "id_doelgroepen_0", "id_docenten_type", "id_bijlage"} <= ids
        assert {"opslaan", "indienen"} <= names
