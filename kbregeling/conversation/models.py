"""Messages on a sign-up or a year report, and what each person has read of them.

The subject is generic (a content type and an id, like the transition log), so this app
knows no domain model: the domain apps pass in the object and the library it belongs to.
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import MAX_LENGTH, WITHDRAW_WITHIN, Kant


def bijlage_path(instance, filename):
    """Store under a random name: the original name is kept in ``bijlage_naam``."""
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"berichten/{uuid.uuid4().hex}{suffix}"


class BerichtQuerySet(models.QuerySet):
    def about(self, subject):
        return self.filter(
            content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
        )


class Bericht(models.Model):
    """One message, or (``intern``) a reviewers' internal note the library never sees. Never
    edited; withdrawn by its author within ``WITHDRAW_WITHIN``, which erases text and file."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    # A string reference: the shared apps import none of the domain apps.
    bibliotheek = models.ForeignKey(
        "aanmelding.Bibliotheek",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("library"),
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="berichten",
        verbose_name=_("author"),
    )
    kant = models.CharField(_("side"), max_length=20, choices=Kant.choices)
    tekst = models.TextField(_("message"), max_length=MAX_LENGTH, blank=True)
    bijlage = models.FileField(_("attachment"), upload_to=bijlage_path, blank=True)
    bijlage_naam = models.CharField(max_length=255, blank=True, editable=False)
    intern = models.BooleanField(_("internal note"), default=False)
    geplaatst_op = models.DateTimeField(_("posted at"), default=timezone.now, db_index=True)
    ingetrokken_op = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    # The path of the subject's page, for the links in mails (this app knows no URL names).
    pagina = models.CharField(max_length=200, editable=False)

    objects = BerichtQuerySet.as_manager()

    class Meta:
        ordering = ["geplaatst_op", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return f"{self.get_kant_display()}, {self.geplaatst_op:%Y-%m-%d %H:%M}"

    @property
    def withdrawable_until(self):
        return self.geplaatst_op + WITHDRAW_WITHIN


class Gelezen(models.Model):
    """Up to when a person has read the conversation on one subject."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    tot = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "content_type", "object_id"], name="gelezen_once_per_subject"
            )
        ]

    def __str__(self):
        return f"{self.gebruiker_id}: {self.tot:%Y-%m-%d %H:%M}"


class Samenvatting(models.Model):
    """The daily digest of one person on one day: sent at most once, however often the task
    runs."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    dag = models.DateField()
    verstuurd_op = models.DateTimeField(default=timezone.now)
    berichten = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "dag"], name="samenvatting_once_a_day")
        ]

    def __str__(self):
        return f"{self.gebruiker_id}: {self.dag}"
