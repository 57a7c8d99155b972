"""Condition 6: the good practices of assessed year reports, for every library to learn from.

Every logged-in user reads them (staff of any library too); a report the reviewers have not
assessed yet shares nothing; search by text, target group and province.
"""

from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse

from rapportage.constants import AFGEROND
from rapportage.constants import RapportageStatus as S
from rapportage.models import Rapportage

from ..aanmelding.factories import BibliotheekFactory, GemeenteFactory
from ..licenties.factories import LicentieFactory
from .factories import RapportageFactory

pytestmark = pytest.mark.django_db

URL = reverse("rapportage:good_practices")
NOT_ASSESSED = [S.OPEN, S.CONCEPT, S.INGEDIEND, S.WACHT_OP_KB, S.WACHT_OP_DIGISTERKER]
NOT_ASSESSED += [S.AANVULLING_GEVRAAGD]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def report(status, good_practice, provincie="Utrecht", **fields):
    """A filled-in 2025 report of a new library in ``provincie``, in ``status``."""
    bibliotheek = BibliotheekFactory(werkgebied=[GemeenteFactory(provincie=provincie)])
    licentie = LicentieFactory(bibliotheek=bibliotheek, verlopen=True, begindatum=date(2025, 1, 1))
    return RapportageFactory(
        licentie=licentie, status=status, ingevuld=True, good_practices=good_practice, **fields
    )


def shown(client, query=""):
    response = client.get(URL + query)
    assert response.status_code == 200
    return {r["good_practices"] for r in response.context["page"].object_list}


@pytest.fixture
def practices():
    assessed = {status: report(status, f"Goede praktijk ({status})") for status in AFGEROND}
    hidden = {status: report(status, f"Nog geheim ({status})") for status in NOT_ASSESSED}
    return assessed, hidden


@pytest.mark.parametrize(
    "who", ["medewerker", "andere_medewerker", "kb", "digisterker", "coordinator"]
)
def test_every_logged_in_role_reads_the_good_practices_of_assessed_reports(
    client, practices, request, who
):
    assessed, hidden = practices
    client.force_login(request.getfixturevalue(who))

    response = client.get(URL)

    assert response.status_code == 200
    assert shown(client) == {r.good_practices for r in assessed.values()}
    page = response.content.decode()
    for r in assessed.values():
        assert r.good_practices in page
        assert r.licentie.bibliotheek.naam in page
    for r in hidden.values():
        assert r.good_practices not in page


def test_a_report_without_good_practices_is_not_listed(client, medewerker):
    # A report cannot be submitted without good practices; an empty field can only come from
    # the database (an older report, an administrator), so it is emptied there directly.
    emptied = report(S.VERLENGD, "Wordt leeggemaakt.")
    Rapportage.objects.filter(pk=emptied.pk).update(good_practices="")
    report(S.BEOORDEELD, "Samen met de bibliotheek van de buurgemeente.")
    client.force_login(medewerker)
    assert shown(client) == {"Samen met de bibliotheek van de buurgemeente."}


def test_anonymous_users_are_sent_to_log_in(client, practices):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse(settings.LOGIN_URL))
    assert "next=" in response.url


def test_search_by_text(client, medewerker):
    report(S.VERLENGD, "Een inloopspreekuur na elke cursus.")
    report(S.BEOORDEELD, "Voorlichting in het wijkcentrum.")
    report(S.INGEDIEND, "Een inloopspreekuur, nog niet beoordeeld.")
    client.force_login(medewerker)
    assert shown(client, "?q=INLOOPSPREEKUUR") == {"Een inloopspreekuur na elke cursus."}
    assert shown(client, "?q=bestaat-niet") == set()


def test_search_by_library_name(client, medewerker):
    found = report(S.NIET_VERLENGD, "Werven via de huisarts.")
    report(S.VERLENGD, "Werven via de krant.")
    client.force_login(medewerker)
    assert shown(client, f"?q={found.licentie.bibliotheek.naam}") == {"Werven via de huisarts."}


