from .library import create, edit, mijn_aanmeldingen, submit, withdraw
from .plan import attachment, detail, pdf
from .review import advise, dashboard, overview

__all__ = [
    "advise",
    "attachment",
    "create",
    "dashboard",
    "detail",
    "edit",
    "mijn_aanmeldingen",
    "overview",
    "pdf",
    "submit",
    "withdraw",
]
