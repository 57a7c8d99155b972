"""Municipal changes: ``load_gemeenten`` applies a year's list and a file of changes
idempotently; past years keep their figures; a werkgebied follows only once the library
confirms; KB sees what waits for the libraries."""

import csv
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from aanmelding import werkgebied_changes
from aanmelding.models import Bibliotheek, Gemeente, WerkgebiedWijziging
from aanmelding.reference_data import (
    DATA,
    GEMEENTEN_CSV,
    ReferenceDataError,
    load_gemeenten,
)
from licenties.coverage import coverage
from rapportage.constants import RapportageStatus as S
from rapportage.figures import national_figures

from ..accounts.factories import staff_of
from ..licenties.factories import LicentieFactory
from ..rapportage.factories import RapportageFactory, drive
from .factories import BibliotheekFactory

pytestmark = pytest.mark.django_db

JAAR = timezone.localdate().year  # the changes below take effect on 1 January of this year
TILBURG, GOIRLE, BOXTEL = "GM0855", "GM0785", "GM0757"
VUGHT, OISTERWIJK, HART = "GM0865", "GM0824", "GM2001"  # Hart van Brabant: made up
CHANGES = [  # Tilburg and Goirle merge into a new municipality, Boxtel is split in two
    (f"{JAAR}-01-01", TILBURG, "Tilburg", "Noord-Brabant", HART, "ja"),
    (f"{JAAR}-01-01", GOIRLE, "Goirle", "Noord-Brabant", HART, "ja"),
    (f"{JAAR}-01-01", BOXTEL, "Boxtel", "Noord-Brabant", VUGHT, ""),
    (f"{JAAR}-01-01", BOXTEL, "Boxtel", "Noord-Brabant", OISTERWIJK, ""),
]


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def this_years_files(tmp_path):
    """This year's CBS list (the 2025 list without the three ceased, with the new one) and
    the changes."""
    with open(GEMEENTEN_CSV, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle)][1:]
    rows = [r for r in rows if r[0] not in (TILBURG, GOIRLE, BOXTEL)]
    rows.append([HART, "Hart van Brabant", "Noord-Brabant", "255648"])
    lijst = write_csv(tmp_path / "lijst.csv", ["cbs_code", "naam", "provincie", "inwoners"], rows)
    changes = write_csv(
        tmp_path / "wijzigingen.csv",
        ["datum", "cbs_code", "naam", "provincie", "opvolger", "nieuw"],
        CHANGES,
    )
    return lijst, changes


def gemeente(code):
    return Gemeente.objects.get(cbs_code=code)


def werkgebied(bibliotheek):
    return sorted(bibliotheek.werkgebied.values_list("cbs_code", flat=True))


def everything():
    """What loading may change, to compare before and after."""
    return (
        sorted(
            Gemeente.objects.values_list(
                "pk", "cbs_code", "naam", "provincie", "inwoners", "geldig_van", "geldig_tot"
            )
        ),
        sorted(Gemeente.opvolgers.through.objects.values_list("from_gemeente", "to_gemeente")),
        sorted(WerkgebiedWijziging.objects.values_list("pk", "bibliotheek", "gemeente")),
        sorted(
            WerkgebiedWijziging.voorgestelde_opvolgers.through.objects.values_list(
                "werkgebiedwijziging", "gemeente"
            )
        ),
        sorted(Bibliotheek.werkgebied.through.objects.values_list("bibliotheek", "gemeente")),
    )


@pytest.fixture
def served():
    """The 2025 municipalities, and a library serving Tilburg and one serving Boxtel."""
    load_gemeenten()
    return (
        BibliotheekFactory(naam="Bibliotheek Midden-Brabant", werkgebied=[gemeente(TILBURG)]),
        BibliotheekFactory(naam="Bibliotheek Boxtel", werkgebied=[gemeente(BOXTEL)]),
    )


def with_past_licences():
    """Licence years and submitted reports of the two years before the change."""
    tilburg = BibliotheekFactory(werkgebied=[gemeente(TILBURG), gemeente(GOIRLE)])
    boxtel = BibliotheekFactory(werkgebied=[gemeente(BOXTEL)])
    for jaar in (JAAR - 2, JAAR - 1):
        for bibliotheek in (tilburg, boxtel):
            licentie = LicentieFactory(
                bibliotheek=bibliotheek, verlopen=True, begindatum=date(jaar, 1, 1)
            )
            drive(RapportageFactory(licentie=licentie, ingevuld=True), S.BEOORDEELD)


