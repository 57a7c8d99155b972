"""Choices of the year-report app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RapportageStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CONCEPT = "concept", _("Draft")
    INGEDIEND = "ingediend", _("Submitted")
    WACHT_OP_KB = "wacht_op_kb", _("Awaiting KB")
    WACHT_OP_DIGISTERKER = "wacht_op_digisterker", _("Awaiting Digisterker")
    AANVULLING_GEVRAAGD = "aanvulling_gevraagd", _("More information requested")
    BEOORDEELD = "beoordeeld", _("Assessed")
    VERLENGD = "verlengd", _("Renewed")
    NIET_VERLENGD = "niet_verlengd", _("Not renewed")


IN_BEOORDELING = [
    RapportageStatus.INGEDIEND,
    RapportageStatus.WACHT_OP_KB,
    RapportageStatus.WACHT_OP_DIGISTERKER,
]
NOG_IN_TE_DIENEN = [RapportageStatus.OPEN, RapportageStatus.CONCEPT]
BEWERKBAAR = [
    RapportageStatus.OPEN,
    RapportageStatus.CONCEPT,
    RapportageStatus.AANVULLING_GEVRAAGD,
]
AFGEROND = [
    RapportageStatus.BEOORDEELD,
    RapportageStatus.VERLENGD,
    RapportageStatus.NIET_VERLENGD,
]


def awaiting_reports(partij) -> list[str]:
    """Report states in which this party has something to do: its advice is outstanding, or
    — for KB — the renewal decision once both have advised."""
    from aanmelding.constants import Partij, awaiting

    return awaiting(partij) + ([RapportageStatus.BEOORDEELD] if partij == Partij.KB else [])


class Soort(models.TextChoices):
    """Kinds of reminder."""

    AANKONDIGING = "aankondiging", _("Announcement: the report is open")
    HERINNERING = "herinnering", _("Reminder before the deadline")
    TE_LAAT = "te_laat", _("Overdue reminder")
    OVERZICHT = "overzicht", _("Weekly digest for reviewers")


# Age bands, target groups and referral routes of the participants (aggregate numbers only).
LEEFTIJDEN = [
    ("leeftijd_tot_30", _("under 30")),
    ("leeftijd_30_49", _("30 to 49")),
    ("leeftijd_50_64", _("50 to 64")),
    ("leeftijd_65_74", _("65 to 74")),
    ("leeftijd_75_plus", _("75 and over")),
]
DOELGROEPEN = [
    ("dg_senioren", _("Seniors")),
    ("dg_laaggeletterden", _("People with low literacy")),
    ("dg_statushouders", _("Refugees with a residence permit")),
    ("dg_armoede", _("People in poverty")),
    ("dg_jongeren", _("Young people")),
    ("dg_anders", _("Other")),
]
VERWIJZINGEN = [
    ("via_gemeente", _("municipality")),
    ("via_manifestgroep", _("Manifestgroep service")),
    ("via_bibliotheek", _("library")),
    ("via_sociaal_partner", _("social partner")),
    ("via_anders", _("other")),
]
