"""The public course finder (``/cursus-vinden/``): anyone, without logging in, types a
municipality and sees which library offers Digisterker there today. Only a library with a
licence year that is active today and covers that municipality shows, and only with its public
contact data; the contact person and their e-mail address never appear."""

import re
from datetime import date, timedelta
from unittest import mock
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from aanmelding.models import Gemeente
from aanmelding.reference_data import DATA, load_gemeenten
from licenties.constants import LicentieStatus

from ..aanmelding.factories import BibliotheekFactory, GemeenteFactory
from .factories import LicentieFactory

pytestmark = pytest.mark.django_db

URL = reverse("cursus:finder")


def this_year_start():
    """The start of a licence year that runs today."""
    return timezone.localdate() - timedelta(days=100)


def library(naam, gemeenten, **fields):
    public = {
        "adres": "Spui 68",
        "postcode": "2511 BT",
        "plaats": "Den Haag",
        "telefoon": "070 353 4455",
        "website": "https://www.bibliotheekdenhaag.nl",
    }
    private = {"contactpersoon": "Geheime Contactpersoon", "contact_email": "geheim@bib.example"}
    return BibliotheekFactory(naam=naam, werkgebied=gemeenten, **{**public, **private, **fields})


def active_licence(bibliotheek, gemeenten=None, **kwargs):
    return LicentieFactory(
        bibliotheek=bibliotheek,
        begindatum=this_year_start(),
        status=LicentieStatus.ACTIEF,
        gemeenten=gemeenten,
        **kwargs,
    )


def find(client, text):
    response = client.get(URL, {"gemeente": text})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def den_haag():
    return GemeenteFactory(cbs_code="GM0518", naam="Den Haag", provincie="Zuid-Holland")


@pytest.fixture
def covered(den_haag):
    bibliotheek = library("Bibliotheek Den Haag", [den_haag])
    active_licence(bibliotheek)
    return bibliotheek


def test_the_finder_needs_no_login(client):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert 'method="get"' in html
    assert re.search(r"<label\s+for=\"id_gemeente\"", html)
    assert "Typ de naam van uw gemeente" in html


def test_a_covered_municipality_shows_the_library_with_its_public_contact_data(client, covered):
    html = find(client, "Den Haag")

    assert "Bibliotheek Den Haag" in html
    for public in ("Spui 68", "2511 BT", "https://www.bibliotheekdenhaag.nl"):
        assert public in html
    assert "Op dit moment biedt geen bibliotheek" not in html


def test_the_telephone_number_never_appears_as_it_may_be_the_requesters_own(client, covered):
    """``Bibliotheek.telefoon`` is filled from the sign-up requester's own number: people
    reach the library through its website and address instead."""
    html = find(client, "Den Haag")

    assert "070 353 4455" not in html
    assert "tel:" not in html
    assert "via de website of het adres van de bibliotheek" in html


def test_the_contact_person_and_their_e_mail_never_appear(client, covered, den_haag):
    other = library(
        "Bibliotheek Westland",
        [den_haag],
        contactpersoon="Piet Privé",
        contact_email="piet.prive@westland.example",
    )
    active_licence(other)

    html = find(client, "Den Haag")

    assert "Bibliotheek Westland" in html
    for private in ("Geheime Contactpersoon", "geheim@bib", "Piet Privé", "piet.prive"):
        assert private not in html


@pytest.mark.parametrize(
    "status", [LicentieStatus.GEPLAND, LicentieStatus.VERLOPEN, LicentieStatus.BEEINDIGD]
)
def test_the_finder_never_shows_a_library_without_an_active_licence(client, den_haag, status):
    bibliotheek = library("Bibliotheek Zonder Licentie", [den_haag])
    LicentieFactory(bibliotheek=bibliotheek, begindatum=this_year_start(), status=status)

    html = find(client, "Den Haag")

    assert "Bibliotheek Zonder Licentie" not in html
    assert "Op dit moment biedt geen bibliotheek de cursus Digisterker aan in Den Haag" in html


def test_a_renewed_year_shows_the_library_only_through_the_year_that_runs_now(client, den_haag):
    bibliotheek = library("Bibliotheek Verlengd", [den_haag])
    LicentieFactory(
        bibliotheek=bibliotheek,
        begindatum=this_year_start() - timedelta(days=365),
        status=LicentieStatus.VERLENGD,
    )  # the renewal made next year planned, not active: so it does not show

    assert "Bibliotheek Verlengd" not in find(client, "Den Haag")


def test_a_year_renewed_while_it_still_runs_shows_the_library(client, den_haag):
    """KB's renewal moves the running year from active to renewed before its end date."""
    bibliotheek = library("Bibliotheek Al Verlengd", [den_haag])
    LicentieFactory(
        bibliotheek=bibliotheek, begindatum=this_year_start(), status=LicentieStatus.VERLENGD
    )

    assert "Bibliotheek Al Verlengd" in find(client, "Den Haag")


