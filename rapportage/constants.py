"""Choices of the year-report app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kbregeling.accounts.constants import Partij
from kbregeling.workflow.assessment import RoundState, as_choice, awaiting


class RapportageStatus(models.TextChoices):
    """The report's own start and end states around the two-party assessment round."""

    OPEN = "open", _("Open")
    CONCEPT = "concept", _("Draft")
    INGEDIEND = as_choice(RoundState.INGEDIEND)
    WACHT_OP_KB = as_choice(RoundState.WACHT_OP_KB)
    WACHT_OP_DIGISTERKER = as_choice(RoundState.WACHT_OP_DIGISTERKER)
    AANVULLING_GEVRAAGD = as_choice(RoundState.AANVULLING_GEVRAAGD)
    BEOORDEELD = "beoordeeld", _("Assessed")
    VERLENGD = "verlengd", _("Renewed")
    NIET_VERLENGD = "niet_verlengd", _("Not renewed")


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
