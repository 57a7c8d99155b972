"""The start page of library staff: what is next for their library."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from kbregeling.web.views import require

from .. import permissions
from ..tasklist import tasks_for


@login_required
def tasklist(request):
    require(permissions.can_see_tasklist(request.user))
    return render(
        request,
        "rapportage/tasklist.html",
        {
            "tasks": tasks_for(request.user.bibliotheek_id, user=request.user),
            "bibliotheek": request.user.bibliotheek,
        },
    )
