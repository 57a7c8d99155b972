"""Reviewers, the coordinator and superusers reach nothing but the set-up of their second
factor (and logging out) until this session has passed it. Under /api/v1/ such a session is
anonymous instead of redirected: the API answers JSON, never the second factor's page."""

from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse

from kbregeling.api.constants import PREFIX as API_PREFIX

from . import second_factor

#: What a person may open before the second factor: setting it up and leaving.
OPEN_BEFORE_SECOND_FACTOR = frozenset(
    {
        "mfa_activate_totp",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_logout",
        "logout",
        "web:keepalive",
        "accounts:invitation",
        "accounts:invitation_ask_new",
        "privacy:page",
        "statements:accessibility",
        "cursus:finder",
    }
)


def _open(path) -> bool:
    try:
        return resolve(path).view_name in OPEN_BEFORE_SECOND_FACTOR
    except Resolver404:
        return False


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not second_factor.proven(request)
            and second_factor.is_required(user)
            and not _open(request.path_info)
        ):
            if request.path_info.startswith(API_PREFIX):
                # The API answers no HTML redirect: without the second factor the session
                # reads as anonymous there (public answers, a problem+json 401 otherwise).
                request.user = AnonymousUser()
                return self.get_response(request)
            if is_mfa_enabled(user, [Authenticator.Type.TOTP]):  # has one, this session unused
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{reverse('mfa_reauthenticate')}?{query}")
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
