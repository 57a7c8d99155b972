"""Chains of municipal changes loaded one after the other (A → B, later B → C): a pending
change follows the area to C, a ceased municipality cannot be confirmed, and a chosen
successor that ceases later gets its own change."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aanmelding import werkgebied_changes
from aanmelding.models import WerkgebiedWijziging
from aanmelding.reference_data import load_gemeenten
from kbregeling.workflow.runner import WorkflowError

from ..accounts.factories import staff_of
from .factories import BibliotheekFactory
from .test_municipal_changes_werkgebied import GOIRLE, OISTERWIJK, TILBURG, apply, gemeente

pytestmark = pytest.mark.django_db

JAAR = timezone.localdate().year


def proposed(wijziging):
    return sorted(wijziging.voorgestelde_opvolgers.values_list("cbs_code", flat=True))


@pytest.fixture
def goirle_pending(tmp_path):
    """Goirle went into Tilburg last year; its library has not confirmed yet."""
    load_gemeenten()
    bibliotheek = BibliotheekFactory(werkgebied=[gemeente(GOIRLE)])
    apply(tmp_path, [(f"{JAAR - 1}-01-01", GOIRLE, "Goirle", "Noord-Brabant", TILBURG, "")])
    return WerkgebiedWijziging.objects.get(bibliotheek=bibliotheek)


def test_a_later_load_replaces_a_ceased_proposal_by_its_successor(goirle_pending, tmp_path):
    assert proposed(goirle_pending) == [TILBURG]

    apply(tmp_path, [(f"{JAAR}-01-01", TILBURG, "Tilburg", "Noord-Brabant", OISTERWIJK, "")])
    apply(tmp_path, [(f"{JAAR}-01-01", TILBURG, "Tilburg", "Noord-Brabant", OISTERWIJK, "")])

    assert proposed(goirle_pending) == [OISTERWIJK]


def test_confirming_a_municipality_that_has_ceased_is_refused_in_dutch(goirle_pending, client):
    tilburg = gemeente(TILBURG)
    tilburg.geldig_tot = timezone.localdate() - timedelta(days=1)  # no successor loaded
    tilburg.save()
    client.force_login(staff_of(goirle_pending.bibliotheek))
    url = reverse("aanmelding:werkgebied_change", args=[goirle_pending.pk])

    response = client.post(url, {"gekozen": [tilburg.pk]})

    assert response.status_code == 200
    assert "Tilburg bestaat niet meer" in response.content.decode()
    assert list(goirle_pending.bibliotheek.werkgebied.all()) == [gemeente(GOIRLE)]
    with pytest.raises(WorkflowError):
        werkgebied_changes.confirm(goirle_pending, staff_of(goirle_pending.bibliotheek), [tilburg])


def test_a_proposal_that_ceased_after_its_load_is_replaced_when_the_library_opens_it(
    goirle_pending, client, tmp_path
):
    apply(tmp_path, [(f"{JAAR + 1}-01-01", TILBURG, "Tilburg", "Noord-Brabant", OISTERWIJK, "")])
    assert proposed(goirle_pending) == [TILBURG]  # Tilburg still holds the area until then
    tilburg = gemeente(TILBURG)
    tilburg.geldig_tot = timezone.localdate() - timedelta(days=1)  # the day has come
    tilburg.save()
    client.force_login(staff_of(goirle_pending.bibliotheek))

    client.get(reverse("aanmelding:werkgebied_change", args=[goirle_pending.pk]))

    assert proposed(goirle_pending) == [OISTERWIJK]


def test_confirming_a_successor_that_ceases_later_records_its_follow_up_change(
    goirle_pending, tmp_path
):
    apply(tmp_path, [(f"{JAAR + 1}-01-01", TILBURG, "Tilburg", "Noord-Brabant", OISTERWIJK, "")])
    bibliotheek = goirle_pending.bibliotheek

    werkgebied_changes.confirm(goirle_pending, staff_of(bibliotheek), [gemeente(TILBURG)])

    follow_up = WerkgebiedWijziging.objects.get(bibliotheek=bibliotheek, gemeente=gemeente(TILBURG))
    assert not follow_up.is_bevestigd
    assert proposed(follow_up) == [OISTERWIJK]
    assert gemeente(TILBURG).geldig_tot == date(JAAR, 12, 31)
