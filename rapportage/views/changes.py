"""What changed in the year report since the round before, for whoever may see the report."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from kbregeling.accesslog import log as accesslog
from kbregeling.accesslog.constants import Kind
from kbregeling.workflow import snapshots

from .. import permissions
from ..models import Rapportage


@login_required
def changes(request, pk):
    """Round N (``?ronde=``, default the current one) beside round N-1: the fields that
    changed, the question that sent the report back and the library's answer."""
    queryset = Rapportage.objects.select_related("licentie__bibliotheek").prefetch_related(
        "beoordelingen"
    )
    report = get_object_or_404(permissions.visible_rapportages(request.user, queryset), pk=pk)
    context = snapshots.changes(request, report) | {
        "subject": report,
        "detail_url": reverse("rapportage:detail", args=[pk]),
        "changes_url": reverse("rapportage:changes", args=[pk]),
        "pdf_url": reverse("rapportage:pdf", args=[pk]),
    }
    library = report.licentie.bibliotheek
    accesslog.record_view(request, Kind.REPORT_VIEWED, str(report), library)
    return render(request, "workflow/changes.html", context)
