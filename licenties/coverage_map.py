"""The coverage of the 342 municipalities as an SVG map, drawn on the server.

The boundaries (simplified, lon/lat) are projected once per process, on first use, into SVG
path data; a page then only colours each municipality by whether a licence covers it.
"""

import json
import math
from functools import cache
from pathlib import Path

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
