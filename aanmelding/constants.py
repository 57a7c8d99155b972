"""Choices of the sign-up app: its states and the lists of the Plan van Aanpak."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kbregeling.workflow.assessment import IN_ROUND, RoundState, as_choice


class Status(models.TextChoices):
    """The sign-up's own start and end states around the two-party assessment round."""

    CONCEPT = "concept", _("Draft")
    INGEDIEND = as_choice(RoundState.INGEDIEND)
    WACHT_OP_KB = as_choice(RoundState.WACHT_OP_KB)
    WACHT_OP_DIGISTERKER = as_choice(RoundState.WACHT_OP_DIGISTERKER)
    AANVULLING_GEVRAAGD = as_choice(RoundState.AANVULLING_GEVRAAGD)
    GOEDGEKEURD = "goedgekeurd", _("Approved")
    AFGEWEZEN = "afgewezen", _("Rejected")
    INGETROKKEN = "ingetrokken", _("Withdrawn")


INTREKBAAR = [Status.CONCEPT, *IN_ROUND, Status.AANVULLING_GEVRAAGD]
BEWERKBAAR = [Status.CONCEPT, Status.AANVULLING_GEVRAAGD]


class Advies(models.TextChoices):
    POSITIEF = "positief", _("Positive")
    NEGATIEF = "negatief", _("Negative")
    AANVULLING_NODIG = "aanvulling_nodig", _("More information needed")


class Doelgroep(models.TextChoices):
    SENIOREN = "senioren", _("Seniors")
    LAAGGELETTERDEN = "laaggeletterden", _("People with low literacy")
    STATUSHOUDERS = "statushouders", _("Refugees with a residence permit")
    ARMOEDE = "armoede", _("People in poverty")
    JONGEREN = "jongeren", _("Young people")
    ANDERS = "anders", _("Other")


class DocentType(models.TextChoices):
    PROFESSIONALS = "professionals", _("Professionals")
    VRIJWILLIGERS = "vrijwilligers", _("Volunteers")
    BEIDE = "beide", _("Professionals and volunteers")


class FinancieringStatus(models.TextChoices):
    GEEN = "geen", _("No co-funding")
    IN_GESPREK = "in_gesprek", _("In discussion")
    TOEGEZEGD = "toegezegd", _("Promised")
    ONTVANGEN = "ontvangen", _("Received")
