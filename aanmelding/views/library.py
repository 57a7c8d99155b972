"""Pages of library staff: their sign-ups, the plan form, submit and withdraw."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_fsm import has_transition_perm

from kbregeling.web.views import require
from kbregeling.workflow.drafts import DraftEditor

from .. import permissions, service
from ..forms import SECTIONS, IntrekkenForm, plan_forms
from ..models import Aanmelding
from .common import get_aanmelding
from .plan import plan_context, plan_queryset


@login_required
def mine(request):
    require(permissions.can_create(request.user))
    aanmeldingen = Aanmelding.objects.filter(
        bibliotheek_id=request.user.bibliotheek_id
    ).select_related("bibliotheek")
    return render(
        request,
        "aanmelding/mine.html",
        {"aanmeldingen": aanmeldingen, "bibliotheek": request.user.bibliotheek},
    )


@login_required
@require_POST
def create(request):
    require(permissions.can_create(request.user))
    try:
        aanmelding = service.start(request.user.bibliotheek, by=request.user)
    except service.DraftExists as error:  # a second click, or a draft begun earlier
        messages.info(request, str(error))
        return redirect("aanmelding:edit", pk=error.aanmelding.pk)
    messages.success(
        request, _("A new draft plan was created. Save it at any time with the button Save draft.")
    )
    return redirect("aanmelding:edit", pk=aanmelding.pk)


class PlanEditor(DraftEditor):
    app = "aanmelding"
    saved_text = gettext_lazy("Your draft was saved.")
    kept_text = gettext_lazy(
        "Your draft was saved, but not submitted yet: complete what is marked below."
    )
    submitted_text = gettext_lazy("Your plan was submitted to KB and Digisterker.")

    reload_related = ("bibliotheek",)
    save = staticmethod(service.save_plan)
    submit = staticmethod(service.submit)

    def get(self, request, pk):
        return get_aanmelding(request, pk)

    def may_edit(self, obj, user):
        return permissions.can_edit(obj, user)

    def forms(self, obj, data=None, files=None, submitting=False):
        return list(plan_forms(obj, data, files, submitting))

    def context(self, obj, forms):
        form, formset = forms
        return {
            "aanmelding": obj,
            "form": form,
            "formset": formset,
            "sections": [
                (sid, title, [form[name] for name in names]) for sid, title, names in SECTIONS
            ],
        }


edit, submit = PlanEditor().views()


@login_required
@require_POST
def withdraw(request, pk):
    aanmelding = get_aanmelding(request, pk, plan_queryset())
    form = IntrekkenForm(request.POST)
    if not form.is_valid() and has_transition_perm(aanmelding.intrekken, request.user):
        # Nothing is withdrawn: the plan page again, with the reason as typed and what is
        # wrong with it (a reason is never dropped to withdraw without it).
        context = plan_context(aanmelding) | {"can_withdraw": True, "intrekken_form": form}
        return render(request, "aanmelding/detail.html", context)
    try:
        service.withdraw(aanmelding, request.user, form.cleaned_data.get("remark", ""))
    except service.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The sign-up was withdrawn."))
    return redirect("aanmelding:detail", pk=pk)
