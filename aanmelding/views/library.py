"""Pages of library staff: their sign-ups, the plan form, submit and withdraw."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions, service
from ..forms import SECTIONS, IntrekkenForm, plan_forms
from ..models import Aanmelding
from .common import get_aanmelding, require


@login_required
def mijn_aanmeldingen(request):
    require(permissions.can_create(request.user))
    aanmeldingen = Aanmelding.objects.filter(
        bibliotheek_id=request.user.bibliotheek_id
    ).select_related("bibliotheek")
    return render(
        request,
        "aanmelding/mijn_aanmeldingen.html",
        {"aanmeldingen": aanmeldingen, "bibliotheek": request.user.bibliotheek},
    )


@login_required
@require_POST
def create(request):
    require(permissions.can_create(request.user))
    aanmelding = service.start(request.user.bibliotheek, by=request.user)
    messages.success(
        request, _("A new draft plan was created. Save it at any time with the button Save draft.")
    )
    return redirect("aanmelding:edit", pk=aanmelding.pk)


@login_required
def edit(request, pk):
    aanmelding = get_aanmelding(request, pk)
    require(permissions.can_edit(request.user, aanmelding))
    submitting = "indienen" in request.POST
    if request.method == "POST":
        form, formset = plan_forms(aanmelding, request.POST, request.FILES, submitting)
        if form.is_valid() and formset.is_valid():
            try:
                service.save_plan(form, formset, request.user, form.cleaned_data["versie"])
            except service.WorkflowError as error:
                form.add_error(None, str(error))
            else:
                return _after_save(request, aanmelding, submitting)
        elif submitting:
            form, formset = _keep_as_draft(request, aanmelding, form, formset)
        status = 409 if form.non_field_errors() else 200
    else:
        form, formset = plan_forms(aanmelding)
        status = 200
    context = {
        "aanmelding": aanmelding,
        "form": form,
        "formset": formset,
        "sections": [
            (sid, title, [form[name] for name in names]) for sid, title, names in SECTIONS
        ],
    }
    return render(request, "aanmelding/edit.html", context, status=status)


def _keep_as_draft(request, aanmelding, form, formset):
    """A submission that is not complete yet still saves what was typed, as a draft, and
    shows what is missing. Returns the forms to show."""
    fresh = Aanmelding.objects.select_related("bibliotheek").get(pk=aanmelding.pk)
    draft, draft_set = plan_forms(fresh, request.POST, request.FILES)
    if not (draft.is_valid() and draft_set.is_valid()):
        return form, formset
    try:
        service.save_plan(draft, draft_set, request.user, draft.cleaned_data["versie"])
    except service.WorkflowError:
        return form, formset
    data = request.POST.copy()
    data["versie"] = str(fresh.versie)
    form, formset = plan_forms(fresh, data, request.FILES, submitting=True)
    form.is_valid()
    formset.is_valid()
    messages.info(
        request,
        _("Your draft was saved, but not submitted yet: complete what is marked below."),
    )
    return form, formset


def _after_save(request, aanmelding, submitting):
    if not submitting:
        messages.success(request, _("Your draft was saved."))
        return redirect("aanmelding:edit", pk=aanmelding.pk)
    try:
        service.submit(aanmelding, request.user)
    except service.WorkflowError as error:
        messages.error(request, str(error))
        return redirect("aanmelding:edit", pk=aanmelding.pk)
    messages.success(request, _("Your plan was submitted to KB and Digisterker."))
    return redirect("aanmelding:detail", pk=aanmelding.pk)


@login_required
@require_POST
def submit(request, pk):
    aanmelding = get_aanmelding(request, pk)
    try:
        service.submit(aanmelding, request.user)
    except service.WorkflowError as error:
        messages.error(request, str(error))
        return redirect("aanmelding:edit", pk=pk)
    messages.success(request, _("Your plan was submitted to KB and Digisterker."))
    return redirect("aanmelding:detail", pk=pk)


@login_required
@require_POST
def withdraw(request, pk):
    aanmelding = get_aanmelding(request, pk)
    form = IntrekkenForm(request.POST)
    remark = form.cleaned_data["remark"] if form.is_valid() else ""
    try:
        service.withdraw(aanmelding, request.user, remark)
    except service.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The sign-up was withdrawn."))
    return redirect("aanmelding:detail", pk=pk)
