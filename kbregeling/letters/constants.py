"""Choices of the decision letters."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    """The decision a letter states."""

    PLAN_GOEDGEKEURD = "plan_goedgekeurd", _("Plan approved")
    PLAN_AFGEWEZEN = "plan_afgewezen", _("Plan rejected")
    VERLENGD = "verlengd", _("Licence renewed")
    NIET_VERLENGD = "niet_verlengd", _("Licence not renewed")
    BEEINDIGD = "beeindigd", _("Licence ended early")
