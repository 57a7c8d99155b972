"""Anonymous callers read only the public endpoints; an API token reads what its organisation
may (a library's token only that library's data, a national token everyone's); a revoked or
unknown key gets 401; a logged-in person reads the monitor's data only with the role the
pages ask for (the coordinator yes, library staff no)."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from aanmelding.models import Gemeente
from aanmelding.reference_data import DATA, load_gemeenten
from kbregeling.api.models import ApiToken
from rapportage.constants import RapportageStatus as S

from ..aanmelding.factories import BibliotheekFactory
from ..accounts.factories import staff_of
from ..licenties.factories import LicentieFactory
from ..rapportage.factories import RapportageFactory
from .conftest import api_get, assert_problem

pytestmark = pytest.mark.django_db

PUBLIC = [
    reverse("api:gemeenten"),
    reverse("api:deelnemende_gemeenten") + "?jaar=2025",
    reverse("api:deelnemende_bibliotheken") + "?jaar=2025",
    reverse("api:landelijke_cijfers", args=[2025]),
    reverse("api:schema"),
]
PROTECTED = [reverse("api:licenties"), reverse("api:rapportage_totalen")]


@pytest.fixture
def two_libraries(eigen_bibliotheek):
    """Each library with a 2025 licence year and its submitted year report."""
    andere = BibliotheekFactory(naam="Bibliotheek Andere")
    for bibliotheek in (eigen_bibliotheek, andere):
        licentie = LicentieFactory(
            bibliotheek=bibliotheek, verlopen=True, begindatum=date(2025, 1, 1)
        )
        RapportageFactory(licentie=licentie, ingevuld=True, status=S.INGEDIEND)
    return eigen_bibliotheek, andere


@pytest.mark.parametrize("url", PUBLIC)
def test_anonymous_reads_every_public_endpoint(anonymous, two_libraries, url):
    response = anonymous.get(url)

    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"


@pytest.mark.parametrize("url", PROTECTED)
def test_anonymous_gets_a_401_problem_on_the_token_endpoints(anonymous, url):
    response = anonymous.get(url)

    problem = assert_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "Authorization: Bearer" in problem["detail"]


def test_a_librarys_token_sees_only_its_own_licences(anonymous, two_libraries, library_key):
    eigen, _andere = two_libraries

    results = api_get(anonymous, reverse("api:licenties"), library_key).json()["results"]

    assert {row["bibliotheek"]["naam"] for row in results} == {eigen.naam}


def test_a_librarys_token_counts_only_its_own_reports(anonymous, two_libraries, library_key):
    results = api_get(anonymous, reverse("api:rapportage_totalen"), library_key).json()["results"]

    assert [(row["jaar"], row["rapportages"], row["ingediend"]) for row in results] == [
        (2025, 1, 1)
    ]
    assert results[0]["totalen"]["deelnemers_afgerond"] == 30
    assert results[0]["per_status"][S.INGEDIEND] == 1


def test_a_national_token_sees_every_library(anonymous, two_libraries, national_key):
    licences = api_get(anonymous, reverse("api:licenties"), national_key).json()
    reports = api_get(anonymous, reverse("api:rapportage_totalen"), national_key).json()

    assert {row["bibliotheek"]["naam"] for row in licences["results"]} == {
        "Bibliotheek Eigen",
        "Bibliotheek Andere",
    }
    assert reports["results"][0]["rapportages"] == 2
    assert reports["results"][0]["totalen"]["deelnemers_afgerond"] == 60


def test_a_licence_row_has_dates_state_value_and_its_number_of_municipalities(
    anonymous, two_libraries, library_key
):
    row = api_get(anonymous, reverse("api:licenties") + "?jaar=2025", library_key).json()[
        "results"
    ][0]

    assert row["jaar"] == 2025
    assert row["begindatum"] == "2025-01-01"
    assert row["einddatum"] == "2025-12-31"
    assert row["status"] == "verlopen"
    assert row["waarde"] == 6000.0
    assert row["aantal_gemeenten"] == 1


@pytest.mark.parametrize("scheme", ["Bearer", "Token", "bearer"])
def test_the_key_is_read_after_bearer_or_token(anonymous, national_key, scheme):
    response = api_get(anonymous, reverse("api:licenties"), national_key, scheme=scheme)

    assert response.status_code == 200


def test_a_revoked_key_gets_401(anonymous, national_key):
    ApiToken.objects.get().revoke()

    response = api_get(anonymous, reverse("api:licenties"), national_key)

    assert_problem(response, 401)


@pytest.mark.parametrize("key", ["not-a-key", "a b", ""])
def test_an_unknown_or_malformed_key_gets_401(anonymous, national_key, key):
    response = api_get(anonymous, reverse("api:licenties"), key)

    assert_problem(response, 401)


def test_a_token_records_when_it_was_last_used(anonymous, national_key):
    api_get(anonymous, reverse("api:licenties"), national_key)

    used = ApiToken.objects.get().laatst_gebruikt_op
    assert used is not None and timezone.now() - used < timezone.timedelta(minutes=1)


def test_only_a_hash_of_the_key_is_stored(national_key):
    token = ApiToken.objects.get()

    assert national_key not in {token.sleutel_hash, token.sleutel_begin}
    assert len(token.sleutel_begin) < len(national_key) / 4


@pytest.mark.parametrize("url", PROTECTED)
@pytest.mark.parametrize("who", ["coordinator", "kb", "digisterker"])
def test_the_coordinator_and_reviewers_logged_in_read_the_monitor_endpoints(
    client, two_libraries, url, who, request
):
    """The rule of the pages with the same data: all licences and the national overview."""
    client.force_login(request.getfixturevalue(who))

    response = client.get(url)

    assert response.status_code == 200
    assert response.json()["count"] == (2 if url == reverse("api:licenties") else 1)


@pytest.mark.parametrize("url", PROTECTED)
def test_library_staff_logged_in_are_refused_the_national_data(client, eigen_bibliotheek, url):
    client.force_login(staff_of(eigen_bibliotheek))

    response = client.get(url)

    assert_problem(response, 403)


def test_the_administrator_logged_in_is_refused_the_national_data(client, beheerder):
    client.force_login(beheerder)

    assert_problem(client.get(reverse("api:licenties")), 403)


def test_the_public_libraries_show_no_contact_person_or_e_mail(anonymous, two_libraries):
    eigen, _andere = two_libraries

    response = anonymous.get(reverse("api:deelnemende_bibliotheken") + "?jaar=2025")

    row = next(r for r in response.json()["results"] if r["naam"] == eigen.naam)
    assert set(row) == {"naam", "plaats", "website", "gemeenten"}
    assert eigen.contact_email not in response.content.decode()
    assert eigen.contactpersoon not in response.content.decode()


def test_the_participating_municipalities_name_their_libraries(anonymous, two_libraries):
    eigen, _andere = two_libraries
    gemeente = eigen.werkgebied.get()

    results = anonymous.get(reverse("api:deelnemende_gemeenten") + "?jaar=2025").json()["results"]

    assert {
        "cbs_code": gemeente.cbs_code,
        "naam": gemeente.naam,
        "provincie": gemeente.provincie,
        "bibliotheken": [eigen.naam],
    } in results
    assert anonymous.get(reverse("api:deelnemende_gemeenten") + "?jaar=2030").json()["count"] == 0


def test_the_public_lists_count_only_licence_years_that_run_or_ran(anonymous, two_libraries):
    """A planned year (an agreement not yet signed, or next year's renewal) is not taking
    part yet; the coordinator's pages still count it."""
    gepland = BibliotheekFactory(naam="Bibliotheek Gepland")
    LicentieFactory(bibliotheek=gepland, begindatum=date(2025, 1, 1))  # planned
    LicentieFactory(
        bibliotheek=BibliotheekFactory(naam="Bibliotheek Loopt"),
        actief=True,
        begindatum=date(2025, 1, 1),
    )

    libraries = anonymous.get(reverse("api:deelnemende_bibliotheken") + "?jaar=2025").json()
    municipalities = anonymous.get(reverse("api:deelnemende_gemeenten") + "?jaar=2025").json()

    names = {row["naam"] for row in libraries["results"]}
    assert names == {"Bibliotheek Eigen", "Bibliotheek Andere", "Bibliotheek Loopt"}
    codes = {row["cbs_code"] for row in municipalities["results"]}
    assert gepland.werkgebied.get().cbs_code not in codes
    assert all(
        "Bibliotheek Gepland" not in row["bibliotheken"] for row in municipalities["results"]
    )
    assert municipalities["count"] == 3


def test_the_public_municipalities_follow_a_merger_to_the_successor(anonymous):
    """A 2023 licence year that still names the three municipalities Voorne aan Zee
    replaced on 1 January 2023 covers Voorne aan Zee."""
    load_gemeenten(wijzigingen=DATA / "gemeentewijzigingen-2021-2023.csv")
    before = list(Gemeente.objects.filter(naam__in=["Brielle", "Hellevoetsluis", "Westvoorne"]))
    LicentieFactory(
        bibliotheek=BibliotheekFactory(naam="Bibliotheek Voorne-Putten", werkgebied=before),
        verlopen=True,
        begindatum=date(2023, 1, 1),
    )

    results = anonymous.get(reverse("api:deelnemende_gemeenten") + "?jaar=2023").json()["results"]

    assert [(r["naam"], r["bibliotheken"]) for r in results] == [
        ("Voorne aan Zee", ["Bibliotheek Voorne-Putten"])
    ]
