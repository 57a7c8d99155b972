"""Form controls stand out at 3:1 or more against what is around them (WCAG 2.1 1.4.11,
which axe does not test): the border of a text field, a checkbox and a radio button, as
Chromium computes it on the library's year report form, against the control's own
background and the page behind it."""

import pytest
from django.urls import reverse

from ..accounts.factories import PASSWORD, staff_of
from ..project.browser import *  # noqa: F403 (the fixtures: browser, page, new_page)
from ..project.browser import BROWSER_TEST, login
from ..rapportage.factories import RapportageFactory

pytestmark = BROWSER_TEST

# The computed colours: the border, the control's background, the background of the nearest
# ancestor that has one (the page behind the control).
COLOURS = """(selector) => {
  const el = document.querySelector(selector);
  const s = getComputedStyle(el);
  let behind = el.parentElement;
  while (behind && getComputedStyle(behind).backgroundColor === "rgba(0, 0, 0, 0)") {
    behind = behind.parentElement;
  }
  return {border: s.borderTopColor, width: parseFloat(s.borderTopWidth),
          inside: s.backgroundColor,
          behind: behind ? getComputedStyle(behind).backgroundColor : "rgb(255, 255, 255)"};
}"""


def rgb(css):
    """``rgb(r, g, b)`` or ``rgba(r, g, b, a)`` as (r, g, b, a)."""
    numbers = css[css.index("(") + 1 : css.index(")")].replace("/", ",").split(",")
    r, g, b, *a = (float(n) for n in numbers if n.strip())
    return r, g, b, (a[0] if a else 1.0)


def over(colour, background):
    """A colour with transparency as it shows over an opaque background."""
    r, g, b, a = colour
    return tuple(a * c + (1 - a) * bg for c, bg in zip((r, g, b), background[:3], strict=True))


def luminance(colour):
    """WCAG 2.1 relative luminance of an sRGB colour (0–255 channels)."""

    def linear(channel):
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one, two):
    light, dark = sorted([luminance(one), luminance(two)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_formulas_give_the_known_ratios():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert contrast((0xDE, 0xE2, 0xE6), (255, 255, 255)) < 3  # Bootstrap's own border


@pytest.mark.parametrize(
    "selector",
    [
        "main input.form-control:not([type=hidden]):not([type=file])",
        "main input.form-check-input[type=checkbox]:not(:checked)",
        "main input.form-check-input[type=radio]:not(:checked)",
    ],
)
def test_control_borders_have_at_least_3_to_1_contrast(page, live_server, selector):
    report = RapportageFactory()
    login(page, live_server, staff_of(report.licentie.bibliotheek), PASSWORD)
    page.goto(live_server.url + reverse("rapportage:edit", args=[report.pk]))

    found = page.evaluate(COLOURS, selector)

    behind = over(rgb(found["behind"]), (255, 255, 255))
    inside = over(rgb(found["inside"]), behind)
    border = over(rgb(found["border"]), behind)
    assert found["width"] >= 1, found
    assert contrast(border, behind) >= 3, found
    assert contrast(border, inside) >= 3, found
