"""The reviewers' work queue: plans and year reports awaiting their party, in one list."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from kbregeling.web.views import paginate, require

from .. import permissions
from ..queue import QueueFilterForm, shown, summary, with_unread, work_queue


@login_required
def queue(request):
    require(permissions.can_see_work_queue(request.user))
    partij = request.user.partij
    form = QueueFilterForm(request.GET, partij)
    filters = form.filters()
    # The queue is short (what awaits one party) and its SQL, a union of subqueries, costs
    # more to compile than to run: one query for all rows, paged here, not a count and a page.
    context = paginate(request, list(work_queue(request.user, filters)))
    page = context["page"]
    unsorted = request.GET.copy()
    for name in ("sorteer", "pagina"):
        unsorted.pop(name, None)
    return render(
        request,
        "rapportage/queue.html",
        context
        | {
            "form": form,
            "filters": filters,
            "sorteer": filters.get("sorteer") or "wachttijd",
            "unsorted": unsorted.urlencode(),
            "rows": with_unread(list(shown(page.object_list)), request.user),
            "summary": summary(page.paginator.count, partij, form),
        },
    )
