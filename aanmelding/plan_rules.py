"""What a Plan van Aanpak needs before it can be submitted.

A draft may be saved incomplete; these rules apply when the library submits. Each rule names
the field it belongs to, so the form can show the message beside that field.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import Doelgroep, FinancieringStatus

REQUIRED = [
    "eerste_licentiejaar",
    "ambitie",
    "cursussen_jaar1",
    "deelnemers_jaar1",
    "cursussen_jaar2",
    "deelnemers_jaar2",
    "locaties",
    "docenten_nu",
    "docenten_gepland",
    "docenten_type",
    "partners",
    "werving",
    "eigen_budget",
    "borging",
]
DECLARATIONS = ["verklaring_wsob", "verklaring_rapportage", "verklaring_good_practices"]
FUNDED = {FinancieringStatus.TOEGEZEGD, FinancieringStatus.ONTVANGEN}
COOPERATION_REQUIRED = ["inhoud", "werving", "financiering_status"]
#: The fields the form marks as needed to submit (others are needed only in some cases).
REQUIRED_TO_SUBMIT = [*REQUIRED, "doelgroepen", *DECLARATIONS]


def submission_errors(aanmelding) -> dict[str, str]:
    """Field name → message for everything that stops this plan being submitted."""
    errors = {}
    for name in REQUIRED:
        if getattr(aanmelding, name) in (None, ""):
            errors[name] = _("This field is required to submit the plan.")
    if not aanmelding.doelgroepen:
        errors["doelgroepen"] = _("Choose at least one target group.")
    elif Doelgroep.ANDERS in aanmelding.doelgroepen and not aanmelding.doelgroepen_anders:
        errors["doelgroepen_anders"] = _("Describe the other target group.")
    if (
        aanmelding.eerste_licentiejaar
        and aanmelding.eerste_licentiejaar < timezone.localdate().year
    ):
        errors["eerste_licentiejaar"] = _("The first licence year cannot lie in the past.")
    for year in (1, 2, 3):
        courses = getattr(aanmelding, f"cursussen_jaar{year}") or 0
        participants = getattr(aanmelding, f"deelnemers_jaar{year}")
        if courses and participants is not None and participants < courses:
            errors[f"deelnemers_jaar{year}"] = _("Plan at least one participant for each course.")
    for name in DECLARATIONS:
        if not getattr(aanmelding, name):
            errors[name] = _("Confirm this declaration to submit the plan.")
    return errors


def cooperation_errors(samenwerking) -> dict[str, str]:
    """Section 5, for one municipality of the werkgebied."""
    errors = {}
    for name in COOPERATION_REQUIRED:
        if not getattr(samenwerking, name):
            errors[name] = _("This field is required to submit the plan.")
    if samenwerking.financiering_status in FUNDED and samenwerking.financiering_bedrag is None:
        errors["financiering_bedrag"] = _("Give the amount of the co-funding.")
    return errors


def missing_parts(aanmelding) -> list[str]:
    errors = list(submission_errors(aanmelding).values())
    for samenwerking in aanmelding.samenwerkingen.all():
        if cooperation_errors(samenwerking):
            errors.append(
                _("Section 5 is incomplete for %(municipality)s.")
                % {"municipality": samenwerking.gemeente}
            )
    return errors


def short_reason(obj, name, message) -> str:
    """What is wrong with field ``name`` of ``obj`` (a plan or one municipality of section 5)
    in a list that names the field already: "not filled in", "not confirmed", or the rule's
    own ``message``."""
    if name in DECLARATIONS:
        return _("not confirmed yet")
    if getattr(obj, name) in (None, "", []):
        return _("not filled in yet")
    return message
