"""What every response carries and every request passes: security headers, the early refusal
of a body over the upload limit, and the idle session timeout.

The Content-Security-Policy itself comes from django-csp (``CONTENT_SECURITY_POLICY`` in the
settings' "Headers" block); these add what it does not.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import RequestDataTooBig
from django.http import FileResponse
from django.utils.translation import gettext as _

from kbregeling.api.constants import PREFIX as API_PREFIX

from . import idle

# Responses that are a file to keep, whoever asks: none may stay in a shared cache.
DOWNLOAD_TYPES = (
    "application/pdf",
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/octet-stream",
)


def is_download(response) -> bool:
    if isinstance(response, FileResponse):
        return True
    if "attachment" in response.get("Content-Disposition", ""):
        return True
    return response.get("Content-Type", "").split(";")[0].strip() in DOWNLOAD_TYPES


def is_authenticated(request) -> bool:
    """Whether the request came from a logged-in user. A response made before the session
    and authentication middleware ran (a static file) has no user and is public."""
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class SecurityHeadersMiddleware:
    """``Permissions-Policy`` on every response; ``Cache-Control: private, no-store`` on
    every response to a logged-in user and on every download. Sits before WhiteNoise, so it
    sees the static files too, which keep their long public caching."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allow)})"
            for feature, allow in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        public_static = request.path.startswith(settings.STATIC_URL)
        if not public_static and (is_authenticated(request) or is_download(response)):
            response["Cache-Control"] = "private, no-store"
            del response["Expires"]
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request body over ``MAX_REQUEST_BODY_SIZE`` before anything reads it.

    Django limits the form fields of a post (``DATA_UPLOAD_MAX_MEMORY_SIZE``) but streams any
    size of uploaded file to disk; this refuses by the announced length alone. The answer is
    Django's 400 for a too-large body, with the Dutch ``400.html``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BODY_SIZE:
            raise RequestDataTooBig("Request body exceeded settings.MAX_REQUEST_BODY_SIZE.")
        return self.get_response(request)


class IdleTimeoutMiddleware:
    """Log out a user who did nothing for longer than the role's limit (see ``idle``), with a
    Dutch message on the login page; otherwise record the activity and tell the page
    (``request.idle_seconds``) how long the limit is, for its warning."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        limit = idle.session_limit_seconds(request)
        idle_for = idle.seconds_idle(request.session)
        if idle_for is not None and idle_for > limit:
            logout(request)
            minutes = limit // 60
            messages.info(
                request,
                _("You have been logged out because you did nothing for %(minutes)s minutes.")
                % {"minutes": minutes},
            )
            if request.path_info.startswith(API_PREFIX):
                # No redirect to the login page: the API goes on as for anyone anonymous
                # (``logout`` made ``request.user`` so): public answers, else a 401 problem.
                return None
            return redirect_to_login(request.get_full_path())
        request.idle_seconds = limit
        request.idle_warning_seconds = idle.warning_seconds(limit)
        if not (getattr(view_func, "idle_passive", False) and request.method == "GET"):
            idle.record_activity(request.session)
        return None
