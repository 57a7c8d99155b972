"""Licence years, the agreement with Stichting Digisterker, and KB's yearly tariff.

A library never has two licence years that overlap: checked in the form for a clear message
and enforced in the database (an exclusion constraint on PostgreSQL, triggers on SQLite; see
the first migration).
"""

import uuid
from datetime import date, timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from . import permissions as perm
from .constants import DEFAULT_TARIEF, LicentieStatus, OvereenkomstStatus


def next_year_start(start: date) -> date:
    """The same day a year later; a licence year from 29 February runs to 28 February."""
    try:
        return start.replace(year=start.year + 1)
    except ValueError:
        return date(start.year + 1, 3, 1)


def default_end(start: date) -> date:
    return next_year_start(start) - timedelta(days=1)


class Dienst(models.Model):
    """A Digisterker service a library can take (the editable list of the agreement)."""

    naam = models.CharField(_("name"), max_length=120, unique=True)
    volgorde = models.PositiveSmallIntegerField(_("order"), default=0)
    actief = models.BooleanField(_("offered"), default=True)

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = _("Digisterker service")
        verbose_name_plural = _("Digisterker services")

    def __str__(self):
        return self.naam


def document_path(instance, filename):
    return f"overeenkomsten/{uuid.uuid4().hex}.pdf"


class Overeenkomst(ConcurrentTransitionMixin, models.Model):
    """The agreement between one library and Stichting Digisterker (condition 3)."""

    bibliotheek = models.OneToOneField(
        "aanmelding.Bibliotheek", on_delete=models.PROTECT, related_name="overeenkomst"
    )
    status = FSMField(
        _("status"),
        default=OvereenkomstStatus.CONCEPT,
        choices=OvereenkomstStatus.choices,
        protected=True,
    )
    diensten = models.ManyToManyField(Dienst, blank=True, verbose_name=_("services taken"))
    gemeenten = models.ManyToManyField(
        "aanmelding.Gemeente",
        blank=True,
        related_name="+",
        verbose_name=_("municipalities with course material"),
    )
    getekend_op = models.DateField(_("signed on"), null=True, blank=True)
    document = models.FileField(_("signed document"), upload_to=document_path, blank=True)
    document_naam = models.CharField(max_length=255, blank=True, editable=False)
    opmerkingen = models.TextField(_("remarks"), blank=True, max_length=5000)
    versie = models.PositiveIntegerField(default=1, editable=False)
    gewijzigd_op = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self):
        return _("Agreement with %(library)s") % {"library": self.bibliotheek}

    @property
    def is_getekend(self) -> bool:
        return self.status == OvereenkomstStatus.GETEKEND

    def kan_ondertekenen(self) -> bool:
        return bool(self.getekend_op and self.document)

    @transition(
        field=status,
        source=OvereenkomstStatus.CONCEPT,
        target=OvereenkomstStatus.GETEKEND,
        conditions=[kan_ondertekenen],
        permission=perm.can_sign_agreement,
    )
    def ondertekenen(self, *, by, remark=""):
        pass


class Tarief(models.Model):
    """What KB pays Stichting Digisterker for one licence year starting in ``jaar``."""

    jaar = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    bedrag = models.DecimalField(
        _("amount (€)"),
        max_digits=10,
        decimal_places=2,
        default=DEFAULT_TARIEF,
        validators=[MinValueValidator(0), MaxValueValidator(1_000_000)],
    )

    class Meta:
        ordering = ["-jaar"]
        constraints = [
            models.CheckConstraint(condition=models.Q(bedrag__gte=0), name="tarief_not_negative")
        ]
        verbose_name = _("tariff")
        verbose_name_plural = _("tariffs")

    def __str__(self):
        return f"{self.jaar}: € {self.bedrag}"

    @classmethod
    def voor_jaar(cls, jaar: int):
        tarief = cls.objects.filter(jaar=jaar).values_list("bedrag", flat=True).first()
        return DEFAULT_TARIEF if tarief is None else tarief


# Renewal creates the next year and ending needs a reason: only their services take them.
SERVICE_ONLY = {"admin": False}


class Licentie(ConcurrentTransitionMixin, models.Model):
    """One licence year of one library."""

    bibliotheek = models.ForeignKey(
        "aanmelding.Bibliotheek", on_delete=models.PROTECT, related_name="licenties"
    )
    begindatum = models.DateField(_("start date"))
    einddatum = models.DateField(_("end date"))
    gemeenten = models.ManyToManyField(
        "aanmelding.Gemeente", related_name="licenties", verbose_name=_("municipalities covered")
    )
    waarde = models.DecimalField(
        _("value (€)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    aanmelding = models.ForeignKey(
        "aanmelding.Aanmelding",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sign-up"),
    )
    vorige = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="volgende",
        verbose_name=_("renews"),
    )
    status = FSMField(
        _("status"), default=LicentieStatus.GEPLAND, choices=LicentieStatus.choices, protected=True
    )
    reden_beeindiging = models.TextField(_("reason for ending"), blank=True, max_length=2000)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-begindatum", "bibliotheek__naam"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einddatum__gt=models.F("begindatum")),
                name="licentie_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(waarde__gte=0), name="licentie_value_positive"
            ),
            models.UniqueConstraint(
                fields=["aanmelding"],
                condition=models.Q(vorige__isnull=True, aanmelding__isnull=False),
                name="one_first_licence_per_signup",
            ),
        ]
        verbose_name = _("licence")
        verbose_name_plural = _("licences")

    def __str__(self):
        return _("Licence %(library)s %(start)s – %(end)s") % {
            "library": self.bibliotheek,
            "start": self.begindatum.strftime("%d-%m-%Y"),
            "end": self.einddatum.strftime("%d-%m-%Y"),
        }

    @property
    def jaar(self) -> int:
        return self.begindatum.year

    def overeenkomst_getekend(self) -> bool:
        overeenkomst = getattr(self.bibliotheek, "overeenkomst", None)
        return bool(overeenkomst and overeenkomst.is_getekend)

    def begonnen(self) -> bool:
        return self.begindatum <= timezone.localdate()

    def afgelopen(self) -> bool:
        return self.einddatum < timezone.localdate()

    def niet_verlengd(self) -> bool:
        return not Licentie.objects.filter(vorige=self).exists()

    # The workflow ------------------------------------------------------------------------

    @transition(
        field=status,
        source=LicentieStatus.GEPLAND,
        target=LicentieStatus.ACTIEF,
        conditions=[begonnen, overeenkomst_getekend],
        permission=perm.system_only,
    )
    def activeren(self, *, by=None, remark=""):
        pass

    @transition(
        field=status,
        source=LicentieStatus.ACTIEF,
        target=LicentieStatus.VERLOPEN,
        conditions=[afgelopen, niet_verlengd],
        permission=perm.system_only,
    )
    def laten_verlopen(self, *, by=None, remark=""):
        pass

    @transition(
        field=status,
        source=[LicentieStatus.ACTIEF, LicentieStatus.VERLOPEN],
        target=LicentieStatus.VERLENGD,
        permission=perm.can_renew,
        custom=SERVICE_ONLY,
    )
    def verlengen(self, *, by=None, remark=""):
        pass

    @transition(
        field=status,
        source=[LicentieStatus.GEPLAND, LicentieStatus.ACTIEF],
        target=LicentieStatus.BEEINDIGD,
        permission=perm.can_end,
        custom=SERVICE_ONLY,
    )
    def beeindigen(self, *, by, remark=""):
        self.reden_beeindiging = remark
