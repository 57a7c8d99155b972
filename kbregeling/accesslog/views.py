"""The access log for the coordinator and the technical administrator, to search."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.html import format_html

from kbregeling.web.rows import DASH, Dates, join_rows
from kbregeling.web.views import paginate, require

from . import permissions
from .constants import Kind
from .forms import AccessLogFilterForm
from .models import AccessLogEntry

ROW = (
    "\n  <tr>\n    <td>{}</td>\n    <td>{}</td>\n    <td>{}</td>\n    <td>{}</td>\n"
    '    <td>{}</td>\n    <td>{}</td>\n    <td class="small text-break">{}</td>\n  </tr>'
)


@login_required
def entries(request):
    require(permissions.can_see_access_log(request.user))
    form = AccessLogFilterForm(request.GET)
    qs = form.filter(AccessLogEntry.objects.select_related("user", "library"))
    context = {"form": form} | paginate(request, qs)
    context["rows"] = rows(context["page"].object_list)
    return render(request, "accesslog/entries.html", context)


def rows(page):
    """The rows of one page of entries, drawn here: the template's row loop, with a date
    filter, conditions and a default per cell, cost more than the rest of the page."""
    kinds = {value: str(label) for value, label in Kind.choices}
    dates = Dates()
    return join_rows(
        ROW,
        (
            (
                dates.short_and_time(entry.when, seconds=True),
                who(entry),
                kinds.get(entry.kind, entry.kind),
                entry.what or DASH,
                entry.library or DASH,
                entry.ip_address or DASH,
                entry.user_agent or DASH,
            )
            for entry in page
        ),
    )


def who(entry):
    """The person's name with their username; the username alone when the person is gone."""
    if entry.user is None:
        return entry.username or DASH
    name = entry.user.get_full_name()
    if not name:
        return entry.username
    return format_html('{} <span class="text-body-secondary">({})</span>', name, entry.username)
