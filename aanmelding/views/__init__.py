from .library import create, edit, mine, submit, withdraw
from .plan import attachment, detail, pdf
from .review import advise, dashboard, overview

__all__ = [
    "advise",
    "attachment",
    "create",
    "dashboard",
    "detail",
    "edit",
    "mine",
    "overview",
    "pdf",
    "submit",
    "withdraw",
]
