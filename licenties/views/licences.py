"""Licence pages: a library's own years, the list for reviewers, detail, end, tariffs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_fsm import has_transition_perm

from aanmelding.service import Bibliotheek
from kbregeling.accesslog import log as accesslog
from kbregeling.accesslog.constants import Kind
from kbregeling.documents.spreadsheets import csv_response
from kbregeling.web.views import paginate, require
from kbregeling.workflow import audit

from .. import permissions, service
from ..constants import DEFAULT_TARIEF
from ..forms import BeeindigenForm, LicentieFilterForm, LicentieForm, TariefForm
from ..models import Licentie, Overeenkomst, Tarief


@login_required
def mine(request):
    require(permissions.can_see_own_licences(request.user))
    return redirect("licenties:library", pk=request.user.bibliotheek_id)


@login_required
def library(request, pk):
    """One library's licence years (current and past) and its agreement."""
    require(permissions.can_view_library(pk, request.user))
    bib = get_object_or_404(Bibliotheek.objects.prefetch_related("werkgebied"), pk=pk)
    if request.user.bibliotheek_id == bib.pk:
        request.user.bibliotheek = bib  # the menu names it: not loaded a second time
    overeenkomst = (
        Overeenkomst.objects.filter(bibliotheek=bib)
        .prefetch_related("diensten", "gemeenten")
        .first()
    )
    licenties = list(bib.licenties.prefetch_related("gemeenten").order_by("-begindatum"))
    links = service.licence_links(licenties, request.user)  # each year's report
    for licentie in licenties:
        licentie.links = links.get(licentie.pk, [])
    return render(
        request,
        "licenties/library.html",
        {
            "bibliotheek": bib,
            "overeenkomst": overeenkomst,
            "licenties": licenties,
            "can_manage_agreement": permissions.can_manage_agreement(request.user).allowed,
            "can_create": permissions.can_record_licence(request.user).allowed,
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
    rows = qs.annotate(bibliotheek_naam=F("bibliotheek__naam")).values_list(
        "pk",
        "bibliotheek_id",
        "bibliotheek_naam",
        "begindatum",
        "einddatum",
        "status",
        "waarde",
        named=True,
    )  # plain rows for {% licence_rows %}: no model instances
    return render(request, "licenties/list.html", {"form": form} | paginate(request, rows))


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
    context = detail_context(licentie, request.user, BeeindigenForm())
    return render(request, "licenties/detail.html", context)


def detail_context(licentie, user, end_form):
    return {
        "licentie": licentie,
        "links": service.licence_links([licentie], user).get(licentie.pk, []),
        "can_manage_agreement": permissions.can_manage_agreement(user).allowed,
        "chain": chain(licentie),
        "timeline": audit.history(licentie),
        "can_end": has_transition_perm(licentie.beeindigen, user),
        "end_form": end_form,
    }


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
    context = detail_context(licentie, request.user, form) | {"can_end": True}
    return render(request, "licenties/detail.html", context, status=400)


@login_required
def create(request, pk):
    """KB records a licence year for a library by hand."""
    require(permissions.can_record_licence(request.user))
    bib = get_object_or_404(Bibliotheek, pk=pk)
    form = LicentieForm(request.POST or None, bibliotheek=bib)
    if request.method == "POST" and form.is_valid():
        try:
            licentie = service.record_licence(form, request.user)
        except service.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The licence year was recorded."))
            return redirect("licenties:detail", pk=licentie.pk)
    return render(request, "licenties/licence_form.html", {"form": form, "bibliotheek": bib})


@login_required
def tariffs(request):
    require(permissions.can_manage_tarieven(request.user))
    jaar = request.POST.get("jaar")
    instance = Tarief.objects.filter(jaar=jaar).first() if jaar and jaar.isdigit() else None
    form = TariefForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The tariff was saved."))
        return redirect("licenties:tariffs")
    return render(
        request,
        "licenties/tariffs.html",
        {"form": form, "tarieven": Tarief.objects.all(), "default_tarief": DEFAULT_TARIEF},
    )


@login_required
def export_csv(request):
    require(permissions.can_see_overview(request.user))
    form, qs = filtered_licences(request.user, request.GET)
    if not form.is_valid():
        raise Http404
    header, rows = service.export_rows(qs)
    accesslog.record(request, Kind.LICENCE_CSV, f"licenties.csv {request.GET.urlencode()}".strip())
    return csv_response("licenties.csv", [("", header, rows)], titled=False)
