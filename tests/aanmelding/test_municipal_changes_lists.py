"""A later list or changes file never rewrites the past by itself: a new code needs the
change it arose from, a municipality left out of the list needs the change that ended it,
and a start date once loaded stays."""

import csv
from io import StringIO

import pytest
from django.core.management import call_command

from aanmelding.models import Gemeente
from aanmelding.reference_data import GEMEENTEN_CSV, ReferenceDataError, load_gemeenten

from .test_municipal_changes import (
    GOIRLE,
    HART,
    TILBURG,
    everything,
    write_csv,
)

pytestmark = pytest.mark.django_db
LIST_HEADER = ["cbs_code", "naam", "provincie", "inwoners"]
CHANGE_HEADER = ["datum", "cbs_code", "naam", "provincie", "opvolger", "nieuw"]


def list_2025():
    with open(GEMEENTEN_CSV, encoding="utf-8", newline="") as handle:
        return [r for r in csv.reader(handle)][1:]


def test_a_new_list_with_a_code_no_change_accounts_for_is_refused_with_its_line(tmp_path):
    load_gemeenten()
    before = everything()
    rows = [*list_2025(), [HART, "Hart van Brabant", "Noord-Brabant", "1000"]]
    lijst = write_csv(tmp_path / "lijst.csv", LIST_HEADER, rows)

    with pytest.raises(ReferenceDataError, match=f"line {len(rows) + 1}: {HART} is new"):
        load_gemeenten(lijst)
    assert everything() == before


def test_a_new_list_leaving_out_a_municipality_no_change_ends_is_refused(tmp_path):
    load_gemeenten()
    before = everything()
    lijst = write_csv(
        tmp_path / "lijst.csv",
        LIST_HEADER,
        [r for r in list_2025() if r[0] != GOIRLE],
    )

    with pytest.raises(ReferenceDataError, match=f"lijst.csv: {GOIRLE} \\(Goirle\\) is not in"):
        load_gemeenten(lijst)
    assert everything() == before


def test_a_new_list_with_the_changes_that_explain_it_is_loaded(tmp_path):
    load_gemeenten()
    rows = [r for r in list_2025() if r[0] != GOIRLE]
    lijst = write_csv(tmp_path / "lijst.csv", LIST_HEADER, rows)
    changes = write_csv(
        tmp_path / "w.csv",
        CHANGE_HEADER,
        [("2027-01-01", GOIRLE, "Goirle", "Noord-Brabant", TILBURG, "")],
    )

    load_gemeenten(lijst, changes)
    load_gemeenten(lijst)  # and the list alone again, now that Goirle ended

    assert str(Gemeente.objects.get(cbs_code=GOIRLE).geldig_tot) == "2026-12-31"


def test_the_plain_load_of_the_shipped_list_stays_idempotent():
    call_command("load_gemeenten", stdout=StringIO())
    before = everything()

    out = StringIO()
    call_command("load_gemeenten", stdout=out)

    assert "0 created, 0 updated" in out.getvalue()
    assert everything() == before


def test_a_later_file_cannot_move_the_day_a_municipality_arose(tmp_path):
    lijst = write_csv(
        tmp_path / "lijst.csv",
        LIST_HEADER,
        [*list_2025(), [HART, "Hart van Brabant", "Noord-Brabant", "1000"]],
    )
    first = [("2027-01-01", GOIRLE, "Goirle", "Noord-Brabant", HART, "ja")]
    load_gemeenten(lijst, write_csv(tmp_path / "w1.csv", CHANGE_HEADER, first))
    before = everything()
    later = [("2028-01-01", TILBURG, "Tilburg", "Noord-Brabant", HART, "ja")]

    with pytest.raises(ReferenceDataError, match=f"{HART} already arose on 2027-01-01"):
        load_gemeenten(lijst, write_csv(tmp_path / "w2.csv", CHANGE_HEADER, later))
    assert everything() == before
