from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import Kind


class AccessLogEntry(models.Model):
    """One access: written once by ``log.record``, never changed, removed after the retention
    period. The username is kept beside the user: a failed login has no user, and a user
    removed later still shows by name."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("person"),
    )
    username = models.CharField(_("username"), max_length=150, blank=True)
    when = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    what = models.CharField(_("what"), max_length=255, blank=True)
    # A string reference: the shared apps import none of the domain apps.
    library = models.ForeignKey(
        "aanmelding.Bibliotheek",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("library"),
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=255, blank=True)

    class Meta:
        ordering = ["-when", "-pk"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log entries")

    def __str__(self):
        return f"{self.when:%Y-%m-%d %H:%M} {self.username or '–'}: {self.get_kind_display()}"
