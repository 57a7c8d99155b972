"""The idle session timeout: how long each role may do nothing before it is logged out, and
the small endpoint the warning in the page asks (``static/js/idle-timeout.js``).

Reviewers, the coordinator and administrators decide on public money and see every library's
data: they are logged out sooner than library staff, who fill in long forms.
"""

import time

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_http_methods

LAST_ACTIVITY = "last_activity"
# The user's limit, worked out once at login (it needs the user's groups, a query).
LIMIT = "idle_limit_seconds"
# The last activity is written at most once a minute: a write per request costs a query.
RECORD_EVERY_SECONDS = 60
# The page warns this long before the limit (or halfway, for a limit shorter than twice this).
WARNING_SECONDS = 5 * 60


def idle_limit_seconds(user) -> int:
    """Library staff get the longer limit; anyone who also reviews, coordinates or
    administers (or has no role at all) gets the shorter one."""
    library_only = (
        user.is_bibliotheekmedewerker
        and not user.is_superuser
        and not user.is_coordinator
        and not user.is_beoordelaar
    )
    if library_only:
        return settings.SESSION_IDLE_MINUTES_LIBRARY * 60
    return settings.SESSION_IDLE_MINUTES_REVIEWERS * 60


def session_limit_seconds(request) -> int:
    limit = request.session.get(LIMIT)
    if limit is None:
        limit = request.session[LIMIT] = idle_limit_seconds(request.user)
    return limit


def warning_seconds(limit: int) -> int:
    return min(WARNING_SECONDS, limit // 2)


def seconds_idle(session, now=None) -> float | None:
    last = session.get(LAST_ACTIVITY)
    if last is None:
        return None
    return (now or time.time()) - last


def record_activity(session, now=None, force=False):
    now = now or time.time()
    idle = seconds_idle(session, now)
    if force or idle is None or idle >= RECORD_EVERY_SECONDS:
        session[LAST_ACTIVITY] = int(now)


def passive(view):
    """Mark a view whose GET does not count as activity (the warning's own check)."""
    view.idle_passive = True
    return view


@passive
@require_http_methods(["GET", "POST"])
def keepalive(request):
    """GET: the seconds left before the idle logout; POST ("Stay logged in"): start again.

    The idle middleware has already logged out a session past its limit; then this answers
    with the redirect to the login page, which the script takes as a sign to reload."""
    if not request.user.is_authenticated:
        return JsonResponse({"remaining": 0}, status=401)
    if request.method == "POST":
        record_activity(request.session, force=True)
    idle = seconds_idle(request.session) or 0
    remaining = max(0, int(request.idle_seconds - idle))
    return JsonResponse({"remaining": remaining})
