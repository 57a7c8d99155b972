"""A werkgebied follows a municipal change only once the library confirms it; KB sees the
changes that wait. Who may see and confirm what."""

import csv
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aanmelding.models import Gemeente, WerkgebiedWijziging
from aanmelding.onboarding_forms import BelangstellingForm, BibliotheekForm
from aanmelding.reference_data import load_gemeenten
from aanmelding.werkgebied import picker_data
from licenties.forms import LicentieForm, OvereenkomstForm

from ..accounts.factories import UserFactory, staff_of
from ..licenties.factories import OvereenkomstFactory
from .factories import BibliotheekFactory, GemeenteFactory

pytestmark = pytest.mark.django_db

TILBURG, GOIRLE, BOXTEL, VUGHT, OISTERWIJK = "GM0855", "GM0785", "GM0757", "GM0865", "GM0824"
HEADER = ["datum", "cbs_code", "naam", "provincie", "opvolger", "nieuw"]


def gemeente(code):
    return Gemeente.objects.get(cbs_code=code)


def werkgebied(bibliotheek):
    return sorted(bibliotheek.werkgebied.values_list("cbs_code", flat=True))


def apply(tmp_path, rows):
    path = tmp_path / "wijzigingen.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return load_gemeenten(wijzigingen=path)


def last_year():
    return f"{timezone.localdate().year}-01-01"


@pytest.fixture
def merged(tmp_path):
    """Goirle merged into Tilburg on 1 January; a library serves Goirle."""
    load_gemeenten()
    bibliotheek = BibliotheekFactory(werkgebied=[gemeente(GOIRLE)])
    apply(tmp_path, [(last_year(), GOIRLE, "Goirle", "Noord-Brabant", TILBURG, "")])
    return bibliotheek


@pytest.fixture
def split(tmp_path):
    """Boxtel split over Vught and Oisterwijk on 1 January; a library serves Boxtel."""
    load_gemeenten()
    bibliotheek = BibliotheekFactory(werkgebied=[gemeente(BOXTEL)])
    apply(
        tmp_path,
        [
            (last_year(), BOXTEL, "Boxtel", "Noord-Brabant", VUGHT, ""),
            (last_year(), BOXTEL, "Boxtel", "Noord-Brabant", OISTERWIJK, ""),
        ],
    )
    return bibliotheek


def change_of(bibliotheek):
    return WerkgebiedWijziging.objects.get(bibliotheek=bibliotheek)


def page(wijziging):
    return reverse("aanmelding:werkgebied_change", args=[wijziging.pk])


def test_the_werkgebied_moves_to_the_successor_only_after_the_library_confirms(merged, client):
    wijziging = change_of(merged)
    assert werkgebied(merged) == [GOIRLE]  # recorded, not applied
    assert list(wijziging.voorgestelde_opvolgers.values_list("cbs_code", flat=True)) == [TILBURG]
    medewerker = staff_of(merged)
    client.force_login(medewerker)

    tasks = client.get(reverse("taken:list")).content.decode()
    assert page(wijziging) in tasks
    assert "Goirle" in tasks
    response = client.post(page(wijziging), {"gekozen": [gemeente(TILBURG).pk]})

    assert response.status_code == 302
    assert werkgebied(merged) == [TILBURG]
    wijziging.refresh_from_db()
    assert wijziging.bevestigd_door == medewerker
    assert wijziging.bevestigd_op is not None
    assert list(wijziging.gekozen_opvolgers.values_list("cbs_code", flat=True)) == [TILBURG]
    assert page(wijziging) not in client.get(reverse("taken:list")).content.decode()


def test_a_split_offers_all_successors_chosen_and_the_library_keeps_the_part_it_serves(
    split, client
):
    wijziging = change_of(split)
    client.force_login(staff_of(split))

    form = client.get(page(wijziging)).context["form"]
    assert sorted(g.cbs_code for g in form.fields["gekozen"].queryset) == [OISTERWIJK, VUGHT]
    assert sorted(form["gekozen"].value()) == sorted([gemeente(VUGHT).pk, gemeente(OISTERWIJK).pk])
    client.post(page(wijziging), {"gekozen": [gemeente(VUGHT).pk]})

    assert werkgebied(split) == [VUGHT]


def test_confirming_no_successor_is_refused_beside_the_field_and_in_the_summary(split, client):
    client.force_login(staff_of(split))

    response = client.post(page(change_of(split)), {})

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="foutmeldingen"' in html
    assert html.count("Kies minstens één gemeente.") == 2
    assert werkgebied(split) == [BOXTEL]


def test_a_successor_that_was_not_proposed_is_refused(split, client):
    client.force_login(staff_of(split))

    client.post(page(change_of(split)), {"gekozen": [gemeente(TILBURG).pk]})

    assert werkgebied(split) == [BOXTEL]


def test_staff_of_another_library_can_neither_see_nor_confirm_the_change(merged, client):
    wijziging = change_of(merged)
    client.force_login(staff_of(BibliotheekFactory()))

    assert client.get(page(wijziging)).status_code == 404
    assert client.post(page(wijziging), {"gekozen": [gemeente(TILBURG).pk]}).status_code == 404
    assert page(wijziging) not in client.get(reverse("taken:list")).content.decode()
    assert werkgebied(merged) == [GOIRLE]


