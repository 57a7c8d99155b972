from .changes import changes
from .decision_letter import decision_letter
from .library import create, edit, mine, submit, withdraw
from .plan import attachment, detail, pdf
from .review import advise, dashboard, overview

__all__ = [
    "advise",
    "attachment",
    "changes",
    "create",
    "decision_letter",
    "dashboard",
    "detail",
    "edit",
    "mine",
    "overview",
    "pdf",
    "submit",
    "withdraw",
]
