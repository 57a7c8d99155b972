"""A municipal change that reaches a library's werkgebied: it waits for the library.

When a municipality of a werkgebied ceases (a merger, a split, a new CBS code), loading the
change (``reference_data.load_gemeenten``) records one ``WerkgebiedWijziging`` per library
that serves it, with the successors it proposes. The werkgebied itself stays as it is until
the library's staff confirm which successors take the ceased municipality's place
(``werkgebied_changes.confirm``): a library may serve only part of a split municipality.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .reference import Bibliotheek, Gemeente


class WerkgebiedWijzigingQuerySet(models.QuerySet):
    def pending(self):
        """Not confirmed yet."""
        return self.filter(bevestigd_op__isnull=True)


class WerkgebiedWijziging(models.Model):
    bibliotheek = models.ForeignKey(
        Bibliotheek,
        on_delete=models.CASCADE,
        related_name="werkgebied_wijzigingen",
        verbose_name=_("library"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ceased municipality"),
    )
    voorgestelde_opvolgers = models.ManyToManyField(
        Gemeente, related_name="+", verbose_name=_("proposed successors")
    )
    gekozen_opvolgers = models.ManyToManyField(
        Gemeente, related_name="+", blank=True, verbose_name=_("chosen successors")
    )
    aangemaakt_op = models.DateTimeField(_("recorded at"), auto_now_add=True)
    bevestigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    bevestigd_op = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    afgehandeld_door_beheer = models.BooleanField(
        _("settled by KB's administrator"),
        default=False,
        help_text=_(
            "Not confirmed by the library: KB's administrator edited the werkgebied by hand."
        ),
    )

    objects = WerkgebiedWijzigingQuerySet.as_manager()

    class Meta:
        ordering = ["aangemaakt_op", "pk"]
        verbose_name = _("werkgebied change")
        verbose_name_plural = _("werkgebied changes")
        constraints = [
            models.UniqueConstraint(
                fields=["bibliotheek", "gemeente"], name="one_change_per_library_and_municipality"
            )
        ]
        indexes = [models.Index(fields=["bevestigd_op"], name="werkgebied_change_pending")]

    def __str__(self):
        return f"{self.bibliotheek}: {self.gemeente}"

    @property
    def is_bevestigd(self) -> bool:
        return self.bevestigd_op is not None

    @property
    def ingangsdatum(self):
        """The day the change takes effect: the day after the ceased municipality's last."""
        last_day = self.gemeente.geldig_tot
        return last_day + timedelta(days=1) if last_day else None
