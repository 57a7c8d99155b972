"""The accessibility statement (``/toegankelijkheid/``) is public and Dutch, follows the
model of digitoegankelijk.nl (organisation, website, status, what was tested how, known
problems, date, contact), names the contact address from the settings, and is linked, with
the privacy page, the course finder and the API documentation, from the footer of every
page."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("statements:accessibility")


def test_the_statement_is_public_and_dutch(client):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "<h1" in html and "Toegankelijkheidsverklaring" in html


def test_the_statement_has_the_parts_of_the_model(client):
    html = client.get(URL).content.decode()

    for part in (
        "Koninklijke Bibliotheek (KB)",
        "WCAG 2.1 niveau A en AA",
        "Nalevingsstatus",
        "C: eerste maatregelen genomen",
        "Wat we getest hebben en hoe",
        "axe-core",
        "Bekende problemen",
        "Een probleem melden",
        "3 december 2026",
    ):
        assert part in html, part


def test_the_status_is_c_throughout_never_the_wording_of_b(client):
    """C ("eerste maatregelen genomen") is what an unaudited website may claim; "voldoet
    gedeeltelijk" is B, which takes an audit."""
    html = client.get(URL).content.decode()

    assert "voldoet gedeeltelijk" not in html.lower()
    assert html.count("C: eerste maatregelen genomen") == 2


def test_every_known_problem_has_a_measure_and_a_date(client):
    html = client.get(URL).content.decode()
    known = html[html.index("Bekende problemen") : html.index("Een probleem melden")]
    problems = known.split("<li>")[1:]

    assert len(problems) == 4
    for problem in problems:
        assert "Wat we doen:" in problem and "Wanneer:" in problem, problem
        assert re.search(r"\d{1,2} \w+ 20\d\d|nu\.", problem), problem


def test_the_known_problems_name_the_map_and_the_pdfs(client):
    html = client.get(URL).content.decode()

    assert "De kaarten van de gemeenten" in html
    assert "PDF/UA-1" in html


def test_the_statement_names_the_contact_address_from_the_settings(client, settings):
    settings.ACCESSIBILITY_CONTACT = "toegankelijkheid@kb.example"

    html = client.get(URL).content.decode()

    assert 'href="mailto:toegankelijkheid@kb.example"' in html


@pytest.mark.parametrize(
    "page", ["login", "privacy:page", "statements:accessibility", "cursus:finder"]
)
def test_every_page_links_privacy_accessibility_and_the_course_finder_in_its_footer(client, page):
    html = client.get(reverse(page)).content.decode()
    footer = html[html.index("<footer") :]

    for target in ("privacy:page", "statements:accessibility", "cursus:finder", "api:docs"):
        assert f'href="{reverse(target)}"' in footer, target


def test_the_500_page_links_them_too_without_a_request():
    from django.template.loader import render_to_string

    footer = render_to_string("500.html")
    footer = footer[footer.index("<footer") :]

    for target in ("privacy:page", "statements:accessibility", "cursus:finder"):
        assert f'href="{reverse(target)}"' in footer, target


@pytest.mark.parametrize("page", ["statements:accessibility", "cursus:finder"])
def test_a_reviewer_before_the_second_factor_still_reaches_the_public_pages(client, kb, page):
    client.force_login(kb)
    session = client.session
    session["account_authentication_methods"] = [{"method": "password", "at": 0}]
    session.save()
    assert client.get(reverse("rapportage:queue")).status_code == 302  # the rest waits

    assert client.get(reverse(page)).status_code == 200