def test_search_by_target_group_finds_reports_with_participants_in_it(client, medewerker):
    report(S.VERLENGD, "Met statushouders.", dg_statushouders=5)
    report(S.BEOORDEELD, "Zonder statushouders.", dg_statushouders=0)
    report(S.NIET_VERLENGD, "Statushouders niet ingevuld.", dg_statushouders=None)
    report(S.INGEDIEND, "Nog niet beoordeeld.", dg_statushouders=9)
    client.force_login(medewerker)
    assert shown(client, "?doelgroep=dg_statushouders") == {"Met statushouders."}
    assert len(shown(client, "?doelgroep=")) == 3


def test_search_by_province_of_the_librarys_werkgebied(client, kb):
    report(S.VERLENGD, "Uit Friesland.", provincie="Friesland")
    report(S.BEOORDEELD, "Uit Utrecht.", provincie="Utrecht")
    report(S.INGEDIEND, "Friesland, nog niet beoordeeld.", provincie="Friesland")
    client.force_login(kb)
    assert shown(client, "?provincie=Friesland") == {"Uit Friesland."}
    assert shown(client, "?provincie=Utrecht") == {"Uit Utrecht."}


def test_a_library_serving_two_provinces_is_found_by_either_once(client, kb):
    gemeenten = [GemeenteFactory(provincie="Gelderland"), GemeenteFactory(provincie="Overijssel")]
    licentie = LicentieFactory(
        bibliotheek=BibliotheekFactory(werkgebied=gemeenten),
        verlopen=True,
        begindatum=date(2025, 1, 1),
    )
    RapportageFactory(licentie=licentie, status=S.VERLENGD, ingevuld=True)
    client.force_login(kb)
    for provincie in ["Gelderland", "Overijssel"]:
        response = client.get(URL + f"?provincie={provincie}")
        assert len(response.context["page"].object_list) == 1


def test_filters_combine(client, medewerker):
    report(S.VERLENGD, "Friese senioren.", provincie="Friesland", dg_senioren=4)
    report(S.VERLENGD, "Friese jongeren.", provincie="Friesland", dg_senioren=0)
    report(S.VERLENGD, "Utrechtse senioren.", provincie="Utrecht", dg_senioren=4)
    client.force_login(medewerker)
    query = "?q=senioren&doelgroep=dg_senioren&provincie=Friesland"
    assert shown(client, query) == {"Friese senioren."}


@pytest.mark.parametrize("doelgroep", ["status", "licentie__waarde", "dg_onbekend"])
def test_an_unknown_target_group_is_refused_not_used_as_a_lookup(client, medewerker, doelgroep):
    report(S.VERLENGD, "Zichtbaar.")
    client.force_login(medewerker)
    response = client.get(URL + f"?doelgroep={doelgroep}")
    assert response.status_code == 200
    assert "doelgroep" in response.context["form"].errors


def test_html_in_a_good_practice_is_escaped(client, medewerker):
    report(S.VERLENGD, '<script>alert("x")</script> en <b>vet</b>')
    client.force_login(medewerker)
    page = client.get(URL).content.decode()
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<b>vet</b>" not in page


def test_a_card_names_the_library_its_year_and_its_municipalities_escaped(client, medewerker):
    bibliotheek = BibliotheekFactory(
        naam="<b>Bieb</b> & co",
        werkgebied=[GemeenteFactory(naam="Zeist"), GemeenteFactory(naam="Bunnik")],
    )
    licentie = LicentieFactory(bibliotheek=bibliotheek, verlopen=True, begindatum=date(2024, 1, 1))
    RapportageFactory(
        licentie=licentie, status=S.VERLENGD, ingevuld=True, good_practices="<i>Koffie</i>"
    )
    client.force_login(medewerker)

    page = client.get(URL).content.decode()

    assert "&lt;b&gt;Bieb&lt;/b&gt; &amp; co · 2024" in page
    assert "Bunnik, Zeist" in page  # alphabetical
    assert "&lt;i&gt;Koffie&lt;/i&gt;" in page
    assert "<b>Bieb</b>" not in page and "<i>Koffie</i>" not in page
