from .interest import Belangstelling
from .plan import Aanmelding, Beoordeling, GemeenteSamenwerking
from .reference import Bibliotheek, Gemeente

__all__ = [
    "Aanmelding",
    "Belangstelling",
    "Beoordeling",
    "Bibliotheek",
    "Gemeente",
    "GemeenteSamenwerking",
]
