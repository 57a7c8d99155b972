"""The decision letter: one per decision, its text frozen when the decision is taken."""

import uuid

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import Soort


def pdf_path(instance, filename):
    """Stored under a random name: the download names the file after its reference."""
    return f"besluitbrieven/{uuid.uuid4().hex}.pdf"


class Besluitbrief(models.Model):
    """KB's letter on one decision about a plan, a year report or a licence (the subject).

    Each subject is decided once (its decided states are final), so one letter per subject
    and kind is one letter per decision: a repeated or concurrent decision finds the letter
    there. ``html`` is the letter as it was made; the PDF is rendered from it once and kept,
    so every download and every mail carries the same file."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    # The library addressed, as a plain id: the shared apps know no domain model.
    bibliotheek_id = models.PositiveBigIntegerField(_("library"), db_index=True)
    soort = models.CharField(_("decision"), max_length=30, choices=Soort.choices)
    jaar = models.PositiveSmallIntegerField(editable=False)
    volgnummer = models.PositiveIntegerField(editable=False)
    kenmerk = models.CharField(_("reference"), max_length=30, unique=True)
    datum = models.DateField(_("date of the decision"))
    bezwaarclausule = models.BooleanField(_("objection clause"), default=True)
    html = models.TextField(editable=False)
    pdf = models.FileField(upload_to=pdf_path, blank=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)
    gemaakt_op = models.DateTimeField(_("made"), auto_now_add=True)

    class Meta:
        ordering = ["datum", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "soort"], name="one_letter_per_decision"
            ),
            models.UniqueConstraint(fields=["jaar", "volgnummer"], name="one_number_per_year"),
        ]
        verbose_name = _("decision letter")
        verbose_name_plural = _("decision letters")

    def __str__(self):
        return f"{self.kenmerk} {self.get_soort_display()}"

    @property
    def filename(self) -> str:
        return f"besluitbrief-{self.kenmerk.replace('/', '-')}.pdf"
