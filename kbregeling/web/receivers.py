from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import idle


@receiver(user_logged_in)
def start_idle_clock(sender, request, user, **kwargs):
    """Logging in is activity: the idle limit starts counting from here, and the user's
    limit is worked out now, not on every request."""
    if request is not None and hasattr(request, "session"):
        idle.record_activity(request.session, force=True)
        request.session[idle.LIMIT] = idle.idle_limit_seconds(user)
