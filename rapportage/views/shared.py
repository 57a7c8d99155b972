"""Pages for every logged-in user (good practices) and the coordinator's reminder log."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from aanmelding.models import Bibliotheek, Gemeente
from aanmelding.views.common import query_without_page, require

from .. import permissions
from ..constants import AFGEROND
from ..forms import GoodPracticeFilterForm
from ..models import Herinnering, Rapportage


@login_required
def good_practices(request):
    """Condition 6: the good practices of assessed reports, for every library to learn from."""
    require(permissions.can_see_good_practices(request.user))
    provinces = Gemeente.objects.order_by("provincie").values_list("provincie", flat=True)
    form = GoodPracticeFilterForm(request.GET, provinces=provinces.distinct())
    qs = (
        Rapportage.objects.filter(status__in=AFGEROND)
        .exclude(good_practices="")
        .select_related("licentie__bibliotheek")
        .prefetch_related("licentie__bibliotheek__werkgebied")
        .order_by("-licentie__begindatum", "licentie__bibliotheek__naam")
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            qs = qs.filter(
                Q(good_practices__icontains=data["q"])
                | Q(licentie__bibliotheek__naam__icontains=data["q"])
            )
        if data["doelgroep"]:
            qs = qs.filter(**{f"{data['doelgroep']}__gt": 0})
        if data["provincie"]:
            qs = qs.filter(
                licentie__bibliotheek__in=Bibliotheek.objects.filter(
                    werkgebied__provincie=data["provincie"]
                ).values("pk")
            )
    page = Paginator(qs, 20).get_page(request.GET.get("pagina"))
    return render(
        request,
        "rapportage/good_practices.html",
        {"form": form, "page": page, "query": query_without_page(request)},
    )


@login_required
def reminder_log(request):
    require(permissions.can_see_overview(request.user))
    libraries = Bibliotheek.objects.order_by("naam")
    chosen = request.GET.get("bibliotheek", "")
    qs = Herinnering.objects.select_related("rapportage__licentie__bibliotheek", "ontvanger")
    if chosen.isdigit():
        qs = qs.filter(rapportage__licentie__bibliotheek_id=int(chosen))
    page = Paginator(qs, 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "rapportage/herinneringen.html",
        {
            "page": page,
            "libraries": libraries,
            "chosen": chosen,
            "query": query_without_page(request),
        },
    )
