"""Reference data and people: municipalities, library organisations and users."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import PARTIJ_VAN_ROL, Rol


class Gemeente(models.Model):
    """A Dutch municipality; joined on its CBS code, never on its name."""

    cbs_code = models.CharField(_("CBS code"), max_length=6, unique=True)
    naam = models.CharField(_("name"), max_length=100)
    provincie = models.CharField(_("province"), max_length=40, db_index=True)
    inwoners = models.PositiveIntegerField(_("inhabitants"), default=0)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.naam


class Bibliotheek(models.Model):
    """A public library organisation; its werkgebied is the municipalities it serves."""

    naam = models.CharField(_("name"), max_length=200, unique=True)
    adres = models.CharField(_("address"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    plaats = models.CharField(_("town"), max_length=100, blank=True)
    contactpersoon = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    telefoon = models.CharField(_("telephone"), max_length=30, blank=True)
    werkgebied = models.ManyToManyField(
        Gemeente, related_name="bibliotheken", verbose_name=_("service area")
    )
    wsob_erkend = models.BooleanField(
        _("recognised public library under the Wsob"),
        default=False,
        help_text=_("Meets the Wsob and takes part in the national library network."),
    )

    class Meta:
        ordering = ["naam"]
        verbose_name = _("library")
        verbose_name_plural = _("libraries")

    def __str__(self):
        return self.naam


class Gebruiker(AbstractUser):
    """A user: staff of one library, or a member of a reviewer party or the coordinators.

    The role is the user's group (see ``Rol``); library staff also name their library.
    """

    bibliotheek = models.ForeignKey(
        Bibliotheek,
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
