"""The one user model: staff of one library, a member of a reviewer party, or a coordinator."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import PARTIJ_VAN_ROL, Rol


class Gebruiker(AbstractUser):
    """A user: staff of one library, or a member of a reviewer party or the coordinators.

    The role is the user's group (see ``Rol``); library staff also name their library.
    """

    bibliotheek = models.ForeignKey(
        "aanmelding.Bibliotheek",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        verbose_name=_("library"),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def rollen(self) -> set[str]:
        if not hasattr(self, "_rollen"):
            self._rollen = set(self.groups.values_list("name", flat=True))
        return self._rollen

    def heeft_rol(self, rol: str) -> bool:
        return self.is_active and rol in self.rollen

    @property
    def partij(self):
        """The reviewer party this user advises for, or None."""
        for rol, partij in PARTIJ_VAN_ROL.items():
            if self.heeft_rol(rol):
                return partij
        return None

    @property
    def is_bibliotheekmedewerker(self) -> bool:
        return self.bibliotheek_id is not None and self.heeft_rol(Rol.BIBLIOTHEEKMEDEWERKER)

    @property
    def is_coordinator(self) -> bool:
        return self.heeft_rol(Rol.COORDINATOR)

    @property
    def is_beoordelaar(self) -> bool:
        return self.partij is not None
