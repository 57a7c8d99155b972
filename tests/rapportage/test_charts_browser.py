"""The national overview's charts are readable at 100% zoom: their labels are drawn at 12 px
or more as the browser renders them (on a laptop screen and on a phone), each chart has a
visible title and a data table with the same figures, and axe finds nothing."""

from datetime import date

import pytest
from django.urls import reverse

from rapportage.constants import RapportageStatus as S

from ..accounts.factories import PASSWORD, UserFactory
from ..project.browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from ..project.browser import BROWSER_TEST, assert_no_axe_violations, login
from .factories import bulk_reports

pytestmark = BROWSER_TEST

JAAR = date.today().year - 1

# Per chart: the smallest label as rendered (font size × the SVG's scale on screen), its
# accessible name, whether a visible heading or caption of its section or figure says the
# same, and whether that section holds a data table with a caption and header cells.
MEASURE = """() => [...document.querySelectorAll("main svg[role=img]")].map((svg) => {
  const sizes = [...svg.querySelectorAll("text")].map(
    (t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
  const name = svg.getAttribute("aria-label");
  const section = svg.closest("section");
  const visible = (el) => el.offsetParent !== null && el.getClientRects().length > 0;
  const titles = [...section.querySelectorAll("h2, h3, figcaption")]
    .filter(visible).map((el) => el.textContent.trim());
  const tables = [...section.querySelectorAll("table")].filter((table) =>
    table.querySelector("caption") && table.querySelector("th[scope=col]")
    && table.querySelector("th[scope=row]"));
  return {name, smallest: Math.min(...sizes), labels: sizes.length,
          titled: titles.includes(name.trim()), tables: tables.length};
})"""


@pytest.fixture
def overview_of(live_server):
    bulk_reports(3, jaar=JAAR - 1, provincie="Utrecht")
    bulk_reports(4, jaar=JAAR, provincie="Gelderland")
    bulk_reports(2, jaar=JAAR, status=S.INGEDIEND, provincie="Zeeland")
    return UserFactory(coordinator=True)


@pytest.mark.parametrize("width", [1280, 375])
def test_chart_labels_are_at_least_12_px_with_a_visible_title_and_a_data_table(
    page, live_server, overview_of, width
):
    page.set_viewport_size({"width": width, "height": 900})
    login(page, live_server, overview_of, PASSWORD)
    page.goto(f"{live_server.url}{reverse('rapportage:national')}?jaar={JAAR}")

    charts = page.evaluate(MEASURE)

    assert len(charts) == 7  # three breakdowns, the provinces, three trends
    for chart in charts:
        assert chart["labels"] >= 4, chart
        assert chart["smallest"] >= 12, chart
        assert chart["titled"], chart
        assert chart["tables"] >= 1, chart
    assert_no_axe_violations(page, f"national overview at {width} px")
