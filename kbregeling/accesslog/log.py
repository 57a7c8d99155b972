"""The one way to write the access log. Views call ``record`` after their permission check
passed, one line per download or export; the login signals call it from ``receivers``."""

import ipaddress

from django.conf import settings

from kbregeling.accounts.permissions import is_staff_of

from .models import AccessLogEntry


def _field_max(name):
    return AccessLogEntry._meta.get_field(name).max_length


def client_ip(request) -> str | None:
    """REMOTE_ADDR; behind a trusted proxy (``TLS_PROXY``) the
    first address of X-Forwarded-For, which that proxy must set itself. None when neither is
    a valid address."""
    candidates = []
    if settings.TLS_PROXY:
        candidates.append(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[0])
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate.strip()))
        except ValueError:
            continue
    return None


def record(request, kind, what="", library=None, user=None, username=""):
    """Write one entry: ``user`` (else the request's logged-in user) did ``kind`` to ``what``
    of ``library`` (a Bibliotheek or its id). ``username`` names who tried when there is no
    user (a failed login). ``request`` may be None (a signal sent outside a request)."""
    if user is None and request is not None and request.user.is_authenticated:
        user = request.user
    meta = request.META if request is not None else {}
    return AccessLogEntry.objects.create(
        user=user,
        username=(user.get_username() if user else username)[: _field_max("username")],
        kind=kind,
        what=str(what)[: _field_max("what")],
        library_id=getattr(library, "pk", library),
        ip_address=client_ip(request) if request is not None else None,
        user_agent=meta.get("HTTP_USER_AGENT", "")[: _field_max("user_agent")],
    )


def record_view(request, kind, what, library):
    """Record a look at a plan or report unless the viewer works for its library: what a
    reviewer or the coordinator reads of another library is logged, a library's own is not."""
    library_id = getattr(library, "pk", library)
    if not is_staff_of(library_id, request.user):
        record(request, kind, what, library_id)
