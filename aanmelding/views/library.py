"""Pages of library staff: their sign-ups, the plan form, submit and withdraw."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_fsm import has_transition_perm

from kbregeling.accounts.constants import Partij
from kbregeling.web.views import require
from kbregeling.workflow.assessment import information_request
from kbregeling.workflow.drafts import DraftEditor

from .. import permissions, service
from ..constants import Status
from ..forms import SECTIONS, IntrekkenForm, plan_forms, sections_to_complete
from ..models import Aanmelding
from .common import get_aanmelding
from .plan import plan_context, plan_queryset


@login_required
def mine(request):
    require(permissions.can_see_own_signups(request.user))
    aanmeldingen = list(
        Aanmelding.objects.filter(bibliotheek_id=request.user.bibliotheek_id).only(
            "status", "eerste_licentiejaar", "gewijzigd_op", "ingediend_op"
        )
    )
    open_one = next((a for a in aanmeldingen if a.status in service.OPEN), None)
    return render(
        request,
        "aanmelding/mine.html",
        {
            "aanmeldingen": aanmeldingen,
            "bibliotheek": request.user.bibliotheek,
            "open_signup": open_one,
        },
    )


@login_required
def create(request):
    """Starting a sign-up asks first (GET: what it means, and a button to confirm); the
    confirmed POST starts it. Refused while the library has a sign-up that is not finished."""
    require(permissions.can_create(request.user))
    bibliotheek = request.user.bibliotheek
    if request.method == "POST" and request.POST.get("bevestigd") == "ja":
        try:
            aanmelding = service.start(bibliotheek, by=request.user)
        except service.DraftExists as error:  # a second click, or a draft begun earlier
            messages.info(request, str(error))
            return redirect("aanmelding:edit", pk=error.aanmelding.pk)
        except service.OpenSignUp as error:  # submitted meanwhile, in another tab
            return _start_page(request, bibliotheek, error.aanmelding, status=409)
        messages.success(
            request,
            _("A new draft plan was created. Save it at any time with the button Save draft."),
        )
        return redirect("aanmelding:edit", pk=aanmelding.pk)
    if request.method == "POST":  # not confirmed: ask first
        return redirect("aanmelding:create")
    return _start_page(request, bibliotheek, service.open_signup(bibliotheek.pk))


def _start_page(request, bibliotheek, open_signup, status=200):
    earlier = Aanmelding.objects.filter(bibliotheek=bibliotheek)
    return render(
        request,
        "aanmelding/start.html",
        {
            "bibliotheek": bibliotheek,
            "open_signup": open_signup,
            "has_approved": earlier.filter(status=Status.GOEDGEKEURD).exists(),
            "has_earlier": earlier.exists(),
        },
        status=status,
    )


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
        # Complete or not as the page shows the plan (what was typed, after a failed submit).
        rows = [sub.instance for sub in formset.forms]
        complete = {sid: not items for sid, _title, items in sections_to_complete(obj, rows)}
        question = information_request(obj)
        return {
            "aanmelding": obj,
            "form": form,
            "formset": formset,
            "sections": [
                (sid, title, [form[name] for name in names], complete[sid])
                for sid, title, names in SECTIONS
            ],
            "question": question,
            "asked_by": Partij(question.partij).full_name if question else "",
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
