"""The coverage of the 342 municipalities as an SVG map, drawn on the server.

The boundaries (simplified, lon/lat) are projected once per process, on first use, into SVG
path data; a page then only colours each municipality by whether a licence covers it. The
``<path>`` of a municipality is made once per process for each colour, so a page joins 342
ready strings (some 90 kB) instead of running a template loop over them.
"""

import json
import math
from functools import cache, lru_cache
from pathlib import Path

from django.utils.html import format_html
from django.utils.safestring import mark_safe

GEOJSON = Path(__file__).parent / "data" / "gemeenten.geojson"
WIDTH = 600


@cache
def municipality_shapes() -> tuple[dict[str, str], int]:
    """(CBS code → SVG path data, map height) for a map ``WIDTH`` pixels wide."""
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
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
