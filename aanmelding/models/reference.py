"""Reference data: the municipalities and the library organisations with their werkgebied."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gemeente(models.Model):
    """A Dutch municipality; joined on its CBS code, never on its name."""

    cbs_code = models.CharField(_("CBS code"), max_length=6, unique=True)
    naam = models.CharField(_("name"), max_length=100)
    provincie = models.CharField(_("province"), max_length=40, db_index=True)
    inwoners = models.PositiveIntegerField(_("inhabitants"), default=0)

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
