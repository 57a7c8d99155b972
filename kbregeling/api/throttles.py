"""Rate limits of the API (DRF throttling, counted in the shared cache: Redis in production):
per token, per logged-in user, and per client address for everyone else. The address is the
access log's (``client_ip``): behind the proxy, the client's, not the proxy's. The rates are
``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``, from the environment (see the settings)."""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from kbregeling.accesslog.log import client_ip

from .models import ApiToken


class ApiThrottle(SimpleRateThrottle):
    def get_rate(self):
        # Read at each request, not once at import as DRF does: a changed setting counts.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_ip(request) or "unknown"

    def key(self, ident):
        return self.cache_format % {"scope": self.scope, "ident": ident}


class TokenThrottle(ApiThrottle):
    """Per API token: an organisation's requests, from whichever address."""

    scope = "token"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            return self.key(request.auth.pk)
        return None


class UserThrottle(ApiThrottle):
    """Per logged-in user (the coordinator reading the API in the browser)."""

    scope = "user"

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiToken) and request.user.is_authenticated:
            return self.key(request.user.pk)
        return None


class AnonymousThrottle(ApiThrottle):
    """Per client address, for requests without a token or login (the public endpoints)."""

    scope = "anonymous"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken) or request.user.is_authenticated:
            return None
        return self.key(self.get_ident(request))
