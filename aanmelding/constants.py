"""Choices of the sign-up app: states, roles, parties and the lists of the Plan van Aanpak."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    """The four roles of DOMAIN.md; each is a Django group of the same name."""

    BIBLIOTHEEKMEDEWERKER = "bibliotheekmedewerker", _("Library staff")
    KB_BEOORDELAAR = "kb_beoordelaar", _("KB reviewer")
    DIGISTERKER_BEOORDELAAR = "digisterker_beoordelaar", _("Digisterker reviewer")
    COORDINATOR = "coordinator", _("Coordinator")


class Partij(models.TextChoices):
    KB = "kb", _("KB")
    DIGISTERKER = "digisterker", _("Digisterker")


PARTIJ_VAN_ROL = {Rol.KB_BEOORDELAAR: Partij.KB, Rol.DIGISTERKER_BEOORDELAAR: Partij.DIGISTERKER}


class Status(models.TextChoices):
    CONCEPT = "concept", _("Draft")
    INGEDIEND = "ingediend", _("Submitted")
    WACHT_OP_KB = "wacht_op_kb", _("Awaiting KB")
    WACHT_OP_DIGISTERKER = "wacht_op_digisterker", _("Awaiting Digisterker")
    AANVULLING_GEVRAAGD = "aanvulling_gevraagd", _("More information requested")
    GOEDGEKEURD = "goedgekeurd", _("Approved")
    AFGEWEZEN = "afgewezen", _("Rejected")
    INGETROKKEN = "ingetrokken", _("Withdrawn")


IN_BEOORDELING = [Status.INGEDIEND, Status.WACHT_OP_KB, Status.WACHT_OP_DIGISTERKER]
INTREKBAAR = [Status.CONCEPT, *IN_BEOORDELING, Status.AANVULLING_GEVRAAGD]
BEWERKBAAR = [Status.CONCEPT, Status.AANVULLING_GEVRAAGD]
# Whose advice is still outstanding in each state under assessment.
OPENSTAANDE_PARTIJEN = {
    Status.INGEDIEND: {Partij.KB, Partij.DIGISTERKER},
    Status.WACHT_OP_KB: {Partij.KB},
    Status.WACHT_OP_DIGISTERKER: {Partij.DIGISTERKER},
}


def awaiting(partij) -> list[str]:
    """The states in which this party's advice is outstanding."""
    return [status for status, parties in OPENSTAANDE_PARTIJEN.items() if partij in parties]


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
