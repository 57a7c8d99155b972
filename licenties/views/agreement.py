"""The agreement with Stichting Digisterker: Digisterker records it, the library reads it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aanmelding.service import Bibliotheek
from kbregeling.accesslog import log as accesslog
from kbregeling.accesslog.constants import Kind
from kbregeling.web.views import require

from .. import permissions, service
from ..forms import OvereenkomstForm
from ..models import Overeenkomst


@login_required
def edit_agreement(request, pk):
    require(permissions.can_manage_agreement(request.user))
    bibliotheek = get_object_or_404(Bibliotheek, pk=pk)
    overeenkomst = Overeenkomst.objects.filter(bibliotheek=bibliotheek).first()
    form = OvereenkomstForm(
        request.POST or None,
        request.FILES or None,
        instance=overeenkomst,
        bibliotheek=bibliotheek,
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            service.save_agreement(form, request.user, form.cleaned_data.get("versie") or 1)
        except service.WorkflowError as error:
            form.add_error(None, str(error))
            status = 409
        else:
            messages.success(request, _("The agreement was saved."))
            return redirect("licenties:library", pk=bibliotheek.pk)
    return render(
        request,
        "licenties/agreement_form.html",
        {"form": form, "bibliotheek": bibliotheek, "overeenkomst": overeenkomst},
        status=status,
    )


@login_required
@require_POST
def sign_agreement(request, pk):
    require(permissions.can_manage_agreement(request.user))
    overeenkomst = get_object_or_404(Overeenkomst, bibliotheek_id=pk)
    try:
        service.sign_agreement(overeenkomst, request.user)
    except service.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The agreement is recorded as signed."))
    return redirect("licenties:library", pk=pk)


@login_required
def agreement_document(request, pk):
    require(permissions.can_view_library(pk, request.user))
    overeenkomst = get_object_or_404(Overeenkomst, bibliotheek_id=pk)
    if not overeenkomst.document:
        raise Http404
    accesslog.record(request, Kind.AGREEMENT, str(overeenkomst), overeenkomst.bibliotheek_id)
    return FileResponse(
        overeenkomst.document.open("rb"),
        as_attachment=True,
        filename=overeenkomst.document_naam or "overeenkomst.pdf",
    )
