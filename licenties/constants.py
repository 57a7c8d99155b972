"""Choices of the licence app."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_TARIEF = Decimal("6000.00")


class LicentieStatus(models.TextChoices):
    GEPLAND = "gepland", _("Planned")
    ACTIEF = "actief", _("Active")
    VERLOPEN = "verlopen", _("Expired")
    VERLENGD = "verlengd", _("Renewed")
    BEEINDIGD = "beeindigd", _("Ended early")


class OvereenkomstStatus(models.TextChoices):
    CONCEPT = "concept", _("Draft")
    GETEKEND = "getekend", _("Signed")
