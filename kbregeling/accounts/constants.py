"""The roles of DOMAIN.md and the two parties that assess plans and reports."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    """The roles of DOMAIN.md, and KB's functional administrator who manages libraries and
    people from the app's own pages; each is a Django group of the same name."""

    BIBLIOTHEEKMEDEWERKER = "bibliotheekmedewerker", _("Library staff")
    KB_BEOORDELAAR = "kb_beoordelaar", _("KB reviewer")
    DIGISTERKER_BEOORDELAAR = "digisterker_beoordelaar", _("Digisterker reviewer")
    COORDINATOR = "coordinator", _("Coordinator")
    KB_BEHEERDER = "kb_beheerder", _("KB administrator")


#: The roles KB's administrator invites; library staff are invited per library.
REVIEWER_PARTY_ROLES = [
    Rol.KB_BEOORDELAAR,
    Rol.DIGISTERKER_BEOORDELAAR,
    Rol.COORDINATOR,
    Rol.KB_BEHEERDER,
]


class Partij(models.TextChoices):
    KB = "kb", _("KB")
    DIGISTERKER = "digisterker", _("Digisterker")

    @property
    def full_name(self):
        """The party as a sentence to a library names it: "KB", "Stichting Digisterker"."""
        return _("Stichting Digisterker") if self == Partij.DIGISTERKER else _("KB")


class BerichtenMail(models.TextChoices):
    """How a person hears of new messages in a conversation."""

    DIRECT = "direct", _("An e-mail for every message")
    DAGELIJKS = "dagelijks", _("One e-mail a day with the new messages")


PARTIJ_VAN_ROL = {Rol.KB_BEOORDELAAR: Partij.KB, Rol.DIGISTERKER_BEOORDELAAR: Partij.DIGISTERKER}
