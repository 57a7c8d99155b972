"""Reports for coordinators: the PDF of a year report, the national overview as a page, a PDF,
a CSV and an XLSX; who may download what; and a fixed number of queries however many reports.

The PDF tests check the HTML a PDF is made from and the text extracted from the PDF itself.
"""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

import kbregeling.documents.pdf
from licenties.constants import LicentieStatus
from rapportage.constants import RapportageStatus as S
from rapportage.figures import national_figures
from rapportage.forms import SECTIONS

from ..aanmelding.factories import BibliotheekFactory, GemeenteFactory
from ..licenties.factories import LicentieFactory
from .factories import INGEVULD, RapportageFactory, bulk_reports

pytestmark = pytest.mark.django_db

JAAR = 2025
NATIONAL = ["national", "national_pdf", "national_csv", "national_xlsx"]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def rendered(monkeypatch):
    """The HTML of every PDF rendered during the test, in order."""
    html = []
    real = kbregeling.documents.pdf.render_pdf

    def spy(source):
        html.append(source)
        return real(source)

    monkeypatch.setattr(kbregeling.documents.pdf, "render_pdf", spy)
    return html


def pdf_text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text) -> str:
    return " ".join(text.split())


def report_of(bibliotheek, **kwargs):
    licentie = LicentieFactory(bibliotheek=bibliotheek, verlopen=True, begindatum=date(JAAR, 1, 1))
    return RapportageFactory(licentie=licentie, **kwargs)


def url(name, pk=None):
    """The national views for JAAR, or the PDF of report ``pk``."""
    if pk is not None:
        return reverse(f"rapportage:{name}", args=[pk])
    return reverse(f"rapportage:{name}") + f"?jaar={JAAR}"


# The figures ---------------------------------------------------------------------------


def test_national_figures_count_only_submitted_reports_of_running_licences_of_the_year():
    for _ in range(3):
        RapportageFactory(ingevuld=True, status=S.VERLENGD)
    RapportageFactory(ingevuld=True, status=S.CONCEPT)  # not submitted
    RapportageFactory(  # another year (not renewed: renewing would add a year in JAAR)
        ingevuld=True,
        status=S.NIET_VERLENGD,
        licentie=LicentieFactory(verlopen=True, begindatum=date(JAAR - 1, 1, 1)),
    )
    RapportageFactory(  # the licence was ended early
        ingevuld=True,
        status=S.INGEDIEND,
        licentie=LicentieFactory(
            status=LicentieStatus.BEEINDIGD, begindatum=date(JAAR, 1, 1), waarde=Decimal(9)
        ),
    )

    figures = national_figures(JAAR)

    assert (figures.libraries, figures.licences, figures.reports) == (4, 4, 3)
    assert figures.budget == Decimal("24000.00")
    assert figures.covered == 4
    assert figures.numbers["deelnemers_afgerond"] == 3 * INGEVULD["deelnemers_afgerond"]
    assert figures.doelgroepen[0][1] == 3 * INGEVULD["dg_senioren"]  # the seniors
    assert sum(n for _label, n in figures.leeftijden) == 3 * INGEVULD["deelnemers_gestart"]
    assert figures.tevredenheid == Decimal("8.4")
    assert [(t["jaar"], t["licences"], t["participants"]) for t in figures.trend] == [
        (JAAR - 1, 1, 30),
        (JAAR, 4, 90),
        (JAAR + 1, 3, 0),  # the years the three renewals planned, without reports yet
    ]
    assert len(figures.good_practices) == 3


def test_each_report_counts_toward_the_province_of_the_librarys_largest_municipality():
    small = GemeenteFactory(provincie="Utrecht", inwoners=5_000)
    large = GemeenteFactory(provincie="Gelderland", inwoners=90_000)
    report_of(BibliotheekFactory(werkgebied=[small, large]), ingevuld=True, status=S.BEOORDEELD)

    provinces = {p["provincie"]: p for p in national_figures(JAAR).provinces}

    assert provinces["Gelderland"]["afgerond"] == INGEVULD["deelnemers_afgerond"]
    assert provinces["Utrecht"]["afgerond"] == 0
    assert provinces["Utrecht"]["covered"] == provinces["Gelderland"]["covered"] == 1


