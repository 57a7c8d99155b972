"""API tokens: one per organisation that reads the API (the national library monitor, a
library), made by KB's administrator.

Only a hash of the key is stored: the key is shown once, when the token is made. A token of
a library reads only that library's data; one without a library (national) reads all.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: Characters of the key kept in the clear, so a person can tell tokens apart.
PREFIX_LENGTH = 8


def hash_key(key: str) -> str:
    """SHA-256 of the key: the key is 256 random bits, so no slow hash is needed."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ingetrokken_op__isnull=True)


class ApiToken(models.Model):
    organisatie = models.CharField(_("organisation"), max_length=200)
    # A string reference: the shared apps import none of the domain apps.
    bibliotheek = models.ForeignKey(
        "aanmelding.Bibliotheek",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("library"),
        help_text=_("Empty: a national organisation, which reads the data of every library."),
    )
    sleutel_begin = models.CharField(_("key starts with"), max_length=PREFIX_LENGTH)
    sleutel_hash = models.CharField(max_length=64, unique=True, editable=False)
    aangemaakt_op = models.DateTimeField(_("created"), default=timezone.now)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    laatst_gebruikt_op = models.DateTimeField(_("last used"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["ingetrokken_op", "organisatie", "pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.organisatie} ({self.sleutel_begin}…)"

    @classmethod
    def issue(cls, organisatie, bibliotheek=None, by=None) -> tuple["ApiToken", str]:
        """A new token and its key: the key is returned once and never stored."""
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(
            organisatie=organisatie,
            bibliotheek=bibliotheek,
            sleutel_begin=key[:PREFIX_LENGTH],
            sleutel_hash=hash_key(key),
            aangemaakt_door=by,
        )
        return token, key

    @property
    def is_national(self) -> bool:
        return self.bibliotheek_id is None

    @property
    def is_active(self) -> bool:
        return self.ingetrokken_op is None

    def revoke(self):
        """Idempotent: a revoked token keeps its first revocation time."""
        ApiToken.objects.filter(pk=self.pk, ingetrokken_op__isnull=True).update(
            ingetrokken_op=timezone.now()
        )
