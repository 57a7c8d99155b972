"""Helpers every view uses: the permission gate, pagination and the year parameter."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.utils import timezone


def require(verdict):
    """Refuse the request (403, with the reason) unless the permission ``verdict`` allows."""
    allowed, reason = verdict
    if not allowed:
        raise PermissionDenied(reason)


def query_without_page(request) -> str:
    """The current filters as a query string, for the links of the pagination include."""
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()


def paginate(request, queryset, per_page=50) -> dict:
    """The page asked for (``?pagina=``) and the filters to keep in its links, for the
    context of a list page and its ``includes/pagination.html``."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("pagina"))
    return {"page": page, "query": query_without_page(request)}


def chosen_year(request) -> int:
    """The year of ``?jaar=``, this year when it is missing or not a number, kept in 2000–2100."""
    try:
        jaar = int(request.GET.get("jaar", ""))
    except ValueError:
        jaar = timezone.localdate().year
    return min(max(jaar, 2000), 2100)


def year_links(years_with_data, chosen: int) -> list[int]:
    """The years an overview links to: those with data and the year after the last of them
    (when the first licences of next year are planned), and the chosen year itself."""
    years = set(years_with_data) or {timezone.localdate().year}
    return sorted(years | {max(years) + 1, chosen})
