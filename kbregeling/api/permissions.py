"""Who may read which part of the API, and who manages the tokens.

Public endpoints are open to everyone, read-only. The others are for an organisation's API
token or a logged-in person: a token reads what its organisation may (``token_library``: one
library's data, or all for a national token), a person what the view's ``session_rule``
allows: the same ``can_*`` check of the domain app that guards the pages with the same data.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.permissions import BasePermission

from kbregeling.accounts.permissions import Verdict, is_kb_administrator

from .models import ApiToken


def can_manage_tokens(user) -> Verdict:
    """KB's administrator makes and revokes the API tokens of organisations."""
    return is_kb_administrator(user)


def can_revoke(token, user) -> Verdict:
    if not token.is_active:
        return Verdict(False, _("This token has been revoked already."))
    return can_manage_tokens(user)


def token_of(request) -> ApiToken | None:
    return request.auth if isinstance(request.auth, ApiToken) else None


def token_library(request) -> int | None:
    """The library a request's data is limited to: a library's token sees only its own; a
    national token and a person allowed by the view's ``session_rule`` see every library."""
    token = token_of(request)
    return token.bibliotheek_id if token else None


def no_session_access(user) -> Verdict:
    return Verdict(False, _("Only an organisation's API token can read this."))


class Public(BasePermission):
    """Public, read-only data: no token and no login needed."""

    def has_permission(self, request, view):
        return True


class OrganisationOrRole(BasePermission):
    """An API token, or a logged-in person whom the view's ``session_rule(user)`` allows."""

    def has_permission(self, request, view):
        if token_of(request):
            return True
        if not request.user.is_authenticated:
            return False  # DRF answers 401 with the token scheme
        # Read from the class: a plain function there, not a method bound to the view.
        rule = getattr(type(view), "session_rule", no_session_access)
        allowed, reason = rule(request.user)
        if not allowed:
            raise exceptions.PermissionDenied(reason)
        return True
