"""Detail for every permitted role; advice and the renewal decision for reviewers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_fsm import has_transition_perm

from kbregeling.accesslog import log as accesslog
from kbregeling.accesslog.constants import Kind
from kbregeling.web.views import paginate, require
from kbregeling.workflow import assessment, audit
from kbregeling.workflow.forms import AnswerForm

from .. import permissions, service
from ..constants import RapportageStatus as S
from ..constants import awaiting_reports
from ..forms import SECTIONS, BesluitForm, RapportageAdviesForm
from .library import get_report


def report_context(request, report, advies_form=None, besluit_form=None):
    user = request.user
    return {
        "rapportage": report,
        "sections": SECTIONS,
        "rounds": assessment.rounds(report),
        "timeline": audit.history(report),
        "can_edit": permissions.can_edit(report, user).allowed,
        "can_submit": report.status in (S.CONCEPT, S.AANVULLING_GEVRAAGD)
        and has_transition_perm(report.indienen, user),
        "can_advise": permissions.can_advise(report, user).allowed,
        "can_decide": report.status == S.BEOORDEELD
        and permissions.can_decide(report, user).allowed,
        "advies_form": advies_form or RapportageAdviesForm(initial={"seen_status": report.status}),
        "besluit_form": besluit_form or BesluitForm(),
        "answer_form": AnswerForm(),  # beside the submit button, after a question
    }


@login_required
def detail(request, pk):
    report = get_report(request, pk)
    accesslog.record_view(request, Kind.REPORT_VIEWED, str(report), report.licentie.bibliotheek)
    return render(request, "rapportage/detail.html", report_context(request, report))


@login_required
@require_POST
def advise(request, pk):
    report = get_report(request, pk)
    require(permissions.can_advise(report, request.user))
    form = RapportageAdviesForm(request.POST)
    if form.is_valid():
        try:
            service.advise(report, request.user, **form.cleaned_data)
        except service.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your advice was recorded."))
            return redirect("rapportage:detail", pk=pk)
    status = 409 if form.non_field_errors() else 200
    context = report_context(request, report, advies_form=form)
    return render(request, "rapportage/detail.html", context, status=status)


@login_required
@require_POST
def decide(request, pk):
    report = get_report(request, pk)
    require(permissions.can_decide(report, request.user))
    form = BesluitForm(request.POST)
    if form.is_valid():
        try:
            service.decide(report, request.user, **form.cleaned_data)
        except service.WorkflowError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The renewal decision was recorded."))
            return redirect("rapportage:detail", pk=pk)
    context = report_context(request, report, besluit_form=form)
    return render(request, "rapportage/detail.html", context, status=200)


@login_required
def dashboard(request):
    require(permissions.can_see_overview(request.user))
    qs = permissions.visible_rapportages(request.user)
    status = request.GET.get("status", "")
    if status == "" and request.user.partij:
        qs = qs.filter(status__in=awaiting_reports(request.user.partij))
    elif status == "":  # the coordinator awaits nobody: the reports not decided yet
        qs = qs.exclude(status__in=[S.VERLENGD, S.NIET_VERLENGD])
    elif status in S.values:
        qs = qs.filter(status=status)
    statuses = [(v, label) for v, label in S.choices if v not in (S.OPEN, S.CONCEPT)]
    context = {
        "status": status,
        "statuses": [("alle", _("All submitted")), *statuses],
        "default_label": _("Awaiting me") if request.user.partij else _("Not decided yet"),
    }
    # Plain values of what the rows show: fifty reports' texts and figures are not loaded.
    columns = ("pk", "status", "deadline", "licentie__begindatum", "licentie__bibliotheek__naam")
    context |= paginate(request, qs.order_by("deadline", "pk").values(*columns))
    return render(request, "rapportage/dashboard.html", context)
