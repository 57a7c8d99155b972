"""The coordinator's national view of one year: licences, libraries, budget, coverage."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.shortcuts import render

from kbregeling.web.views import chosen_year, require, year_links

from .. import permissions
from ..coverage import coverage, licence_years, year_licences
from ..coverage_map import BOUNDARIES_YEAR, WIDTH, municipality_shapes, year_map


@login_required
def overview(request):
    require(permissions.can_see_overview(request.user))
    jaar = chosen_year(request)
    totals = year_licences(jaar).aggregate(
        licences=Count("pk"),
        libraries=Count("bibliotheek", distinct=True),
        budget=Sum("waarde"),
    )
    provinces = coverage(jaar)
    covered = sum(p["covered"] for p in provinces)
    total = sum(p["total"] for p in provinces)
    _shapes, height = municipality_shapes()
    areas, other_municipalities = year_map(provinces, jaar)
    return render(
        request,
        "licenties/overview.html",
        {
            "jaar": jaar,
            "years": year_links(licence_years(), jaar),
            "totals": totals,
            "provinces": provinces,
            "covered": covered,
            "total_gemeenten": total,
            "map_paths": areas,
            "map_other_municipalities": other_municipalities,
            "boundaries_year": BOUNDARIES_YEAR,
            "map_width": WIDTH,
            "map_height": height,
        },
    )
