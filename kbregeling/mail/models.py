"""Every e-mail the product sends, kept until it is sent, given up, or no longer needed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMailQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True, cancelled_at__isnull=True)

    def waiting(self):
        """Still to be sent: the outbox keeps trying these."""
        return self.unsent().filter(attempts__lt=settings.MAIL_MAX_ATTEMPTS)

    def failed(self):
        """Given up after ``MAIL_MAX_ATTEMPTS``: listed as "niet verzonden" until resent."""
        return self.unsent().filter(attempts__gte=settings.MAIL_MAX_ATTEMPTS)


class OutgoingMail(models.Model):
    """Recorded in the transaction of the action that causes it and sent after commit. A mail
    the broker or the mail server could not take stays unsent and the outbox tries again, so
    a broken mail server or broker never loses it."""

    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    to = models.TextField(_("recipients"), help_text=_("One address a line."))
    cc = models.TextField(_("cc"), blank=True, help_text=_("One address a line."))
    created = models.DateTimeField(_("recorded"), auto_now_add=True)
    queued_at = models.DateTimeField(_("queued"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_error = models.CharField(_("reason"), max_length=500, blank=True)
    cancelled_at = models.DateTimeField(_("lapsed"), null=True, blank=True)
    cancel_reason = models.CharField(_("why it lapsed"), max_length=255, blank=True)
    failure_reported_at = models.DateTimeField(null=True, blank=True, editable=False)
    private = models.BooleanField(
        default=False, editable=False, help_text=_("The text is erased once it is sent.")
    )
    attachments = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text=_("Files attached when the mail is sent: [provider, key] pairs."),
    )

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["sent_at", "created"])]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mail")

    def __str__(self):
        return self.subject

    @property
    def state(self) -> str:
        if self.sent_at:
            return _("sent")
        if self.cancelled_at:
            return _("lapsed")
        if self.attempts >= settings.MAIL_MAX_ATTEMPTS:
            return _("not sent")
        return _("waiting")
