"""The public course finder and national map: no login, nothing private (``licenties.finder``
decides what may show)."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .. import finder
from ..coverage_map import BOUNDARIES_YEAR, WIDTH, municipality_shapes
from ..finder_forms import FinderForm


@require_safe
def course_finder(request):
    """GET only, so a search can be bookmarked and shared: ``?gemeente=Den+Haag``."""
    day = timezone.localdate()
    data = finder.today_data(day)
    form = FinderForm(request.GET if "gemeente" in request.GET else None)
    result = None
    if form.is_valid():
        result = finder.search(form.cleaned_data["gemeente"], data)
        if not result.found:
            form.add_error(
                "gemeente",
                _(
                    "We found no municipality called “%(name)s”. Check the spelling, or type "
                    "the name of the municipality instead of a village or town in it."
                )
                % {"name": form.cleaned_data["gemeente"]},
            )
    provinces = data["provinces"]
    areas, other_municipalities = data["map"]
    _shapes, height = municipality_shapes()
    return render(
        request,
        "licenties/finder.html",
        {
            "form": form,
            "result": result,
            "day": day,
            "namen": [g.naam for g in data["gemeenten"]],
            "provinces": provinces,
            "covered": sum(len(p["covered"]) for p in provinces),
            "total": len(data["gemeenten"]),
            "map_paths": areas,
            "map_other_municipalities": other_municipalities,
            "boundaries_year": BOUNDARIES_YEAR,
            "map_width": WIDTH,
            "map_height": height,
        },
    )
