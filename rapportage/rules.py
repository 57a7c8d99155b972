"""What a year report must hold: cross-field checks (always) and completeness (to submit)."""

from django.utils.translation import gettext as _

REQUIRED = [
    "cursussen_gestart",
    "bijeenkomsten",
    "deelnemers_aangemeld",
    "deelnemers_gestart",
    "deelnemers_afgerond",
    "tevredenheid",
    "percentage_zelfredzamer",
    "wat_ging_goed",
    "wat_was_lastig",
    "samenwerking_gemeenten",
    "good_practices",
    "plannen",
    "wil_verlengen",
    "bop_ingevoerd",
]


def consistency_errors(report) -> dict[str, str]:
    """Completed ≤ started ≤ registered; checked on every save, drafts included. With
    "started" still empty, completed is held against registered directly."""
    errors = {}
    registered = report.deelnemers_aangemeld
    started = report.deelnemers_gestart
    completed = report.deelnemers_afgerond
    if started is not None and registered is not None and started > registered:
        errors["deelnemers_gestart"] = _(
            "More participants started (%(started)s) than registered (%(registered)s)."
        ) % {"started": started, "registered": registered}
    if completed is not None and started is not None and completed > started:
        errors["deelnemers_afgerond"] = _(
            "More participants completed (%(completed)s) than started (%(started)s)."
        ) % {"completed": completed, "started": started}
    elif started is None and None not in (completed, registered) and completed > registered:
        errors["deelnemers_afgerond"] = _(
            "More participants completed (%(completed)s) than registered (%(registered)s)."
        ) % {"completed": completed, "registered": registered}
    return errors


def submission_errors(report, renewal_municipalities=None) -> dict[str, str]:
    """Everything that stops this report being submitted, by field."""
    errors = {}
    for name in REQUIRED:
        if getattr(report, name) in (None, ""):
            errors[name] = _("This field is required to submit the report.")
    if report.wil_verlengen:
        chosen = (
            renewal_municipalities
            if renewal_municipalities is not None
            else (report.verlengen_gemeenten.all() if report.pk else [])
        )
        if not chosen:
            errors["verlengen_gemeenten"] = _(
                "Choose the municipalities for which you want the licence renewed."
            )
    return errors | consistency_errors(report)