def past_years():
    return {
        jaar: (coverage(jaar), national_figures(jaar).__dict__) for jaar in (JAAR - 2, JAAR - 1)
    }


# Loading the list and the changes ---------------------------------------------------------


def test_a_merger_applied_to_a_database_with_licences_leaves_every_past_years_figures_unchanged(
    this_years_files, client, coordinator
):
    load_gemeenten()
    with_past_licences()
    before = past_years()
    client.force_login(coordinator)
    pages = {
        jaar: client.get(reverse("licenties:overview") + f"?jaar={jaar}").context["map_paths"]
        for jaar in before
    }
    assert national_figures(JAAR - 1).covered == 3

    load_gemeenten(*this_years_files)

    assert past_years() == before
    for jaar, paths in pages.items():
        response = client.get(reverse("licenties:overview") + f"?jaar={jaar}")
        assert response.context["map_paths"] == paths
        assert not response.context["map_other_municipalities"]
        national = client.get(reverse("rapportage:national") + f"?jaar={jaar}")
        assert national.context["figures"].__dict__ == before[jaar][1]

    # The libraries confirm their changes: the werkgebied moves, the past years do not.
    for wijziging in WerkgebiedWijziging.objects.pending():
        staff = staff_of(wijziging.bibliotheek)
        werkgebied_changes.confirm(wijziging, staff, wijziging.voorgestelde_opvolgers.all()[:1])
    assert not WerkgebiedWijziging.objects.pending().exists()
    assert past_years() == before


def test_a_licence_year_counts_the_municipalities_that_exist_on_its_first_of_january(
    this_years_files,
):
    load_gemeenten(*this_years_files)

    assert Gemeente.objects.count() == 343  # the three ceased keep their rows
    assert sum(p["total"] for p in coverage(JAAR - 1)) == 342
    assert sum(p["total"] for p in coverage(JAAR)) == 340
    assert national_figures(JAAR).municipalities == 340
    assert national_figures(JAAR - 1).municipalities == 342


def test_a_ceased_municipality_keeps_its_row_with_its_last_day_and_its_successors(
    this_years_files,
):
    load_gemeenten()
    load_gemeenten(*this_years_files)

    tilburg, boxtel, hart = gemeente(TILBURG), gemeente(BOXTEL), gemeente(HART)
    assert tilburg.geldig_tot == date(JAAR - 1, 12, 31)
    assert tilburg.inwoners > 0  # as the earlier list had it
    assert list(tilburg.opvolgers.all()) == [hart]
    assert sorted(boxtel.opvolgers.values_list("cbs_code", flat=True)) == [OISTERWIJK, VUGHT]
    assert hart.geldig_van == date(JAAR, 1, 1) and hart.geldig_tot is None
    assert gemeente(VUGHT).geldig_van is None  # it existed before it took part of Boxtel
    assert sorted(hart.voorgangers.values_list("cbs_code", flat=True)) == [GOIRLE, TILBURG]


def test_applying_the_same_list_and_changes_twice_changes_nothing(this_years_files, served):
    out = StringIO()
    lijst, changes = this_years_files
    call_command("load_gemeenten", str(lijst), wijzigingen=str(changes), stdout=out)
    assert "1 created" in out.getvalue()
    assert "3 ceased, 1 arisen, 4 successor links added; 2 werkgebied changes" in out.getvalue()
    before = everything()

    out = StringIO()
    call_command("load_gemeenten", str(lijst), wijzigingen=str(changes), stdout=out)

    assert "0 created, 0 updated" in out.getvalue()
    assert "0 ceased, 0 arisen, 0 successor links added; 0 werkgebied changes" in out.getvalue()
    assert everything() == before


