"""The national overview's charts keep their labels readable (drawn at 14 px, a title above
each, in the page and in the PDF), and its year links are the years with data and the next."""

import re
from datetime import date

import pytest
from django.urls import reverse

import kbregeling.documents.pdf
from licenties.constants import LicentieStatus
from licenties.models import Licentie
from rapportage.charts import FONT_SIZE, WIDTH, bar_chart

from .factories import bulk_reports

pytestmark = pytest.mark.django_db


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


def test_chart_labels_are_drawn_at_14_px_and_long_labels_leave_the_bars_room():
    svg = bar_chart("Titel", [("Statushouders met een verblijfsvergunning", 12), ("Jongeren", 3)])

    assert (WIDTH, FONT_SIZE) == (560, 14)
    assert svg.count(f'font-size="{FONT_SIZE}"') == 4  # two labels, two numbers
    assert f'width="{WIDTH}"' in svg
    # The labels' room on the left is at most half the width: the bars keep the other half.
    first_bar = svg.split('<rect x="')[1]
    assert int(first_bar.split('"')[0]) <= WIDTH // 2


def test_the_national_pdf_shows_every_chart_under_a_visible_title(client, coordinator, rendered):
    bulk_reports(2, jaar=2024)
    bulk_reports(3, jaar=2025)
    client.force_login(coordinator)

    assert client.get(reverse("rapportage:national_pdf") + "?jaar=2025").status_code == 200

    html = rendered[0]
    assert 'font-size="14"' in html and 'font-size="11"' not in html
    captioned = re.findall(r'<figcaption>([^<]+)</figcaption><svg [^>]*aria-label="([^"]+)"', html)
    assert len(captioned) == 4  # the provinces and the three trend charts
    assert all(caption == name for caption, name in captioned), captioned


def test_national_year_links_are_the_years_with_licences_and_the_next(client, coordinator):
    bulk_reports(1, jaar=2023)
    bulk_reports(1, jaar=2025)
    ended = bulk_reports(1, jaar=2019)[0].licentie
    Licentie.objects.filter(pk=ended.pk).update(status=LicentieStatus.BEEINDIGD)
    client.force_login(coordinator)

    shown = client.get(reverse("rapportage:national") + "?jaar=2025").context["years"]
    chosen_without_data = client.get(reverse("rapportage:national") + "?jaar=2024")

    assert shown == [2023, 2025, 2026]  # an ended licence year is no data; no 2018 ... 2033
    assert chosen_without_data.context["years"] == [2023, 2024, 2025, 2026]


def test_without_any_licence_the_years_are_this_year_and_the_next(client, coordinator):
    client.force_login(coordinator)
    this_year = date.today().year

    years = client.get(reverse("rapportage:national")).context["years"]

    assert years == [this_year, this_year + 1]
