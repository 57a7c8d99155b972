"""Fixtures of the decision-letter tests: decisions taken through the services, and a fast
stand-in for WeasyPrint (a few tests render the real PDF)."""

import itertools
from datetime import date

import pytest

from aanmelding import service
from aanmelding.constants import Advies, Status
from licenties import service as licenties
from rapportage import service as rapportage
from rapportage.constants import RapportageStatus

from ..helpers import fresh
from ..licenties.factories import LicentieFactory
from ..rapportage.factories import RapportageFactory

KB_MOTIVATION = "KB: een sterk meerjarenplan met duidelijke doelgroepen."
DIGISTERKER_MOTIVATION = "Digisterker: de docenten zijn goed voorbereid."
DECISION_REASON = "KB volgt beide adviezen; de resultaten zijn overtuigend."


def advise(plan, reviewer, advies, motivering):
    plan = fresh(plan)
    return service.advise(plan, reviewer, advies, motivering, plan.status)


@pytest.fixture
def fake_pdf(monkeypatch):
    """WeasyPrint replaced by distinct bytes per render, counting its runs."""
    runs = itertools.count(1)
    rendered = []

    def render(html):
        rendered.append(html)
        return b"%PDF-1.7 fake " + str(next(runs)).encode()

    monkeypatch.setattr("kbregeling.letters.service.render_pdf", render)
    return rendered


@pytest.fixture
def approved(ingediend, kb, digisterker):
    """A plan both parties approved: KB first, then Digisterker decides."""
    advise(ingediend, kb, Advies.POSITIEF, KB_MOTIVATION)
    advise(ingediend, digisterker, Advies.POSITIEF, DIGISTERKER_MOTIVATION)
    plan = fresh(ingediend)
    assert plan.status == Status.GOEDGEKEURD
    return plan


@pytest.fixture
def assessed_report(bibliotheek):
    """A year report of the library both parties advised to renew, awaiting KB's decision."""
    licentie = LicentieFactory(bibliotheek=bibliotheek, verlopen=True, begindatum=date(2025, 1, 1))
    return RapportageFactory(licentie=licentie, ingevuld=True, status=RapportageStatus.BEOORDEELD)


def decide(report, kb, verlengen):
    return rapportage.decide(fresh(report), kb, verlengen=verlengen, motivering=DECISION_REASON)


def end_licence(licentie, kb, reason="De bibliotheek geeft geen cursussen meer."):
    return licenties.end(licentie, kb, reason)
