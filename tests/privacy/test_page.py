"""The privacy page is public and Dutch, says what is kept, why and for how long, and prints
the periods from the settings, so it stays true when one changes."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("privacy:page")


def test_the_privacy_page_is_public_and_dutch(client):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Welke gegevens we bewaren en hoe lang" in html
    for kept in ("Accounts", "Tweestapsverificatie", "Verzonden e-mail", "Toegangslog"):
        assert kept in html
    assert "IP-adres" in html
    assert "voormalig medewerker" in html


def test_the_page_is_a_table_with_a_caption_and_headers(client):
    html = client.get(URL).content.decode()

    assert "<caption>" in html
    assert html.count('<th scope="col">') == 4
    assert html.count('<th scope="row">') == 6


def test_the_page_shows_the_default_periods(client):
    html = client.get(URL).content.decode()

    assert "24 maanden nadat een account is gedeactiveerd" in html
    assert "12 maanden, daarna verwijderd" in html
    assert "6 maanden nadat hij is afgewezen" in html


def test_the_page_shows_the_periods_as_configured(client, settings):
    settings.RETENTION_DEACTIVATED_MONTHS = 36
    settings.RETENTION_MAIL_BODY_MONTHS = 18
    settings.RETENTION_DECLINED_INTEREST_MONTHS = 3
    settings.ACCESS_LOG_MONTHS = 1

    html = client.get(URL).content.decode()

    assert "36 maanden nadat een account is gedeactiveerd" in html
    assert "18 maanden" in html
    assert "3 maanden nadat hij is afgewezen" in html
    assert "1 maand, daarna verwijderd" in html


def test_every_page_links_to_the_privacy_page_in_its_footer(client):
    html = client.get(reverse("login")).content.decode()
    footer = html[html.index("<footer") :]

    assert f'href="{URL}"' in footer
