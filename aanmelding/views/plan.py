"""The plan as every permitted role sees it: detail with timeline, attachment and PDF."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_fsm import can_proceed, has_transition_perm

from kbregeling.accesslog import log as accesslog
from kbregeling.accesslog.constants import Kind
from kbregeling.accounts.constants import Partij
from kbregeling.documents.pdf import pdf_response
from kbregeling.workflow import assessment, audit, snapshots
from kbregeling.workflow.forms import AnswerForm

from .. import permissions, service
from ..constants import Status
from ..forms import SECTIONS, AdviesForm, IntrekkenForm, sections_to_complete
from ..models import Aanmelding
from .common import get_aanmelding


def plan_queryset():
    return Aanmelding.objects.select_related("bibliotheek").prefetch_related(
        "bibliotheek__werkgebied",
        "samenwerkingen__gemeente",
        "beoordelingen__beoordelaar",
    )


def plan_context(aanmelding):
    question = assessment.information_request(aanmelding)
    return {
        "aanmelding": aanmelding,
        "sections": SECTIONS,
        "rounds": assessment.rounds(aanmelding),
        "timeline": audit.history(aanmelding),
        # The request for more information the library has to answer, and who asked it.
        "question": question,
        "asked_by": Partij(question.partij).full_name if question else "",
    }


@login_required
def detail(request, pk):
    aanmelding = get_aanmelding(request, pk, plan_queryset())
    user = request.user
    submit_transition = (
        aanmelding.opnieuw_indienen
        if aanmelding.status == Status.AANVULLING_GEVRAAGD
        else aanmelding.indienen
    )
    context = plan_context(aanmelding) | {
        "can_edit": permissions.can_edit(aanmelding, user).allowed,
        # State and permission only: an incomplete plan still shows what is missing.
        "can_submit": can_proceed(submit_transition, check_conditions=False)
        and permissions.can_act_for_library(aanmelding, user).allowed,
        # What stops submission, per section (only the incomplete ones), linked to the field.
        "missing": [section for section in sections_to_complete(aanmelding) if section[2]]
        if aanmelding.is_bewerkbaar
        else [],
        "can_withdraw": has_transition_perm(aanmelding.intrekken, user),
        "can_advise": permissions.can_advise(aanmelding, user).allowed,
        "plan_links": service.plan_links(aanmelding, user),  # the agreement form, for Digisterker
        "advies_form": AdviesForm(initial={"seen_status": aanmelding.status}),
        "intrekken_form": IntrekkenForm(),
        "answer_form": AnswerForm(),  # beside "submit again"
    }
    accesslog.record_view(request, Kind.PLAN_VIEWED, str(aanmelding), aanmelding.bibliotheek)
    return render(request, "aanmelding/detail.html", context)


@login_required
def attachment(request, pk):
    aanmelding = get_aanmelding(request, pk)
    if not aanmelding.bijlage:
        raise Http404
    accesslog.record(request, Kind.ATTACHMENT, str(aanmelding), aanmelding.bibliotheek)
    return FileResponse(
        aanmelding.bijlage.open("rb"),
        as_attachment=True,
        filename=aanmelding.bijlage_naam or aanmelding.bijlage.name.rsplit("/", 1)[-1],
    )


@login_required
def pdf(request, pk):
    """The plan as it is now; with ``?ronde=N`` as it was submitted in round N."""
    aanmelding = get_aanmelding(request, pk, plan_queryset())
    snapshot = snapshots.round_snapshot(request, aanmelding)
    filename = f"plan-van-aanpak-{slugify(aanmelding.bibliotheek.naam)}-{aanmelding.pk}.pdf"
    accesslog.record(request, Kind.PLAN_PDF, str(aanmelding), aanmelding.bibliotheek)
    if snapshot is not None:
        title, library = _("Plan van Aanpak"), aanmelding.bibliotheek
        return snapshots.round_pdf(
            request, aanmelding, snapshot, title=title, library=library, filename=filename
        )
    return pdf_response("aanmelding/pdf/plan.html", plan_context(aanmelding), filename, request)
