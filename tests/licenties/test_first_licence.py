"""Approval of a sign-up creates its first licence year, through a signal: the sign-up app
knows nothing of licences."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine

import aanmelding
from aanmelding import service
from aanmelding.constants import Advies, Status
from licenties.constants import DEFAULT_TARIEF, LicentieStatus
from licenties.models import Licentie

from ..aanmelding.factories import AanmeldingFactory, BibliotheekFactory, GemeenteFactory
from ..helpers import fresh
from .factories import LicentieFactory, OvereenkomstFactory, TariefFactory

pytestmark = pytest.mark.django_db

IN_JUNE_2026 = "2026-06-15 10:00 +02:00"


def approve(plan, kb, digisterker):
    """KB and Digisterker both advise positief, in that order."""
    service.advise(plan, kb, Advies.POSITIEF, "Goed plan.", Status.INGEDIEND)
    service.advise(plan, digisterker, Advies.POSITIEF, "Akkoord.", Status.WACHT_OP_DIGISTERKER)
    assert fresh(plan).status == Status.GOEDGEKEURD


@pytest.fixture
def werkgebied():
    return [GemeenteFactory(), GemeenteFactory(), GemeenteFactory()]


@pytest.fixture
def bib(werkgebied):
    return BibliotheekFactory(werkgebied=werkgebied)


@pytest.fixture
def plan(bib):
    return AanmeldingFactory(
        bibliotheek=bib, compleet=True, status=Status.INGEDIEND, eerste_licentiejaar=2027
    )


@time_machine.travel(IN_JUNE_2026, tick=False)
def test_approval_creates_exactly_one_planned_first_year_for_the_agreement_municipalities(
    plan, bib, werkgebied, kb, digisterker
):
    OvereenkomstFactory(bibliotheek=bib, getekend=True, gemeenten=werkgebied[:2])
    TariefFactory(jaar=2026, bedrag=Decimal("5900.00"))
    TariefFactory(jaar=2027, bedrag=Decimal("6250.00"))

    approve(plan, kb, digisterker)

    [licentie] = Licentie.objects.all()
    assert licentie.bibliotheek == bib
    assert licentie.aanmelding == plan
    assert licentie.status == LicentieStatus.GEPLAND
    assert (licentie.begindatum, licentie.einddatum) == (date(2027, 1, 1), date(2027, 12, 31))
    assert set(licentie.gemeenten.all()) == set(werkgebied[:2])
    assert licentie.waarde == Decimal("6250.00")  # the tariff of the start year
    assert licentie.vorige is None


@time_machine.travel(IN_JUNE_2026, tick=False)
def test_first_year_without_agreement_covers_the_werkgebied_at_the_default_tariff(
    plan, werkgebied, kb, digisterker
):
    approve(plan, kb, digisterker)

    [licentie] = Licentie.objects.all()
    assert set(licentie.gemeenten.all()) == set(werkgebied)
    assert licentie.waarde == DEFAULT_TARIEF == Decimal("6000.00")
    assert licentie.status == LicentieStatus.GEPLAND


@time_machine.travel(IN_JUNE_2026, tick=False)
def test_submitted_and_approved_in_the_other_order_creates_one_first_year(
    bibliotheek, medewerker, kb, digisterker
):
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, eerste_licentiejaar=2027)
    service.submit(plan, medewerker)
    service.advise(plan, digisterker, Advies.POSITIEF, "Akkoord.", Status.INGEDIEND)
    assert Licentie.objects.count() == 0  # one positive advice approves nothing
    service.advise(plan, kb, Advies.POSITIEF, "Goed plan.", Status.WACHT_OP_KB)

    assert fresh(plan).status == Status.GOEDGEKEURD
    [licentie] = Licentie.objects.filter(bibliotheek=bibliotheek)
    assert licentie.begindatum == date(2027, 1, 1)
    assert licentie.status == LicentieStatus.GEPLAND


@time_machine.travel("2026-11-20 10:00 +01:00", tick=False)
def test_first_year_never_starts_in_the_past(bib, kb, digisterker):
    plan = AanmeldingFactory(
        bibliotheek=bib, compleet=True, status=Status.INGEDIEND, eerste_licentiejaar=2026
    )
    approve(plan, kb, digisterker)

    [licentie] = Licentie.objects.all()
    assert licentie.begindatum == date(2026, 12, 1)  # the first of next month
    assert licentie.einddatum == date(2027, 11, 30)


@time_machine.travel(IN_JUNE_2026, tick=False)
def test_first_year_starts_after_a_licence_the_library_already_has(plan, bib, kb, digisterker):
    LicentieFactory(bibliotheek=bib, actief=True, begindatum=date(2026, 4, 1))  # to 31-3-2027

    approve(plan, kb, digisterker)

    nieuw = Licentie.objects.get(aanmelding=plan)
    assert nieuw.begindatum == date(2027, 4, 1)


@pytest.mark.parametrize("advies", [Advies.NEGATIEF, Advies.AANVULLING_NODIG])
@time_machine.travel(IN_JUNE_2026, tick=False)
def test_a_sign_up_that_is_not_approved_gets_no_licence(plan, kb, advies):
    service.advise(plan, kb, advies, "Niet voldoende.", Status.INGEDIEND)

    assert fresh(plan).status != Status.GOEDGEKEURD
    assert not Licentie.objects.exists()


def test_the_sign_up_app_does_not_import_the_licence_app():
    package = Path(aanmelding.__file__).parent
    sources = list(package.rglob("*.py"))
    assert len(sources) > 10
    mentioning = [str(p) for p in sources if "licenties" in p.read_text(encoding="utf-8")]
    assert mentioning == []
