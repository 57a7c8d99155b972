"""The access log for the coordinator and the technical administrator, to search."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from kbregeling.web.views import paginate, require

from . import permissions
from .forms import AccessLogFilterForm
from .models import AccessLogEntry


@login_required
def entries(request):
    require(permissions.can_see_access_log(request.user))
    form = AccessLogFilterForm(request.GET)
    qs = form.filter(AccessLogEntry.objects.select_related("user", "library"))
    return render(request, "accesslog/entries.html", {"form": form} | paginate(request, qs))
