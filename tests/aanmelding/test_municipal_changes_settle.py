"""KB's administrator who takes a ceased municipality out of a werkgebied by hand settles the
library's change, recorded as settled by that edit; a library's own confirmation is never
overwritten."""

import pytest
from django.urls import reverse
from django.utils import timezone

from aanmelding import werkgebied_changes
from aanmelding.onboarding_forms import BibliotheekForm
from aanmelding.reference_data import load_gemeenten

from ..accounts.factories import UserFactory, staff_of
from .factories import BibliotheekFactory
from .test_municipal_changes_werkgebied import GOIRLE, TILBURG, apply, change_of, gemeente

pytestmark = pytest.mark.django_db


@pytest.fixture
def merged(tmp_path):
    """Goirle merged into Tilburg on 1 January; a library serves Goirle."""
    load_gemeenten()
    bibliotheek = BibliotheekFactory(werkgebied=[gemeente(GOIRLE)])
    day = f"{timezone.localdate().year}-01-01"
    apply(tmp_path, [(day, GOIRLE, "Goirle", "Noord-Brabant", TILBURG, "")])
    return bibliotheek


def edit_werkgebied(client, bibliotheek, names):
    form = BibliotheekForm(instance=bibliotheek)
    data = {name: form[name].value() or "" for name in form.fields}
    data["werkgebied"] = names
    return client.post(reverse("beheer:library_edit", args=[bibliotheek.pk]), data)


def test_a_change_settled_by_kbs_werkgebied_edit_is_recorded_as_settled_not_confirmed(
    merged, beheer_client, client
):
    assert edit_werkgebied(beheer_client, merged, "Tilburg").status_code == 302

    wijziging = change_of(merged)
    assert wijziging.afgehandeld_door_beheer
    client.force_login(UserFactory(coordinator=True))
    html = client.get(reverse("aanmelding:werkgebied_changes")).content.decode()
    assert "door het werkgebied te bewerken" in html


def test_settling_never_overwrites_the_librarys_own_confirmation(merged, beheer_client, beheerder):
    staff = staff_of(merged)
    werkgebied_changes.confirm(change_of(merged), staff, [gemeente(TILBURG)])
    confirmed = change_of(merged)

    edit_werkgebied(beheer_client, merged, "Tilburg")
    assert werkgebied_changes.settle(merged, beheerder) == 0

    wijziging = change_of(merged)
    assert (wijziging.bevestigd_door, wijziging.bevestigd_op) == (staff, confirmed.bevestigd_op)
    assert not wijziging.afgehandeld_door_beheer
