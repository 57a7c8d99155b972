from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .. import permissions
from ..models import Aanmelding


def get_aanmelding(request, pk, queryset=None) -> Aanmelding:
    """The sign-up if this user may see it; 404 for another library's, as if it did not exist."""
    base = queryset if queryset is not None else Aanmelding.objects.select_related("bibliotheek")
    return get_object_or_404(permissions.visible_aanmeldingen(request.user, base), pk=pk)


def require(verdict):
    allowed, reason = verdict
    if not allowed:
        raise PermissionDenied(reason)


def query_without_page(request) -> str:
    """The current filters as a query string, for the links of the pagination include."""
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()
