"""Every login, failed or not, and every lockout goes to the access log (the admin's login
too)."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from .constants import Kind
from .log import record


@receiver(user_logged_in, dispatch_uid="accesslog-login")
def log_login(sender, request, user, **kwargs):
    record(request, Kind.LOGIN, user=user)


@receiver(user_login_failed, dispatch_uid="accesslog-login-failed")
def log_login_failed(sender, credentials, request=None, **kwargs):
    """Only the username that was tried: never the password, not even Django's masked one."""
    username = str(credentials.get("username", ""))
    record(request, Kind.LOGIN_FAILED, username=username)


@receiver(user_locked_out, dispatch_uid="accesslog-locked-out")
def log_locked_out(sender, request, username=None, ip_address=None, **kwargs):
    record(request, Kind.LOCKED_OUT, username=str(username or ""))
