from .agreement import agreement_document, edit_agreement, sign_agreement
from .licences import (
    bibliotheek,
    create,
    detail,
    end,
    export_csv,
    licence_list,
    mine,
    tarieven,
)
from .overview import overview

__all__ = [
    "agreement_document",
    "bibliotheek",
    "create",
    "detail",
    "edit_agreement",
    "end",
    "export_csv",
    "licence_list",
    "mine",
    "overview",
    "sign_agreement",
    "tarieven",
]
