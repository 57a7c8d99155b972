"""What changed in the plan since the round before, for whoever may see the plan."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from kbregeling.accesslog import log as accesslog
from kbregeling.accesslog.constants import Kind
from kbregeling.workflow import snapshots

from ..models import Aanmelding
from .common import get_aanmelding


@login_required
def changes(request, pk):
    """Round N (``?ronde=``, default the current one) beside round N-1: the fields that
    changed, the question that sent the plan back and the library's answer."""
    queryset = Aanmelding.objects.select_related("bibliotheek").prefetch_related("beoordelingen")
    aanmelding = get_aanmelding(request, pk, queryset)
    context = snapshots.changes(request, aanmelding) | {
        "subject": aanmelding,
        "detail_url": reverse("aanmelding:detail", args=[pk]),
        "changes_url": reverse("aanmelding:changes", args=[pk]),
        "pdf_url": reverse("aanmelding:pdf", args=[pk]),
    }
    accesslog.record_view(request, Kind.PLAN_VIEWED, str(aanmelding), aanmelding.bibliotheek)
    return render(request, "workflow/changes.html", context)
