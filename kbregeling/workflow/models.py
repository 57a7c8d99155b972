"""The transition log, the one audit trail of state changes, and the fields every advice of
the two-party assessment round has.

Log rows are written by the ``post_transition`` receiver in ``kbregeling.workflow.audit``
inside the same transaction as the change itself, so a change that is rolled back leaves no
row.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kbregeling.accounts.constants import Partij


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


class Advice(models.Model):
    """One party's advice in one round of assessment; plans and reports add what they ask."""

    ronde = models.PositiveSmallIntegerField(_("round"))
    partij = models.CharField(_("party"), max_length=20, choices=Partij.choices)
    motivering = models.TextField(_("motivation"), max_length=5000)
    beoordelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    tijdstip = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["ronde", "tijdstip"]


class AssessedDocument(models.Model):
    """A plan or report the library submits for assessment, round after round. ``versie``
    counts the saves, so two people editing at once never overwrite each other."""

    ronde = models.PositiveSmallIntegerField(_("assessment round"), default=0)
    versie = models.PositiveIntegerField(default=1, editable=False)
    ingediend_op = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        abstract = True

    def start_round(self):
        """Called by the submitting transition: a (re)submission starts the next round."""
        self.ronde += 1
        self.ingediend_op = timezone.now()

    def snapshot_sections(self) -> list[dict]:
        """The content as submitted, display-ready, for the snapshot of the round
        (``Inzending.inhoud``): each model says what its sections are."""
        raise NotImplementedError


def count(verbose_name, maximum, **kwargs):
    """A number the library fills in on a plan or report: empty until it does."""
    return models.PositiveIntegerField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(maximum)],
        **kwargs,
    )


class Inzending(models.Model):
    """What the library submitted in one round of a plan or report, as it was then: the
    content as display-ready sections (``[{"id", "title", "rows": [{"name", "label", "value",
    "text"}]}]``), so a snapshot reads the same later whatever changes in code or data; and
    the library's answer to the question that sent it back. Taken by the submitting
    transition (``kbregeling.workflow.snapshots``), in its transaction."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    ronde = models.PositiveSmallIntegerField(_("round"))
    ingediend_op = models.DateTimeField(_("submitted"), default=timezone.now)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    inhoud = models.JSONField(_("content"), default=list)
    antwoord = models.TextField(_("answer to the question"), blank=True, max_length=5000)

    class Meta:
        ordering = ["ronde"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "ronde"], name="one_submission_per_round"
            )
        ]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self):
        return f"{self.content_type} {self.object_id}, {self.ronde}"