def test_national_figures_run_eight_queries_however_many_reports(django_assert_num_queries):
    bulk_reports(10, JAAR)
    with django_assert_num_queries(8):
        national_figures(JAAR)
    bulk_reports(300, JAAR)
    with django_assert_num_queries(8):
        assert national_figures(JAAR).reports == 310


# The PDF of one year report ------------------------------------------------------------


def test_year_report_pdf_shows_every_section_with_its_figures(
    client, bibliotheek, medewerker, rendered
):
    report = report_of(bibliotheek, ingevuld=True, status=S.INGEDIEND)
    client.force_login(medewerker)

    text = flat(pdf_text(client.get(url("pdf", pk=report.pk))))

    html = rendered[0]
    for _sid, title, _names in SECTIONS:
        assert f"<h2>{title}</h2>" in html
    assert bibliotheek.naam in text
    assert INGEVULD["wat_was_lastig"] in text
    assert INGEVULD["good_practices"] in text
    assert "8,4" in text  # the satisfaction, with a Dutch decimal comma
    for number in ("40", "36", "30"):
        assert f'<td class="num">{number}</td>' in html
    assert "Pagina 1 van" in text or "Page 1 of" in text


def test_free_text_in_the_report_pdf_renders_as_text(client, medewerker, rendered):
    bibliotheek = medewerker.bibliotheek
    bibliotheek.naam = "<script>alert(1)</script> Bieb"
    bibliotheek.save()
    report = report_of(
        bibliotheek,
        ingevuld=True,
        status=S.INGEDIEND,
        good_practices="Tabel kapot? </table><b>vet</b>",
    )
    client.force_login(medewerker)

    text = flat(pdf_text(client.get(url("pdf", pk=report.pk))))

    html = rendered[0]
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Bieb" in html
    assert "</table><b>" not in html
    assert "&lt;/table&gt;&lt;b&gt;vet&lt;/b&gt;" in html
    assert "<script>alert(1)</script> Bieb" in text
    assert "</table><b>vet</b>" in text


def test_library_staff_get_only_their_own_report_pdf(
    client, bibliotheek, medewerker, andere_medewerker
):
    own = report_of(bibliotheek, ingevuld=True, status=S.INGEDIEND)
    other = report_of(andere_medewerker.bibliotheek, ingevuld=True, status=S.INGEDIEND)
    client.force_login(medewerker)

    assert client.get(url("pdf", pk=own.pk)).status_code == 200
    assert client.get(url("pdf", pk=other.pk)).status_code == 404


def test_reviewers_get_no_pdf_of_a_report_not_yet_submitted(client, bibliotheek, kb):
    draft = report_of(bibliotheek, ingevuld=True, status=S.CONCEPT)
    client.force_login(kb)
    assert client.get(url("pdf", pk=draft.pk)).status_code == 404


# The national overview -----------------------------------------------------------------


@pytest.mark.parametrize("role", ["kb", "digisterker", "coordinator"])
def test_reviewers_and_coordinator_get_the_national_overview_and_downloads(client, request, role):
    RapportageFactory(ingevuld=True, status=S.VERLENGD)
    client.force_login(request.getfixturevalue(role))
    for name in NATIONAL:
        assert client.get(url(name)).status_code == 200, name


