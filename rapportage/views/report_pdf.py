"""The PDF of one year report, for whoever may see the report."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kbregeling.accesslog import log as accesslog
from kbregeling.accesslog.constants import Kind
from kbregeling.documents.pdf import pdf_response
from kbregeling.web.display import field_rows
from kbregeling.workflow import snapshots

from .. import permissions
from ..forms import SECTIONS
from ..models import Rapportage

NUMERIC_SECTIONS = {"aantallen", "leeftijd", "doelgroepen", "verwijzing"}


def report_sections(report):
    return [
        {
            "id": sid,
            "title": title,
            "numeric": sid in NUMERIC_SECTIONS,
            "rows": field_rows(report, names),
        }
        for sid, title, names in SECTIONS
    ]


def report_queryset():
    return Rapportage.objects.select_related("licentie__bibliotheek").prefetch_related(
        "verlengen_gemeenten", "licentie__gemeenten", "beoordelingen"
    )


def report_context(report):
    return {
        "rapportage": report,
        "licentie": report.licentie,
        "bibliotheek": report.licentie.bibliotheek,
        "sections": report_sections(report),
        "beoordelingen": report.beoordelingen.all(),
    }


@login_required
def report_pdf(request, pk):
    """The PDF of one year report: library staff get only their own library's (404 else).
    With ``?ronde=N``: the report as it was submitted in round N."""
    qs = permissions.visible_rapportages(request.user, report_queryset())
    report = get_object_or_404(qs, pk=pk)
    snapshot = snapshots.round_snapshot(request, report)
    licentie = report.licentie
    filename = f"jaarrapportage-{slugify(licentie.bibliotheek.naam)}-{licentie.jaar}.pdf"
    accesslog.record(request, Kind.REPORT_PDF, str(report), licentie.bibliotheek)
    if snapshot is not None:
        title = _("Year report %(year)s") % {"year": licentie.jaar}
        return snapshots.round_pdf(
            request, report, snapshot, title=title, library=licentie.bibliotheek, filename=filename
        )
    return pdf_response("rapportage/pdf/rapportage.html", report_context(report), filename, request)