def test_the_real_changes_of_2021_to_2023_give_each_years_number_of_municipalities():
    """355 in 2020, 352 in 2021, 345 on 1 January 2022 (Beemster into Purmerend that day,
    Weesp until 23 March), 342 since."""
    loaded = load_gemeenten(wijzigingen=DATA / "gemeentewijzigingen-2021-2023.csv")

    assert loaded.created == 342 + 18  # the ceased ones, from the file: the list lacks them
    counts = {jaar: Gemeente.objects.valid_in(jaar).count() for jaar in range(2020, 2026)}
    assert counts == {2020: 355, 2021: 352, 2022: 345, 2023: 342, 2024: 342, 2025: 342}
    weesp = gemeente("GM0457")
    assert weesp.geldig_tot == date(2022, 3, 23)
    assert list(weesp.opvolgers.values_list("naam", flat=True)) == ["Amsterdam"]
    assert gemeente("GM1979").geldig_van == date(2021, 1, 1)  # Eemsdelta
    assert gemeente("GM0788").opvolgers.count() == 4  # Haaren, split over four
    assert gemeente("GM0370").geldig_tot == date(2021, 12, 31)  # Beemster, into Purmerend


@pytest.mark.parametrize(
    "row, message",
    [
        (("2027-01-01", TILBURG, "Tilburg", "Noord-Brabant", "GM9999", "ja"), "GM9999 is unknown"),
        (("1-1-2027", TILBURG, "Tilburg", "Noord-Brabant", GOIRLE, ""), "is not a date"),
        (("2027-01-01", "Tilburg", "", "", GOIRLE, ""), "is not a CBS code"),
        (("2027-01-01", "GM9998", "", "", TILBURG, ""), "give its naam and provincie"),
        (("2027-01-01", TILBURG, "Tilburg", "Noord-Brabant", TILBURG, ""), "succeed itself"),
        (("2027-01-01", TILBURG, "Tilburg", "Noord-Brabant", GOIRLE, "misschien"), "nieuw"),
    ],
)
def test_a_change_that_does_not_add_up_is_refused_with_its_line_and_nothing_is_written(
    tmp_path, row, message
):
    load_gemeenten()
    before = everything()
    changes = write_csv(
        tmp_path / "w.csv", ["datum", "cbs_code", "naam", "provincie", "opvolger", "nieuw"], [row]
    )

    with pytest.raises(CommandError) as error:
        call_command("load_gemeenten", wijzigingen=str(changes), stdout=StringIO())

    assert message in str(error.value)
    assert "line 2" in str(error.value)
    assert everything() == before


def test_a_municipality_cannot_cease_on_two_dates(tmp_path):
    load_gemeenten()
    rows = [
        ("2027-01-01", TILBURG, "Tilburg", "Noord-Brabant", GOIRLE, ""),
        ("2028-01-01", TILBURG, "Tilburg", "Noord-Brabant", BOXTEL, ""),
    ]
    changes = write_csv(
        tmp_path / "w.csv", ["datum", "cbs_code", "naam", "provincie", "opvolger", "nieuw"], rows
    )
    load_gemeenten(
        wijzigingen=write_csv(
            tmp_path / "w1.csv",
            ["datum", "cbs_code", "naam", "provincie", "opvolger", "nieuw"],
            rows[:1],
        )
    )

    with pytest.raises(ReferenceDataError, match="two different dates"):
        load_gemeenten(wijzigingen=changes)
    with pytest.raises(ReferenceDataError, match="already ceased after 2026-12-31"):
        load_gemeenten(
            wijzigingen=write_csv(
                tmp_path / "w2.csv",
                ["datum", "cbs_code", "naam", "provincie", "opvolger", "nieuw"],
                rows[1:],
            )
        )


def test_a_list_without_a_column_is_refused(tmp_path):
    lijst = write_csv(tmp_path / "l.csv", ["cbs_code", "naam"], [("GM0363", "Amsterdam")])

    with pytest.raises(ReferenceDataError, match="missing column"):
        load_gemeenten(lijst)
    assert not Gemeente.objects.exists()


def test_the_cached_national_figures_follow_a_change_loaded_in_bulk_at_once(
    tmp_path, client, coordinator
):
    """No row is added and no inhabitant moves: only a last day is written, in bulk."""
    load_gemeenten()
    client.force_login(coordinator)
    url = reverse("rapportage:national") + f"?jaar={JAAR}"
    assert client.get(url).context["figures"].municipalities == 342
    changes = write_csv(
        tmp_path / "w.csv",
        ["datum", "cbs_code", "naam", "provincie", "opvolger", "nieuw"],
        [(f"{JAAR}-01-01", GOIRLE, "Goirle", "Noord-Brabant", TILBURG, "")],
    )

    load_gemeenten(wijzigingen=changes)

    assert client.get(url).context["figures"].municipalities == 341
