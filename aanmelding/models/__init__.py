from .plan import Aanmelding, Beoordeling, GemeenteSamenwerking
from .reference import Bibliotheek, Gemeente

__all__ = ["Aanmelding", "Beoordeling", "Bibliotheek", "Gemeente", "GemeenteSamenwerking"]
