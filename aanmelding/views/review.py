"""Pages of the reviewers and the coordinator: the queue, advice, the overview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kbregeling.web.views import paginate, require
from kbregeling.workflow.assessment import awaiting

from .. import permissions, service
from ..constants import Status
from ..forms import AdviesForm, DashboardFilterForm, IntrekkenForm
from ..models import Aanmelding
from .common import get_aanmelding
from .plan import plan_context, plan_queryset


def filtered(user, data):
    form = DashboardFilterForm(data)
    qs = permissions.visible_aanmeldingen(user).exclude(status=Status.CONCEPT)
    filters = form.cleaned_data if form.is_valid() else {}
    status = filters.get("status", "")
    if status == "" and user.partij:
        qs = qs.filter(status__in=awaiting(user.partij))
    elif status not in ("", "alle"):
        qs = qs.filter(status=status)
    if filters.get("provincie"):
        qs = qs.filter(bibliotheek__in=service.libraries_in(filters["provincie"]))
    if filters.get("bibliotheek"):
        qs = qs.filter(bibliotheek=filters["bibliotheek"])
    shown = ("status", "ronde", "ingediend_op", "eerste_licentiejaar", "bibliotheek__naam")
    return form, qs.select_related("bibliotheek").only(*shown).order_by("ingediend_op", "pk")


@login_required
def dashboard(request):
    require(permissions.can_see_overview(request.user))
    form, qs = filtered(request.user, request.GET)
    return render(request, "aanmelding/dashboard.html", {"form": form} | paginate(request, qs))


@login_required
@require_POST
def advise(request, pk):
    aanmelding = get_aanmelding(request, pk, plan_queryset())
    require(permissions.can_advise(aanmelding, request.user))
    form = AdviesForm(request.POST)
    if form.is_valid():
        try:
            service.advise(
                aanmelding,
                request.user,
                form.cleaned_data["advies"],
                form.cleaned_data["motivering"],
                form.cleaned_data["seen_status"],
            )
        except service.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your advice was recorded."))
            return redirect("aanmelding:detail", pk=pk)
    context = plan_context(aanmelding) | {
        "can_advise": True,
        "advies_form": form,
        "intrekken_form": IntrekkenForm(),
    }
    status = 409 if form.non_field_errors() else 200
    return render(request, "aanmelding/detail.html", context, status=status)


@login_required
def overview(request):
    require(permissions.can_see_overview(request.user))
    counts = dict(Aanmelding.objects.values_list("status").annotate(n=Count("pk")).order_by())
    rows = [(value, label, counts.get(value, 0)) for value, label in Status.choices]
    return render(
        request,
        "aanmelding/overview.html",
        {"rows": rows, "total": sum(counts.values())},
    )
