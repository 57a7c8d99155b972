"""Library staff: their year reports, the form, submitting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aanmelding.permissions import can_create as is_library_staff
from aanmelding.views.common import require

from .. import permissions, service
from ..forms import SECTIONS, RapportageForm
from ..models import Rapportage


def get_report(request, pk):
    qs = Rapportage.objects.select_related("licentie__bibliotheek")
    return get_object_or_404(permissions.visible_rapportages(request.user, qs), pk=pk)


@login_required
def mine(request):
    require(is_library_staff(request.user))
    reports = Rapportage.objects.filter(
        licentie__bibliotheek_id=request.user.bibliotheek_id
    ).select_related("licentie")
    return render(request, "rapportage/mine.html", {"rapportages": reports})


@login_required
def edit(request, pk):
    report = get_report(request, pk)
    require(permissions.can_edit(request.user, report))
    submitting = "indienen" in request.POST
    form = RapportageForm(request.POST or None, instance=report, submitting=submitting)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            service.save_report(form, request.user, form.cleaned_data["versie"])
        except service.WorkflowError as error:
            form.add_error(None, str(error))
            status = 409
        else:
            return _after_save(request, report, submitting)
    elif request.method == "POST" and submitting:
        form = _keep_as_draft(request, report, form)
    sections = [(sid, title, [form[name] for name in names]) for sid, title, names in SECTIONS]
    return render(
        request,
        "rapportage/edit.html",
        {"rapportage": report, "form": form, "sections": sections},
        status=status,
    )


def _keep_as_draft(request, report, form):
    """A submission that is not complete yet still saves what was typed, as a draft, and
    shows what is missing. Returns the form to show."""
    fresh = Rapportage.objects.select_related("licentie__bibliotheek").get(pk=report.pk)
    draft = RapportageForm(request.POST, instance=fresh)
    if not draft.is_valid():
        return form
    try:
        service.save_report(draft, request.user, draft.cleaned_data["versie"])
    except service.WorkflowError:
        return form
    data = request.POST.copy()
    data["versie"] = str(fresh.versie)
    form = RapportageForm(data, instance=fresh, submitting=True)
    form.is_valid()
    messages.info(
        request,
        _("Your draft report was saved, but not submitted yet: complete what is marked below."),
    )
    return form


def _after_save(request, report, submitting):
    if not submitting:
        messages.success(request, _("Your draft report was saved."))
        return redirect("rapportage:edit", pk=report.pk)
    try:
        service.submit(report, request.user)
    except service.WorkflowError as error:
        messages.error(request, str(error))
        return redirect("rapportage:edit", pk=report.pk)
    messages.success(request, _("Your report was submitted to KB and Digisterker."))
    return redirect("rapportage:detail", pk=report.pk)


@login_required
@require_POST
def submit(request, pk):
    report = get_report(request, pk)
    try:
        service.submit(report, request.user)
    except service.WorkflowError as error:
        messages.error(request, str(error))
        return redirect("rapportage:edit", pk=pk)
    messages.success(request, _("Your report was submitted to KB and Digisterker."))
    return redirect("rapportage:detail", pk=pk)
