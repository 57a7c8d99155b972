from .interest import Belangstelling
from .plan import Aanmelding, Beoordeling, GemeenteSamenwerking
from .reference import Bibliotheek, Gemeente
from .werkgebied import WerkgebiedWijziging

__all__ = [
    "Aanmelding",
    "Belangstelling",
    "Beoordeling",
    "Bibliotheek",
    "Gemeente",
    "GemeenteSamenwerking",
    "WerkgebiedWijziging",
]
