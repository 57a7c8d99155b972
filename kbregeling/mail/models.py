"""Every e-mail the product sends, kept until it is sent."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """Recorded in the transaction of the action that causes it and sent after commit. A mail
    the broker or the mail server could not take stays unsent and is retried every hour, so
    a broken mail server or broker never loses it."""

    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    to = models.TextField(_("recipients"), help_text=_("One address a line."))
    cc = models.TextField(_("cc"), blank=True, help_text=_("One address a line."))
    created = models.DateTimeField(_("recorded"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    class Meta:
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["sent_at", "created"])]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mail")

    def __str__(self):
        return self.subject
