"""Every login, failed or not, every lockout, and every change and use of a second factor
goes to the access log."""

from allauth.mfa import signals as mfa_signals
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from .constants import Kind
from .log import record


@receiver(user_logged_in, dispatch_uid="accesslog-login")
def log_login(sender, request, user, **kwargs):
    record(request, Kind.LOGIN, user=user)


@receiver(user_login_failed, dispatch_uid="accesslog-login-failed")
def log_login_failed(sender, credentials, request=None, **kwargs):
    """Only the username that was tried: never the password, not even Django's masked one."""
    if credentials.get("second_factor"):
        return  # a wrong code: log_code_failed records it, with the user
    username = str(credentials.get("username", ""))
    record(request, Kind.LOGIN_FAILED, username=username)


@receiver(user_locked_out, dispatch_uid="accesslog-locked-out")
def log_locked_out(sender, request, username=None, ip_address=None, **kwargs):
    record(request, Kind.LOCKED_OUT, username=str(username or ""))


@receiver(mfa_signals.authenticator_added, dispatch_uid="accesslog-second-factor-added")
def log_second_factor_added(sender, request, user, authenticator, **kwargs):
    record(request, Kind.SECOND_FACTOR_ADDED, authenticator.get_type_display(), user=user)


@receiver(mfa_signals.authenticator_removed, dispatch_uid="accesslog-second-factor-removed")
@receiver(mfa_signals.authenticator_reset, dispatch_uid="accesslog-second-factor-reset")
def log_second_factor_removed(sender, request, user, authenticator, **kwargs):
    record(request, Kind.SECOND_FACTOR_REMOVED, authenticator.get_type_display(), user=user)


@receiver(mfa_signals.authenticator_used, dispatch_uid="accesslog-recovery-code-used")
def log_recovery_code_used(sender, request, user, authenticator, **kwargs):
    if authenticator.type == authenticator.Type.RECOVERY_CODES:
        record(request, Kind.RECOVERY_CODE_USED, user=user)


@receiver(mfa_signals.authentication_failed, dispatch_uid="accesslog-code-failed")
def log_code_failed(sender, request, user, authenticator, **kwargs):
    """A wrong code after the right password: a failed login of a known account."""
    record(request, Kind.LOGIN_FAILED, _("wrong second-factor code"), user=user)