@pytest.mark.parametrize("name", NATIONAL)
def test_library_staff_may_not_see_the_national_overview(client, medewerker, name):
    client.force_login(medewerker)
    assert client.get(url(name)).status_code == 403


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get(url("national_csv"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_national_pdf_holds_the_figures_charts_and_good_practices(client, coordinator, rendered):
    gemeente = GemeenteFactory(provincie="Zeeland", inwoners=20_000)
    report_of(
        BibliotheekFactory(naam="Bibliotheek <b>Oosterschelde</b>", werkgebied=[gemeente]),
        ingevuld=True,
        status=S.VERLENGD,
        good_practices="Koffie </table> en <script>uitleg</script> na afloop.",
    )
    RapportageFactory(ingevuld=True, status=S.NIET_VERLENGD)
    client.force_login(coordinator)

    text = flat(pdf_text(client.get(url("national_pdf"))))

    html = rendered[0]
    assert html.count('role="img"') == 7  # 3 breakdowns, provinces, 3 trend charts
    assert "<script>uitleg" not in html and "&lt;script&gt;uitleg" in html
    assert "Bibliotheek &lt;b&gt;Oosterschelde&lt;/b&gt;" in html
    assert "Koffie </table> en <script>uitleg</script> na afloop." in text
    assert "Bibliotheek <b>Oosterschelde</b> (Zeeland)" in text
    assert "Pagina 1 van" in text or "Page 1 of" in text
    assert "2 / " in text  # municipalities covered
    assert "12.000" in text  # the KB licence budget
    assert str(2 * INGEVULD["deelnemers_afgerond"]) in text


def test_national_page_shows_charts_with_the_same_numbers_in_tables(client, coordinator):
    RapportageFactory(ingevuld=True, status=S.VERLENGD)
    client.force_login(coordinator)

    html = client.get(url("national")).content.decode()

    assert html.count('role="img"') == 7  # 3 breakdowns, provinces, 3 trend charts
    assert "<title>" in html and 'aria-label="' in html
    assert f'<td class="text-end">{INGEVULD["dg_senioren"]}</td>' in html


def test_national_csv_has_a_section_per_table_and_never_a_formula(client, coordinator):
    report_of(
        BibliotheekFactory(naam='=HYPERLINK("http://evil")'),
        ingevuld=True,
        status=S.VERLENGD,
        good_practices="@SUM(A1) -1 +1",
    )
    client.force_login(coordinator)

    response = client.get(url("national_csv"))

    content = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    for section in ["Totalen", "Doelgroepen", "Leeftijd", "Verwijzing", "Provincies", "Trend"]:
        assert f"{section}\r\n" in content
    assert "'=HYPERLINK" in content
    assert "'@SUM(A1)" in content
    assert "\r\n=" not in content and ";=" not in content


def test_national_xlsx_opens_with_a_sheet_per_table_holding_the_totals(client, kb):
    for _ in range(2):
        RapportageFactory(ingevuld=True, status=S.VERLENGD)
    report_of(BibliotheekFactory(naam="+31 bibliotheek"), ingevuld=True, status=S.BEOORDEELD)
    client.force_login(kb)

    response = client.get(url("national_xlsx"))

    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == [
        "Totalen",
        "Doelgroepen",
        "Leeftijd",
        "Verwijzing",
        "Provincies",
        "Trend",
        "Goede voorbeelden",
    ]
    values = [row[1] for row in workbook["Totalen"].iter_rows(values_only=True)]
    assert values[1:5] == [JAAR, 3, 3, 18000]  # year, libraries, licence years, budget
    assert 3 * INGEVULD["deelnemers_afgerond"] in values
    assert 3 * INGEVULD["deelnemers_aangemeld"] in values
    practices = [row[0] for row in workbook["Goede voorbeelden"].iter_rows(values_only=True)]
    assert "'+31 bibliotheek" in practices


@pytest.mark.parametrize("name", ["national", "national_csv", "national_xlsx"])
def test_national_overview_runs_a_fixed_number_of_queries(client, coordinator, name):
    client.force_login(coordinator)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url(name))
        assert response.status_code == 200
        return len(captured)

    bulk_reports(10, JAAR)
    few = queries()
    bulk_reports(990, JAAR)
    many = queries()

    assert national_figures(JAAR).reports == 1000
    assert few == many


@pytest.mark.parametrize("name", NATIONAL)
def test_a_year_without_licences_renders_empty_figures(client, coordinator, name):
    client.force_login(coordinator)
    response = client.get(reverse(f"rapportage:{name}") + "?jaar=2001")
    assert response.status_code == 200


def test_shares_of_a_breakdown_add_up_to_exactly_100_percent():
    from rapportage.figures import with_shares

    rows = [("a", 1), ("b", 1), ("c", 1)]  # rounded one by one: 33 + 33 + 33 = 99
    shares = [share for _label, _n, share in with_shares(rows)]
    assert sum(shares) == 100
    assert with_shares([("a", 0), ("b", 0)]) == [("a", 0, 0), ("b", 0, 0)]
