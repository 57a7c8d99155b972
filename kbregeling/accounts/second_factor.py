"""The second factor (an authenticator app with recovery codes, from django-allauth's MFA app):
who must have one, whether this session proved it, and the confirmation of identity asked
before the password or the second factor changes."""

import time
from functools import wraps
from urllib.parse import urlencode

from allauth.account.authentication import (
    AUTHENTICATION_METHODS_SESSION_KEY,
    get_authentication_records,
)
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse

from .constants import Rol

#: Roles that decide on public money, see every library or manage people: never a password
#: alone.
REQUIRED_FOR = frozenset(
    {Rol.KB_BEOORDELAAR, Rol.DIGISTERKER_BEOORDELAAR, Rol.COORDINATOR, Rol.KB_BEHEERDER}
)


def is_required(user) -> bool:
    """Reviewers of both parties, the coordinator and everyone who may open the admin."""
    return user.is_superuser or user.is_staff or bool(user.rollen & REQUIRED_FOR)


def _methods(request, since=0.0) -> set[str]:
    return {
        record.get("method")
        for record in get_authentication_records(request, request.user)
        if record.get("at", 0) >= since
    }


#: The key of the demo reviewers' authenticator app: public, for `make run` only (README).
DEMO_KEY = "KBDIGISTERKERDEMOKBDIGISTERKERDE"


def set_up_app(user, key) -> None:
    """Give ``user`` an authenticator app with ``key`` (base32) and ten recovery codes, as
    the set-up page does: for demo data and tests, which have no phone to scan with."""
    TOTP.activate(user, key)
    RecoveryCodes.activate(user)


def current_code(key, at=None) -> str:
    """The six digits an authenticator app with ``key`` shows now (or at ``at``)."""
    return format_hotp_value(hotp_value(key, int((at or time.time()) // 30)))


def proven(request) -> bool:
    """This session passed the second factor: at login, or by setting it up just now."""
    return "mfa" in _methods(request)


def record_password_login(request, user) -> None:
    """A login by choosing a password just now (accepting an invitation) counts as a password
    login for the confirmation of identity, as allauth's own login does."""
    record_authentication(request, user, method="password")


def record_proof(request, user, authenticator) -> None:
    """Setting up the authenticator took a valid code: that proves it for this session."""
    record_authentication(request, user, method="mfa", type=authenticator.type, id=authenticator.pk)


def forget_proof(request) -> None:
    """The second factor was removed: the session no longer counts as having passed it."""
    records = [r for r in get_authentication_records(request, request.user) if r["method"] != "mfa"]
    if AUTHENTICATION_METHODS_SESSION_KEY in request.session:
        request.session[AUTHENTICATION_METHODS_SESSION_KEY] = records


def missing_confirmation(request) -> str | None:
    """The URL name of the step still needed to confirm it is really this person: the
    password, then the code when a second factor is on, each within the set minutes."""
    since = time.time() - settings.ACCOUNT_REAUTHENTICATION_TIMEOUT
    recent = _methods(request, since)
    if "password" not in recent:
        return "account_reauthenticate"
    if "mfa" not in recent and is_mfa_enabled(request.user, [Authenticator.Type.TOTP]):
        return "mfa_reauthenticate"
    return None


def confirm_identity(view):
    """Before changing the password or the second factor: password (and code) again."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            step = missing_confirmation(request)
            if step:
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{reverse(step)}?{query}")
        return view(request, *args, **kwargs)

    return wrapper