def test_an_active_state_outside_its_dates_does_not_show(client, den_haag):
    """The state is moved by a nightly task: between its run and the end date a year may
    still read active. Today's date decides."""
    bibliotheek = library("Bibliotheek Oud Jaar", [den_haag])
    LicentieFactory(
        bibliotheek=bibliotheek,
        begindatum=date(2020, 1, 1),
        status=LicentieStatus.ACTIEF,
    )

    assert "Bibliotheek Oud Jaar" not in find(client, "Den Haag")


def test_a_library_shows_only_for_the_municipalities_its_licence_covers(client, den_haag):
    rijswijk = GemeenteFactory(naam="Rijswijk", provincie="Zuid-Holland")
    bibliotheek = library("Bibliotheek Haaglanden", [den_haag, rijswijk])
    active_licence(bibliotheek, gemeenten=[den_haag])

    assert "Bibliotheek Haaglanden" in find(client, "Den Haag")
    html = find(client, "Rijswijk")
    assert "Op dit moment biedt geen bibliotheek de cursus Digisterker aan in Rijswijk" in html


def test_an_uncovered_municipality_says_so_and_names_libraries_elsewhere_in_its_province(
    client, covered
):
    GemeenteFactory(naam="Leiden", provincie="Zuid-Holland")
    groningen = GemeenteFactory(naam="Groningen", provincie="Groningen")
    active_licence(library("Biblionet Groningen", [groningen]))

    html = find(client, "Leiden")

    assert "Op dit moment biedt geen bibliotheek de cursus Digisterker aan in Leiden" in html
    assert "Bibliotheken elders in Zuid-Holland die de cursus aanbieden" in html
    assert "Bibliotheek Den Haag" in html
    assert "Biblionet Groningen" not in html  # another province


def test_an_uncovered_province_says_that_none_offers_it_there_either(client):
    GemeenteFactory(naam="Texel", provincie="Noord-Holland")

    html = find(client, "Texel")

    assert "Op dit moment biedt geen bibliotheek de cursus Digisterker aan in Texel" in html
    assert "Ook elders in Noord-Holland biedt op dit moment geen bibliotheek de cursus aan" in html


@pytest.mark.parametrize(
    "typed", ["den haag", "DEN HAAG", "  Den   Haag ", "gemeente Den Haag", "gm0518", "Den Haga"]
)
def test_names_match_in_any_case_and_spacing_by_code_and_nearly_spelt(client, covered, typed):
    assert "Bibliotheek Den Haag" in find(client, typed)


@pytest.mark.parametrize("typed", ["sudwest fryslan", "Súdwest", "SUDWEST-FRYSLAN", "súdwest fr"])
def test_names_match_without_accents_or_hyphens_and_in_part(client, typed):
    sudwest = GemeenteFactory(naam="Súdwest-Fryslân", provincie="Friesland")
    active_licence(library("Bibliotheek Súdwest-Fryslân", [sudwest]))

    assert "Bibliotheek Súdwest-Fryslân" in find(client, typed)


def test_a_known_other_name_finds_the_municipality(client):
    bosch = GemeenteFactory(cbs_code="GM0796", naam="s-Hertogenbosch", provincie="Noord-Brabant")
    active_licence(library("Bibliotheek 's-Hertogenbosch", [bosch]))

    assert "Bibliotheek &#x27;s-Hertogenbosch" in find(client, "Den Bosch")


def test_several_matches_are_listed_as_links_to_choose_from(client):
    for naam in ["Bergen (NH)", "Bergen (L)", "Bergen op Zoom", "Steenbergen"]:
        GemeenteFactory(naam=naam)
    GemeenteFactory(naam="Utrecht")

    html = find(client, "bergen")

    assert "Gemeenten die passen bij “bergen”" in html
    for naam in ["Bergen (NH)", "Bergen (L)", "Bergen op Zoom", "Steenbergen"]:
        assert f'href="?gemeente={quote(naam)}"' in html
    assert "?gemeente=Utrecht" not in html


def test_an_unknown_name_is_an_error_beside_the_field_and_in_the_summary(client, covered):
    html = find(client, "Atlantis")

    assert 'id="foutmeldingen"' in html
    assert html.count("We vinden geen gemeente met de naam “Atlantis”") == 2
    assert 'aria-invalid="true"' in html
    assert 'value="Atlantis"' in html  # what was typed is kept


def test_an_empty_search_asks_for_the_name_beside_the_field_and_in_the_summary(client):
    html = find(client, "   ")

    assert 'id="foutmeldingen"' in html
    assert html.count("Typ de naam van uw gemeente.") == 2


