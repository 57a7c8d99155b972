"""The page "what changed since round N" in a real browser: no WCAG 2.1 AA violations, for a
plan with a changed number, a changed text and a municipality added, and for a year report.

Assertions use URLs, ids and roles, never the wording of our own UI strings.
"""

import pytest
from django.urls import reverse

from aanmelding import service
from aanmelding.constants import Advies, Status
from aanmelding.models import Aanmelding, GemeenteSamenwerking
from rapportage import service as rapportage_service
from rapportage.constants import RapportageStatus as S
from rapportage.models import Rapportage

from ..aanmelding.factories import AanmeldingFactory, BibliotheekFactory, GemeenteFactory
from ..accounts.factories import PASSWORD, UserFactory, stand_in
from ..project.browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from ..project.browser import BROWSER_TEST, assert_no_axe_violations, login, screenshot
from ..rapportage.factories import RapportageFactory

pytestmark = BROWSER_TEST


def changed_plan():
    bibliotheek = BibliotheekFactory(werkgebied=[GemeenteFactory(naam="Utrecht")])
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    service.advise(plan, stand_in(kb=True), Advies.AANVULLING_NODIG, "Meer cursussen?", plan.status)
    Aanmelding.objects.filter(pk=plan.pk).update(
        cursussen_jaar1=8, borging="De cursus <b>blijft</b> in het vaste aanbod."
    )
    GemeenteSamenwerking.objects.create(
        aanmelding=plan,
        gemeente=GemeenteFactory(naam="Zeist"),
        inhoud="DigiD",
        werving="Wijkteam",
        financiering_status="in_gesprek",
    )
    service.submit(plan, stand_in(bibliotheek=bibliotheek), answer="Twee cursussen erbij.")
    return plan


def changed_report():
    report = RapportageFactory(ingevuld=True, status=S.AANVULLING_GEVRAAGD)
    Rapportage.objects.filter(pk=report.pk).update(wachtlijst=9, plannen="Twee extra cursussen.")
    rapportage_service.submit(report, stand_in(bibliotheek=report.licentie.bibliotheek))
    return report


@pytest.mark.parametrize(
    "name, make", [("plan", changed_plan), ("rapportage", changed_report)], ids=["plan", "report"]
)
def test_changes_page_has_no_wcag_21_aa_violations(page, live_server, name, make):
    obj = make()
    reviewer = UserFactory(kb=True)
    login(page, live_server, reviewer, PASSWORD)
    app = "aanmelding" if name == "plan" else "rapportage"

    response = page.goto(live_server.url + reverse(f"{app}:changes", args=[obj.pk]))

    assert response.status == 200
    assert page.locator("table.diff ins").count() >= 1
    assert page.locator("table.diff caption").count() >= 1
    screenshot(page, f"changes-{name}")
    assert_no_axe_violations(page, f"changes of a {name}")
