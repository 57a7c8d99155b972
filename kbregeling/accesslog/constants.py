"""What an access-log entry records: the kinds of access."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    LOGIN = "login", _("Login succeeded")
    LOGIN_FAILED = "login_failed", _("Login failed")
    LOCKED_OUT = "locked_out", _("Locked out")
    SECOND_FACTOR_ADDED = "second_factor_added", _("Second factor set up")
    SECOND_FACTOR_REMOVED = "second_factor_removed", _("Second factor removed or reset")
    RECOVERY_CODE_USED = "recovery_code_used", _("Recovery code used")
    ATTACHMENT = "attachment", _("Plan attachment downloaded")
    AGREEMENT = "agreement", _("Agreement document downloaded")
    MESSAGE_ATTACHMENT = "message_attachment", _("Message attachment downloaded")
    PLAN_PDF = "plan_pdf", _("Plan PDF downloaded")
    REPORT_PDF = "report_pdf", _("Year report PDF downloaded")
    DECISION_LETTER = "decision_letter", _("Decision letter downloaded")
    NATIONAL_PDF = "national_pdf", _("National overview PDF downloaded")
    NATIONAL_CSV = "national_csv", _("National overview CSV downloaded")
    NATIONAL_XLSX = "national_xlsx", _("National overview XLSX downloaded")
    LICENCE_CSV = "licence_csv", _("Licence CSV downloaded")
    PLAN_VIEWED = "plan_viewed", _("Another library's plan viewed")
    REPORT_VIEWED = "report_viewed", _("Another library's year report viewed")
    API = "api", _("API request with a token or login")