def test_a_ceased_municipality_leads_to_its_successor(client):
    amsterdam = GemeenteFactory(naam="Amsterdam", provincie="Noord-Holland")
    weesp = GemeenteFactory(naam="Weesp", provincie="Noord-Holland", geldig_tot=date(2022, 3, 23))
    weesp.opvolgers.set([amsterdam])
    active_licence(library("OBA", [amsterdam]))

    html = find(client, "Weesp")

    assert "De gemeente Weesp bestaat niet meer" in html
    assert "OBA" in html
    assert '<option value="Weesp">' not in html  # only today's municipalities are suggested


def test_a_split_municipality_lists_its_successors_to_choose_from(client):
    successors = [
        GemeenteFactory(naam=naam, provincie="Noord-Brabant")
        for naam in ["Boxtel", "Oisterwijk", "Tilburg", "Vught"]
    ]
    haaren = GemeenteFactory(
        naam="Haaren", provincie="Noord-Brabant", geldig_tot=date(2020, 12, 31)
    )
    haaren.opvolgers.set(successors)

    html = find(client, "haaren")

    assert "De gemeente Haaren bestaat niet meer" in html
    assert "31 december 2020" in html
    for gemeente in successors:
        assert f'href="?gemeente={gemeente.naam}"' in html


def test_a_municipality_renamed_and_then_merged_leads_to_todays_one(client):
    eemsdelta = GemeenteFactory(naam="Eemsdelta", provincie="Groningen")
    tussen = GemeenteFactory(naam="Tussengemeente", geldig_tot=date(2020, 12, 31))
    tussen.opvolgers.set([eemsdelta])
    oud = GemeenteFactory(naam="Oudgemeente", geldig_tot=date(2018, 12, 31))
    oud.opvolgers.set([tussen])
    active_licence(library("Bibliotheek Eemsdelta", [eemsdelta]))

    html = find(client, "Oudgemeente")

    assert "De gemeente Oudgemeente bestaat niet meer" in html
    assert "Bibliotheek Eemsdelta" in html


def test_the_map_and_its_table_count_only_municipalities_with_an_active_licence(client):
    load_gemeenten()
    den_haag = Gemeente.objects.get(naam="Den Haag")
    rijswijk = Gemeente.objects.get(naam="Rijswijk")
    active_licence(library("Bibliotheek Den Haag", [den_haag]))
    LicentieFactory(
        bibliotheek=library("Bibliotheek Gepland", [rijswijk]), begindatum=this_year_start()
    )
    zuid_holland = Gemeente.objects.filter(provincie="Zuid-Holland").count()

    html = client.get(URL).content.decode()

    assert html.count('class="covered"><title>') == 1
    assert 'class="covered"><title>Den Haag</title>' in html
    assert 'class="uncovered"><title>Rijswijk</title>' in html
    assert f"1 van {zuid_holland}" in html
    assert "In 1 van de 342 gemeenten biedt een bibliotheek Digisterker aan" in html
    assert 'id="kaart-toelichting"' not in html  # today's municipalities are the map's


def test_a_running_licence_naming_merged_municipalities_covers_their_successor(client):
    """Voorne aan Zee replaced Brielle, Hellevoetsluis and Westvoorne on 1 January 2023; a
    licence year that still names the three covers Voorne aan Zee, on the map as well."""
    load_gemeenten(wijzigingen=DATA / "gemeentewijzigingen-2021-2023.csv")
    voorne = Gemeente.objects.get(naam="Voorne aan Zee")
    before = [Gemeente.objects.get(naam=n) for n in ("Brielle", "Hellevoetsluis", "Westvoorne")]
    assert all(g.geldig_tot and voorne in g.opvolgers.all() for g in before)
    active_licence(library("Bibliotheek Voorne-Putten", before))

    html = find(client, "Voorne aan Zee")
    assert "Bibliotheek Voorne-Putten" in html
    assert "Op dit moment biedt geen bibliotheek" not in html
    assert "Bibliotheek Voorne-Putten" in find(client, "Hellevoetsluis")
    page = client.get(URL).content.decode()
    assert "In 1 van de 342 gemeenten biedt een bibliotheek Digisterker aan" in page
    assert 'class="covered"><title>Voorne aan Zee</title>' in page


def test_a_search_far_too_long_is_refused_in_dutch_without_searching(client, covered):
    with mock.patch("licenties.finder.search") as search:
        html = find(client, "Rotterdam" * 1000)

    search.assert_not_called()
    assert 'id="foutmeldingen"' in html
    assert html.count("niet meer dan 100 tekens") == 2
    assert 'aria-invalid="true"' in html
