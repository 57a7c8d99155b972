"""A change loaded before it takes effect: KB can record next year's licence for a
municipality that arises on 1 January, the library sees and confirms the change only from
that day, and KB's list shows it with its date."""

import csv
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from aanmelding import werkgebied_changes
from aanmelding.models import WerkgebiedWijziging
from aanmelding.reference_data import GEMEENTEN_CSV, load_gemeenten
from aanmelding.werkgebied import picker_data
from kbregeling.workflow.runner import WorkflowError
from licenties.forms import LicentieForm

from ..accounts.factories import UserFactory, staff_of
from .factories import BibliotheekFactory
from .test_municipal_changes import HART, write_csv
from .test_municipal_changes_werkgebied import GOIRLE, TILBURG, gemeente

pytestmark = pytest.mark.django_db

JAAR = timezone.localdate().year
NEXT = date(JAAR + 1, 1, 1)


@pytest.fixture
def next_year(tmp_path):
    """Tilburg and Goirle become Hart van Brabant on 1 January next year, loaded today; a
    library serves both."""
    load_gemeenten()
    bibliotheek = BibliotheekFactory(werkgebied=[gemeente(TILBURG), gemeente(GOIRLE)])
    with open(GEMEENTEN_CSV, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle)][1:]
    rows.append([HART, "Hart van Brabant", "Noord-Brabant", "255648"])
    lijst = write_csv(tmp_path / "l.csv", ["cbs_code", "naam", "provincie", "inwoners"], rows)
    changes = [
        (NEXT.isoformat(), code, naam, "Noord-Brabant", HART, "ja")
        for code, naam in ((TILBURG, "Tilburg"), (GOIRLE, "Goirle"))
    ]
    header = ["datum", "cbs_code", "naam", "provincie", "opvolger", "nieuw"]
    load_gemeenten(lijst, write_csv(tmp_path / "w.csv", header, changes))
    return bibliotheek


def test_kb_records_next_years_licence_for_a_municipality_that_arises_on_1_january(next_year):
    data = {"begindatum": NEXT.isoformat(), "gemeenten": [gemeente(HART).pk]}

    form = LicentieForm(data, bibliotheek=next_year)

    assert form.is_valid(), form.errors
    this_year = LicentieForm(bibliotheek=next_year).fields["gemeenten"].queryset
    assert HART not in {g.cbs_code for g in this_year}  # not for a licence starting today


def test_the_werkgebied_picker_offers_todays_municipalities_only(next_year):
    names = {row[2] for row in picker_data()["options"]}

    assert "Tilburg" in names and "Hart van Brabant" not in names


def test_a_change_loaded_in_advance_waits_for_its_day_before_the_library_sees_or_confirms_it(
    next_year, client
):
    staff = staff_of(next_year)
    wijziging = WerkgebiedWijziging.objects.filter(bibliotheek=next_year).first()
    client.force_login(staff)

    assert werkgebied_changes.pending_for(next_year.pk) == []
    page = reverse("aanmelding:werkgebied_change", args=[wijziging.pk])
    assert client.get(page).status_code == 404
    with pytest.raises(WorkflowError):
        werkgebied_changes.confirm(wijziging, staff, [gemeente(HART)])
    assert sorted(next_year.werkgebied.values_list("cbs_code", flat=True)) == [GOIRLE, TILBURG]


def test_kbs_list_shows_a_change_loaded_in_advance_with_the_day_it_takes_effect(next_year, client):
    client.force_login(UserFactory(coordinator=True))

    html = client.get(reverse("aanmelding:werkgebied_changes")).content.decode()

    assert next_year.naam in html
    assert f"1 januari {JAAR + 1}" in html
