"""The one audit trail of the project: every state change of every object.

Rows are written by the ``post_transition`` receiver in ``aanmelding.audit`` inside the same
transaction as the change itself, so a change that is rolled back leaves no row.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TransitionLog(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    transition = models.CharField(_("transition"), max_length=60)
    source = models.CharField(_("from"), max_length=40)
    target = models.CharField(_("to"), max_length=40)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    remark = models.TextField(_("remark"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("transition")
        verbose_name_plural = _("transition log")

    def __str__(self):
        return f"{self.source} → {self.target}"
