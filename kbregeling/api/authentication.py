"""``Authorization: Bearer <key>`` (or ``Token <key>``): the organisation's API token.

The request then has no user (``request.user`` is anonymous) and ``request.auth`` is the
``ApiToken``; the permission classes and the scopes of the endpoints read that.
"""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from .models import ApiToken, hash_key

KEYWORDS = (b"bearer", b"token")
#: The last-used time is written at most this often per token: not a write per request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class TokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Give the key after the word Bearer, with one space and nothing more.")
            )
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed(_("This API key is not valid.")) from error
        token = ApiToken.objects.filter(sleutel_hash=hash_key(key)).first()
        if token is None:
            raise exceptions.AuthenticationFailed(_("This API key is not valid."))
        if not token.is_active:
            raise exceptions.AuthenticationFailed(_("This API key has been revoked."))
        self._mark_used(token)
        return (AnonymousUser(), token)

    def authenticate_header(self, request):
        # A 401 (not a 403) tells the client how to authenticate.
        return 'Bearer realm="api"'

    @staticmethod
    def _mark_used(token):
        now = timezone.now()
        if (
            token.laatst_gebruikt_op is None
            or now - token.laatst_gebruikt_op > LAST_USED_RESOLUTION
        ):
            ApiToken.objects.filter(pk=token.pk).update(laatst_gebruikt_op=now)
            token.laatst_gebruikt_op = now


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = TokenAuthentication
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": str(
                _(
                    "The key of your organisation's API token, made by KB's administrator: "
                    "Authorization: Bearer <key>."
                )
            ),
        }
