from .agreement import agreement_document, edit_agreement, sign_agreement
from .decision_letter import decision_letter
from .licences import create, detail, end, export_csv, library, licence_list, mine, tariffs
from .overview import overview

__all__ = [
    "agreement_document",
    "create",
    "decision_letter",
    "detail",
    "edit_agreement",
    "end",
    "export_csv",
    "library",
    "licence_list",
    "mine",
    "overview",
    "sign_agreement",
    "tariffs",
]
