"""Licence pages: a library's own years, the list for reviewers, detail, end, tariffs."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_fsm import has_transition_perm

from aanmelding import audit
from aanmelding.models import Bibliotheek
from aanmelding.spreadsheets import csv_safe
from aanmelding.views.common import query_without_page, require

from .. import permissions, service
from ..constants import DEFAULT_TARIEF
from ..forms import BeeindigenForm, LicentieFilterForm, LicentieForm, TariefForm
from ..models import Licentie, Overeenkomst, Tarief


@login_required
def mine(request):
    require(permissions.can_see_own_licences(request.user))
    return redirect("licenties:bibliotheek", pk=request.user.bibliotheek_id)


@login_required
def bibliotheek(request, pk):
    """One library's licence years (current and past) and its agreement."""
    require(permissions.can_view_library(request.user, pk))
    bib = get_object_or_404(Bibliotheek.objects.prefetch_related("werkgebied"), pk=pk)
    overeenkomst = (
        Overeenkomst.objects.filter(bibliotheek=bib)
        .prefetch_related("diensten", "gemeenten")
        .first()
    )
    licenties = bib.licenties.prefetch_related("gemeenten").order_by("-begindatum")
    return render(
        request,
        "licenties/bibliotheek.html",
        {
            "bibliotheek": bib,
            "overeenkomst": overeenkomst,
            "licenties": licenties,
            "can_manage_agreement": permissions.can_manage_agreement(request.user).allowed,
            "can_create": permissions.can_manage_tarieven(request.user).allowed,
        },
    )


def filtered_licences(user, data):
    form = LicentieFilterForm(data)
    qs = permissions.visible_licenties(user).select_related("bibliotheek")
    return form, form.filter(qs).order_by("-begindatum", "bibliotheek__naam", "pk")


@login_required
def licence_list(request):
    require(permissions.can_list_all(request.user))
    form, qs = filtered_licences(request.user, request.GET)
    page = Paginator(qs, 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "licenties/lijst.html",
        {"form": form, "page": page, "query": query_without_page(request)},
    )


def chain(licentie):
    """The library's licence years in order; each names the year it renews."""
    return Licentie.objects.filter(bibliotheek_id=licentie.bibliotheek_id).order_by("begindatum")


@login_required
def detail(request, pk):
    licentie = get_object_or_404(
        permissions.visible_licenties(request.user)
        .select_related("bibliotheek", "vorige", "aanmelding")
        .prefetch_related("gemeenten"),
        pk=pk,
    )
    return render(
        request,
        "licenties/detail.html",
        {
            "licentie": licentie,
            "chain": chain(licentie),
            "timeline": audit.history(licentie),
            "can_end": has_transition_perm(licentie.beeindigen, request.user),
            "end_form": BeeindigenForm(),
        },
    )


@login_required
@require_POST
def end(request, pk):
    licentie = get_object_or_404(permissions.visible_licenties(request.user), pk=pk)
    require(permissions.can_end(licentie, request.user))
    form = BeeindigenForm(request.POST)
    if form.is_valid():
        try:
            service.end(licentie, request.user, form.cleaned_data["reden"])
        except service.WorkflowError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The licence was ended."))
            return redirect("licenties:detail", pk=pk)
    context = {
        "licentie": licentie,
        "chain": chain(licentie),
        "timeline": audit.history(licentie),
        "can_end": True,
        "end_form": form,
    }
    return render(request, "licenties/detail.html", context, status=400)


@login_required
def create(request, pk):
    """KB records a licence year for a library by hand."""
    require(permissions.can_manage_tarieven(request.user))
    bib = get_object_or_404(Bibliotheek, pk=pk)
    form = LicentieForm(request.POST or None, bibliotheek=bib)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                licentie = form.save()
        except IntegrityError:
            form.add_error(None, _("This period overlaps another licence year of the library."))
        else:
            messages.success(request, _("The licence year was recorded."))
            return redirect("licenties:detail", pk=licentie.pk)
    return render(request, "licenties/licentie_form.html", {"form": form, "bibliotheek": bib})


@login_required
def tarieven(request):
    require(permissions.can_manage_tarieven(request.user))
    jaar = request.POST.get("jaar")
    instance = Tarief.objects.filter(jaar=jaar).first() if jaar and jaar.isdigit() else None
    form = TariefForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The tariff was saved."))
        return redirect("licenties:tarieven")
    return render(
        request,
        "licenties/tarieven.html",
        {"form": form, "tarieven": Tarief.objects.all(), "default_tarief": DEFAULT_TARIEF},
    )


@login_required
def export_csv(request):
    require(permissions.can_see_overview(request.user))
    form, qs = filtered_licences(request.user, request.GET)
    if not form.is_valid():
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="licenties.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Library"),
            _("Start date"),
            _("End date"),
            _("Status"),
            _("Value (€)"),
            _("Municipalities"),
            _("Renews licence"),
        ]
    )
    for licentie in qs.prefetch_related("gemeenten"):
        writer.writerow(
            [
                csv_safe(licentie.bibliotheek.naam),
                licentie.begindatum.isoformat(),
                licentie.einddatum.isoformat(),
                licentie.get_status_display(),
                f"{licentie.waarde:.2f}".replace(".", ","),
                csv_safe(", ".join(g.naam for g in licentie.gemeenten.all())),
                licentie.vorige_id or "",
            ]
        )
    return response
