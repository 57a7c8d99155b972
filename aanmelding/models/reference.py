"""Reference data: the municipalities and the library organisations with their werkgebied."""

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _


def valid_on_q(day) -> models.Q:
    """The condition that a municipality exists on ``day``."""
    return (models.Q(geldig_van__isnull=True) | models.Q(geldig_van__lte=day)) & (
        models.Q(geldig_tot__isnull=True) | models.Q(geldig_tot__gte=day)
    )


class GemeenteQuerySet(models.QuerySet):
    def valid_on(self, day):
        """The municipalities that exist on ``day``."""
        return self.filter(valid_on_q(day))

    def valid_in(self, jaar):
        """The municipalities a year counts: those that exist on its 1 January (a merger
        takes effect on 1 January; one later in the year counts from the next year)."""
        return self.valid_on(date(jaar, 1, 1))


class Gemeente(models.Model):
    """A Dutch municipality; joined on its CBS code, never on its name.

    Municipalities merge, split and get a new code when renamed: a ceased municipality keeps
    its row (past years' licences and figures refer to it) with its last day in
    ``geldig_tot`` and the municipalities that took it over in ``opvolgers``."""

    cbs_code = models.CharField(_("CBS code"), max_length=6, unique=True)
    naam = models.CharField(_("name"), max_length=100)
    provincie = models.CharField(_("province"), max_length=40, db_index=True)
    inwoners = models.PositiveIntegerField(_("inhabitants"), default=0)
    geldig_van = models.DateField(
        _("exists from"), null=True, blank=True, help_text=_("Empty: before 2017.")
    )
    geldig_tot = models.DateField(
        _("exists until"), null=True, blank=True, help_text=_("Its last day; empty: today.")
    )
    opvolgers = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="voorgangers",
        verbose_name=_("successors"),
    )

    objects = GemeenteQuerySet.as_manager()

    class Meta:
        ordering = ["naam"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.naam


class WebsiteField(models.URLField):
    """An address typed without a scheme ("www.bibliotheek.nl") is read as https:// in every
    form, the admin's too (Django 6's default, without its transitional warning)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.URLField", args, kwargs


class Bibliotheek(models.Model):
    """A public library organisation; its werkgebied is the municipalities it serves."""

    naam = models.CharField(_("name"), max_length=200, unique=True)
    adres = models.CharField(_("address"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    plaats = models.CharField(_("town"), max_length=100, blank=True)
    contactpersoon = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    telefoon = models.CharField(_("telephone"), max_length=30, blank=True)
    website = WebsiteField(_("website"), blank=True)
    werkgebied = models.ManyToManyField(
        Gemeente, related_name="bibliotheken", verbose_name=_("service area")
    )
    wsob_erkend = models.BooleanField(
        _("recognised public library under the Wsob"),
        default=False,
        help_text=_("Meets the Wsob and takes part in the national library network."),
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = _("library")
        verbose_name_plural = _("libraries")

    def __str__(self):
        return self.naam
