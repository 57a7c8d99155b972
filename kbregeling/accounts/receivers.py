"""Keep this session's proof of the second factor in step with the authenticators, and invite
library staff to turn one on."""

from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.utils.translation import gettext as _

from . import second_factor


@receiver(mfa_signals.authenticator_added, dispatch_uid="accounts-second-factor-added")
def prove_on_set_up(sender, request, user, authenticator, **kwargs):
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        second_factor.record_proof(request, user, authenticator)


@receiver(mfa_signals.authenticator_removed, dispatch_uid="accounts-second-factor-removed")
def forget_on_removal(sender, request, user, authenticator, **kwargs):
    """A reviewer who turns the app off (a new phone) sets up a new one before going on."""
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        second_factor.forget_proof(request)


@receiver(user_logged_in, dispatch_uid="accounts-invite-second-factor")
def invite_second_factor(sender, request, user, **kwargs):
    """Library staff may turn it on: each login without it says so, once, with the link."""
    if request is None or second_factor.is_required(user) or is_mfa_enabled(user):
        return
    messages.info(
        request,
        _(
            "Protect your account with two-step verification: a code from your phone besides "
            "your password."
        ),
        extra_tags="second-factor-invite",
        fail_silently=True,  # a login without the messages middleware (force_login)
    )


@receiver(mfa_signals.authentication_failed, dispatch_uid="accounts-wrong-code-counts")
def count_wrong_code(sender, request, user, authenticator, **kwargs):
    """A wrong code is a failed login of that account: django-axes counts it towards the
    lockout like a wrong password (the access log records it once, with the user)."""
    user_login_failed.send(
        sender=__name__,
        credentials={"username": user.get_username(), "second_factor": True},
        request=request,
    )
