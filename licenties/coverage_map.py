"""The coverage of the 342 municipalities as an SVG map, drawn on the server.

The boundaries (simplified, lon/lat) are projected once per process, on first use, into SVG
path data; a page then only colours each municipality by whether a licence covers it. The
``<path>`` of a municipality is made once per process for each colour, so a page joins 342
ready strings (some 90 kB) instead of running a template loop over them.

The boundaries are those of ``BOUNDARIES_YEAR``. A year with other municipalities (before a
merger, or after one loaded later) is drawn on them too, with a note (``year_map``).
"""

import json
import math
from functools import cache, lru_cache
from pathlib import Path

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from aanmelding.service import successor_walk

GEOJSON = Path(__file__).parent / "data" / "gemeenten.geojson"
BOUNDARIES_YEAR = 2025  # the municipalities whose boundaries GEOJSON holds
WIDTH = 600


@cache
def _features() -> list[dict]:
    """The boundaries file, read once per process, on first use."""
    return json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]


@cache
def municipality_shapes() -> tuple[dict[str, str], int]:
    """(CBS code → SVG path data, map height) for a map ``WIDTH`` pixels wide."""
    features = _features()
    points = [
        point
        for feature in features
        for polygon in feature["geometry"]["coordinates"]
        for ring in polygon
        for point in ring
    ]
    lon_min = min(p[0] for p in points)
    lon_max = max(p[0] for p in points)
    lat_min = min(p[1] for p in points)
    lat_max = max(p[1] for p in points)
    # Equirectangular, with longitude shrunk by the cosine of the middle latitude.
    x_scale = math.cos(math.radians((lat_min + lat_max) / 2))
    scale = WIDTH / ((lon_max - lon_min) * x_scale)
    height = round((lat_max - lat_min) * scale)

    def xy(point):
        x = (point[0] - lon_min) * x_scale * scale
        y = (lat_max - point[1]) * scale
        return f"{x:.1f} {y:.1f}"

    shapes = {}
    for feature in features:
        rings = [
            "M" + " L".join(xy(point) for point in ring) + "Z"
            for polygon in feature["geometry"]["coordinates"]
            for ring in polygon
        ]
        shapes[feature["properties"]["cbs_code"]] = "".join(rings)
    return shapes, height


@lru_cache(maxsize=2048)
def _area(cbs_code, naam, covered) -> str:
    shapes, _height = municipality_shapes()
    return format_html(
        '<path d="{}" class="{}"><title>{}</title></path>',
        shapes.get(cbs_code, ""),
        "covered" if covered else "uncovered",
        naam,
    )


def map_paths(gemeenten):
    """The ``<path>`` elements of the map: one per municipality (anything with ``cbs_code``,
    ``naam`` and ``covered``), in the order given."""
    areas = "".join(_area(g.cbs_code, g.naam, bool(g.covered)) for g in gemeenten)
    return mark_safe(areas)  # noqa: S308 each area is escaped by format_html


def year_map(provinces, jaar) -> tuple[str, bool]:
    """(the ``<path>`` elements, whether the year's municipalities differ from the map's)
    for the coverage of ``jaar`` (``coverage.coverage``). When they differ, each shape of the
    map is coloured as the year had it: by itself where it existed then, else by the
    municipalities of that year that held its area (before a merger: those it came from;
    after one: the one it went into), covered when one of them was and named in its title.
    One query more, only then."""
    shapes, _height = municipality_shapes()
    rows = [gemeente for province in provinces for gemeente in province["all"]]
    if {g.cbs_code for g in rows} == set(shapes):
        return map_paths(rows), False
    reach = successor_walk("cbs_code")
    by_code = {g.cbs_code: g for g in rows}
    then = {}  # a shape the year did not have → the year's municipalities of its area
    for gemeente in rows:
        if gemeente.cbs_code not in shapes:
            for code in reach(gemeente.cbs_code, shapes):
                then.setdefault(code, []).append(gemeente)
    areas = []
    for code in shapes:
        gemeente = by_code.get(code)
        if gemeente is not None:
            areas.append(_area(code, gemeente.naam, bool(gemeente.covered)))
            continue
        year_ones = then.get(code) or [by_code[c] for c in reach(code, by_code) if c in by_code]
        names = ", ".join(sorted(g.naam for g in year_ones)) or "–"
        title = _("%(map_name)s (in %(year)s: %(names)s)") % {
            "map_name": _map_name(code),
            "year": jaar,
            "names": names,
        }
        areas.append(_area(code, title, any(g.covered for g in year_ones)))
    return mark_safe("".join(areas)), True  # noqa: S308 each area is escaped by format_html


@cache
def _names() -> dict[str, str]:
    return {f["properties"]["cbs_code"]: f["properties"].get("naam", "") for f in _features()}


def _map_name(code) -> str:
    return _names().get(code) or code