@pytest.mark.parametrize("role", ["kb", "coordinator", "beheerder"])
def test_kb_reads_a_change_but_only_the_library_confirms_it(merged, client, role):
    wijziging = change_of(merged)
    client.force_login(UserFactory(**{role: True}))

    response = client.get(page(wijziging))
    assert response.status_code == 200 and response.context["form"] is None
    assert client.post(page(wijziging), {"gekozen": [gemeente(TILBURG).pk]}).status_code == 403
    assert werkgebied(merged) == [GOIRLE]


def test_a_confirmed_change_cannot_be_confirmed_again(merged, client):
    wijziging = change_of(merged)
    client.force_login(staff_of(merged))
    client.post(page(wijziging), {"gekozen": [gemeente(TILBURG).pk]})

    assert client.post(page(wijziging), {"gekozen": [gemeente(TILBURG).pk]}).status_code == 403


def test_kb_administrator_taking_the_ceased_municipality_out_by_hand_settles_the_change(
    merged, beheer_client, beheerder
):
    form = BibliotheekForm(instance=merged)
    data = {name: form[name].value() or "" for name in form.fields}
    data["werkgebied"] = "Tilburg"

    response = beheer_client.post(reverse("beheer:library_edit", args=[merged.pk]), data)

    assert response.status_code == 302
    wijziging = change_of(merged)
    assert wijziging.bevestigd_door == beheerder
    assert list(wijziging.gekozen_opvolgers.values_list("cbs_code", flat=True)) == [TILBURG]


# KB's list ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["kb", "coordinator", "beheerder"])
def test_kb_sees_the_changes_that_wait_for_a_library(merged, client, role):
    client.force_login(UserFactory(**{role: True}))

    response = client.get(reverse("aanmelding:werkgebied_changes"))

    assert response.status_code == 200
    assert merged.naam in response.content.decode()
    assert page(change_of(merged)) in response.content.decode()


@pytest.mark.parametrize("role", ["digisterker", "library staff"])
def test_the_wrong_role_cannot_see_kbs_list_of_changes(merged, client, role):
    user = staff_of(merged) if role == "library staff" else UserFactory(digisterker=True)
    client.force_login(user)

    assert client.get(reverse("aanmelding:werkgebied_changes")).status_code == 403


def pending_changes(n):
    """``n`` libraries, each with a ceased municipality waiting, two successors proposed, and
    as many confirmed."""
    for _ in range(n):
        ceased = GemeenteFactory(geldig_tot=date(2026, 12, 31))
        successors = [GemeenteFactory(), GemeenteFactory()]
        for bevestigd in (None, timezone.now()):
            bibliotheek = BibliotheekFactory(werkgebied=[ceased])
            wijziging = WerkgebiedWijziging.objects.create(
                bibliotheek=bibliotheek,
                gemeente=ceased,
                bevestigd_op=bevestigd,
                bevestigd_door=staff_of(bibliotheek) if bevestigd else None,
            )
            wijziging.voorgestelde_opvolgers.set(successors)
            wijziging.gekozen_opvolgers.set(successors[:1] if bevestigd else [])


def test_kbs_list_of_changes_runs_a_fixed_number_of_queries(client, coordinator):
    client.force_login(coordinator)
    url = reverse("aanmelding:werkgebied_changes")
    counts = []
    for n in (2, 40):
        pending_changes(n if not counts else n - 2)
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert len(response.context["page"].object_list) == n
        counts.append(len(queries))

    assert counts[0] == counts[1] == 10, counts


# Pickers offer only municipalities that exist today ---------------------------------------


def test_a_werkgebied_picker_refuses_a_ceased_municipality(merged):
    form = BelangstellingForm(
        {
            "naam": "Anne",
            "organisatie": "Bibliotheek X",
            "email": "a@x.example",
            "gemeenten": "Goirle",
        }
    )

    assert not form.is_valid()
    assert "Goirle" in form.errors["gemeenten"][0]


def test_the_picker_offers_only_municipalities_that_exist_today(merged):
    names = {row[2] for row in picker_data()["options"]}

    assert "Tilburg" in names and "Goirle" not in names
    assert len(names) == 341


def test_editing_a_library_keeps_its_ceased_municipality_until_it_is_taken_out(merged):
    form = BibliotheekForm(instance=merged)
    data = {name: form[name].value() or "" for name in form.fields}
    assert data["werkgebied"] == "Goirle"

    assert BibliotheekForm(data, instance=merged).is_valid()
    other = BibliotheekFactory(werkgebied=[gemeente(TILBURG)])
    data["werkgebied"] = "Tilburg\nGoirle"
    assert not BibliotheekForm(data, instance=other).is_valid()  # not added anew elsewhere


def test_licence_and_agreement_forms_offer_only_todays_municipalities_but_keep_what_they_cover(
    merged,
):
    merged.werkgebied.add(gemeente(TILBURG))
    overeenkomst = OvereenkomstFactory(bibliotheek=merged)
    overeenkomst.gemeenten.set([gemeente(GOIRLE)])

    new_licence = LicentieForm(bibliotheek=merged).fields["gemeenten"].queryset
    agreement = OvereenkomstForm(instance=overeenkomst, bibliotheek=merged).fields["gemeenten"]

    assert [g.cbs_code for g in new_licence] == [TILBURG]
    assert sorted(g.cbs_code for g in agreement.queryset) == [GOIRLE, TILBURG]
