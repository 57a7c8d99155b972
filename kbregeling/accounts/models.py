"""The one user model (staff of one library, a member of a reviewer party, a coordinator or
KB's administrator) and the invitations that bring people in."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import PARTIJ_VAN_ROL, BerichtenMail, Rol

#: What an anonymised person's advices, log entries and reports still show.
FORMER_STAFF = _("former staff member")


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
    telefoon = models.CharField(_("telephone"), max_length=30, blank=True)
    gedeactiveerd_op = models.DateTimeField(_("deactivated at"), null=True, blank=True)
    geanonimiseerd_op = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    berichten_mail = models.CharField(
        _("e-mail about new messages"),
        max_length=10,
        choices=BerichtenMail.choices,
        default=BerichtenMail.DIRECT,
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        if self.geanonimiseerd_op:
            return str(FORMER_STAFF)
        return self.get_username()

    def get_full_name(self):
        if self.geanonimiseerd_op:
            return str(FORMER_STAFF)
        return super().get_full_name()

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


class Uitnodiging(models.Model):
    """An invitation by e-mail: a one-time link to set a password and, for the roles that
    need it, the second factor. Only a hash of the link's token is kept."""

    class Stand(models.TextChoices):
        VERSTUURD = "verstuurd", _("sent")
        GEACCEPTEERD = "geaccepteerd", _("accepted")
        VERLOPEN = "verlopen", _("expired")
        INGETROKKEN = "ingetrokken", _("withdrawn")

    email = models.EmailField(_("e-mail address"))
    voornaam = models.CharField(_("first name"), max_length=150, blank=True)
    achternaam = models.CharField(_("last name"), max_length=150, blank=True)
    rol = models.CharField(_("role"), max_length=40, choices=Rol.choices)
    bibliotheek = models.ForeignKey(
        "aanmelding.Bibliotheek",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="uitnodigingen",
        verbose_name=_("library"),
    )
    uitgenodigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    verstuurd_op = models.DateTimeField(_("sent at"), default=timezone.now)
    verloopt_op = models.DateTimeField(_("expires at"))
    geaccepteerd_op = models.DateTimeField(_("accepted at"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    nieuwe_gevraagd_op = models.DateTimeField(_("new one asked at"), null=True, blank=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="uitnodigingen",
        verbose_name=_("account"),
    )

    class Meta:
        ordering = ["-verstuurd_op"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return self.email

    @property
    def stand(self) -> str:
        if self.ingetrokken_op:
            return self.Stand.INGETROKKEN
        if self.geaccepteerd_op:
            return self.Stand.GEACCEPTEERD
        if self.verloopt_op <= timezone.now():
            return self.Stand.VERLOPEN
        return self.Stand.VERSTUURD

    def get_stand_display(self) -> str:
        return self.Stand(self.stand).label

    @property
    def is_open(self) -> bool:
        """Not accepted and not withdrawn: it can be sent again or withdrawn."""
        return not (self.geaccepteerd_op or self.ingetrokken_op)
