"""Interest from a library not yet taking part: a request from the public page that KB turns
into an onboarding or declines. No account exists until KB acts."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .reference import Bibliotheek, Gemeente


class Belangstelling(models.Model):
    class Status(models.TextChoices):
        NIEUW = "nieuw", _("new")
        AANGEMELD = "aangemeld", _("library onboarded")
        AFGEWEZEN = "afgewezen", _("declined")

    naam = models.CharField(_("name"), max_length=200)
    organisatie = models.CharField(_("organisation"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    telefoon = models.CharField(_("telephone"), max_length=30, blank=True)
    gemeenten = models.ManyToManyField(
        Gemeente, related_name="+", verbose_name=_("municipalities served")
    )
    bericht = models.TextField(_("message"), max_length=2000, blank=True)
    ontvangen_op = models.DateTimeField(_("received at"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NIEUW
    )
    reden = models.TextField(_("reason"), max_length=2000, blank=True)
    behandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    behandeld_op = models.DateTimeField(_("handled at"), null=True, blank=True)
    bibliotheek = models.ForeignKey(
        Bibliotheek,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("library"),
    )

    class Meta:
        ordering = ["-ontvangen_op"]
        verbose_name = _("interest request")
        verbose_name_plural = _("interest requests")

    def __str__(self):
        return f"{self.organisatie} ({self.naam})"
