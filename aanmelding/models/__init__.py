from .audit import TransitionLog
from .outbox import OutgoingMail
from .plan import Aanmelding, Beoordeling, GemeenteSamenwerking
from .reference import Bibliotheek, Gebruiker, Gemeente

__all__ = [
    "Aanmelding",
    "Beoordeling",
    "Bibliotheek",
    "Gebruiker",
    "Gemeente",
    "GemeenteSamenwerking",
    "OutgoingMail",
    "TransitionLog",
]
