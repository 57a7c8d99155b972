from django.shortcuts import get_object_or_404

from .. import permissions
from ..models import Aanmelding


def get_aanmelding(request, pk, queryset=None) -> Aanmelding:
    """The sign-up if this user may see it; 404 for another library's, as if it did not exist."""
    base = queryset if queryset is not None else Aanmelding.objects.select_related("bibliotheek")
    return get_object_or_404(permissions.visible_aanmeldingen(request.user, base), pk=pk)
