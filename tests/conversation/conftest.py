from datetime import date

import pytest
from django.urls import reverse

from aanmelding.constants import Status
from kbregeling.conversation import service
from rapportage.constants import RapportageStatus

from ..aanmelding.factories import AanmeldingFactory
from ..accounts.factories import UserFactory, staff_of
from ..licenties.factories import LicentieFactory
from ..rapportage.factories import RapportageFactory


def submitted_plan(bibliotheek):
    return AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)


def submitted_report(bibliotheek, jaar=2025):
    licentie = LicentieFactory(bibliotheek=bibliotheek, verlopen=True, begindatum=date(jaar, 1, 1))
    return RapportageFactory(licentie=licentie, ingevuld=True, status=RapportageStatus.INGEDIEND)


@pytest.fixture
def plan(bibliotheek):
    return submitted_plan(bibliotheek)


@pytest.fixture
def report(bibliotheek):
    return submitted_report(bibliotheek)


@pytest.fixture(params=["plan", "report"])
def subject(request):
    """A submitted plan or year report of ``bibliotheek``: each test runs on both."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def collega(bibliotheek):
    """A second staff member of the library: the one told of what the reviewers write."""
    return staff_of(bibliotheek)


@pytest.fixture
def kb_collega(db):
    return UserFactory(kb=True)


def page_of(subject) -> str:
    return reverse(f"{subject._meta.app_label}:detail", args=[subject.pk])


def url(subject, name, *args) -> str:
    return reverse(f"{subject._meta.app_label}:{name}", args=[subject.pk, *args])


def say(subject, author, tekst, intern=False, bijlage=None):
    return service.post(
        subject, subject.bibliotheek_id, author, tekst, page_of(subject), bijlage, intern
    )
