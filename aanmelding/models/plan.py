"""The sign-up (Aanmelding) with its Plan van Aanpak, and the assessments of both parties.

The workflow of DOMAIN.md, readable in one screen: each transition names its source and
target states, its condition and who may take it (``aanmelding.permissions``).
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from kbregeling.accounts.constants import Partij
from kbregeling.workflow.assessment import ends_round, party_advice, submission
from kbregeling.workflow.models import Advice, AssessedDocument, count

from .. import permissions as perm
from ..constants import (
    BEWERKBAAR,
    INTREKBAAR,
    Advies,
    DocentType,
    Doelgroep,
    FinancieringStatus,
    Status,
)
from .reference import Bibliotheek, Gemeente


def bijlage_path(instance, filename):
    """Store under a random name: the original name is kept in ``bijlage_naam``."""
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"aanmeldingen/{uuid.uuid4().hex}{suffix}"


def amount(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10_000_000)],
    )


# The counts per year of the plan, once the first licence year is known.
COURSE_YEAR_LABELS = {
    "cursussen": _("courses in %(year)s"),
    "deelnemers": _("participants in %(year)s"),
}


class Aanmelding(ConcurrentTransitionMixin, AssessedDocument):
    bibliotheek = models.ForeignKey(
        Bibliotheek, on_delete=models.PROTECT, related_name="aanmeldingen"
    )
    status = FSMField(_("status"), default=Status.CONCEPT, choices=Status.choices, protected=True)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("created"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("changed"), auto_now=True)

    # 1. Ambitie en meerjarenplanning
    eerste_licentiejaar = models.PositiveSmallIntegerField(
        _("first licence year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2020), MaxValueValidator(2100)],
    )
    ambitie = models.TextField(_("ambition"), blank=True, max_length=5000)
    cursussen_jaar1 = count(_("courses in year 1"), 1000)
    deelnemers_jaar1 = count(_("participants in year 1"), 100_000)
    cursussen_jaar2 = count(_("courses in year 2"), 1000)
    deelnemers_jaar2 = count(_("participants in year 2"), 100_000)
    cursussen_jaar3 = count(_("courses in year 3"), 1000)
    deelnemers_jaar3 = count(_("participants in year 3"), 100_000)
    # 2. Doelgroepen
    doelgroepen = models.JSONField(_("target groups"), default=list, blank=True)
    doelgroepen_anders = models.CharField(_("other target groups"), max_length=500, blank=True)
    # 3. Locaties
    locaties = models.TextField(_("locations"), blank=True, max_length=5000)
    # 4. Docenten
    docenten_nu = count(_("certified teachers now"), 1000)
    docenten_gepland = count(_("certified teachers planned"), 1000)
    docenten_type = models.CharField(
        _("teachers are"), max_length=20, choices=DocentType.choices, blank=True
    )
    # 6. Partners
    partners = models.TextField(_("partners"), blank=True, max_length=5000)
    # 7. Werving en communicatie
    werving = models.TextField(_("recruitment and communication"), blank=True, max_length=5000)
    # 8. Begroting en borging
    eigen_budget = amount(_("own budget (€ per year)"))
    cofinanciering = amount(_("co-funding (€ per year)"))
    borging = models.TextField(_("embedding after the first year"), blank=True, max_length=5000)
    # 9. Verklaring
    verklaring_wsob = models.BooleanField(
        _("The library is a public library under the Wsob and takes part in the network"),
        default=False,
    )
    verklaring_rapportage = models.BooleanField(
        _("The library will report on each licence year"), default=False
    )
    verklaring_good_practices = models.BooleanField(
        _("The library will share its good practices"), default=False
    )
    bijlage = models.FileField(_("attachment"), upload_to=bijlage_path, blank=True)
    bijlage_naam = models.CharField(max_length=255, blank=True, editable=False)

    class Meta:
        ordering = ["-gewijzigd_op", "-pk"]
        indexes = [
            # The reviewers' list: what awaits them (by state), oldest submission first;
            # and every state, in the order of submission.
            models.Index(fields=["status", "ingediend_op"], name="aanmelding_status_ingediend"),
            models.Index(fields=["ingediend_op"], name="aanmelding_ingediend"),
        ]
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")

    def __str__(self):
        return _("Sign-up %(number)s of %(library)s") % {
            "number": self.pk,
            "library": self.bibliotheek,
        }

    @property
    def is_bewerkbaar(self) -> bool:
        return self.status in BEWERKBAAR

    def ontbrekende_onderdelen(self) -> list[str]:
        """What still stops submission; empty when the plan is complete."""
        from ..plan_rules import missing_parts

        return missing_parts(self)

    def is_compleet(self) -> bool:
        return not self.ontbrekende_onderdelen()

    def licentiejaar(self, n) -> int | None:
        """The calendar year of year ``n`` (1, 2, 3) of the plan, counted from the first
        licence year; None while that is not chosen."""
        return self.eerste_licentiejaar + n - 1 if self.eerste_licentiejaar else None

    def field_label(self, name) -> str:
        """The label of field ``name`` on this plan's pages: the courses and participants of
        each year named by the real year ("courses in 2027")."""
        kind, _sep, year = name.rpartition("_jaar")
        if kind in COURSE_YEAR_LABELS and year in ("1", "2", "3"):
            real_year = self.licentiejaar(int(year))
            if real_year:
                return COURSE_YEAR_LABELS[kind] % {"year": real_year}
        return self._meta.get_field(name).verbose_name

    def snapshot_sections(self) -> list[dict]:
        from ..snapshot import snapshot_sections

        return snapshot_sections(self)

    def get_doelgroepen_display(self) -> str:
        labels = dict(Doelgroep.choices)
        return ", ".join(str(labels.get(value, value)) for value in self.doelgroepen or [])

    # The workflow: submission by the library, then the two-party assessment round -------

    indienen = submission("indienen", status, Status.CONCEPT, is_compleet)
    opnieuw_indienen = submission(
        "opnieuw_indienen", status, Status.AANVULLING_GEVRAAGD, is_compleet
    )

    @transition(
        field=status,
        source=INTREKBAAR,
        target=Status.INGETROKKEN,
        permission=perm.can_act_for_library,
    )
    def intrekken(self, *, by, remark=""):
        pass

    # The two-party round (kbregeling.workflow.assessment); record_advice takes them.
    kb_positief = party_advice("kb_positief", status, Partij.KB, Status.GOEDGEKEURD)
    digisterker_positief = party_advice(
        "digisterker_positief", status, Partij.DIGISTERKER, Status.GOEDGEKEURD
    )
    aanvulling_vragen = ends_round("aanvulling_vragen", status, Status.AANVULLING_GEVRAAGD)
    afwijzen = ends_round("afwijzen", status, Status.AFGEWEZEN)


class GemeenteSamenwerking(models.Model):
    """Section 5 of the plan: cooperation with one municipality of the werkgebied."""

    aanmelding = models.ForeignKey(
        Aanmelding, on_delete=models.CASCADE, related_name="samenwerkingen"
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    inhoud = models.TextField(_("content of the course"), blank=True, max_length=3000)
    werving = models.TextField(_("recruitment and referral"), blank=True, max_length=3000)
    financiering_status = models.CharField(
        _("municipal co-funding"), max_length=20, choices=FinancieringStatus.choices, blank=True
    )
    financiering_bedrag = amount(_("co-funding amount (€)"))

    class Meta:
        ordering = ["gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["aanmelding", "gemeente"], name="one_cooperation_per_municipality"
            )
        ]
        verbose_name = _("cooperation with a municipality")
        verbose_name_plural = _("cooperation with municipalities")

    def __str__(self):
        return str(self.gemeente)


class Beoordeling(Advice):
    """One party's advice on a plan in one round of assessment."""

    aanmelding = models.ForeignKey(
        Aanmelding, on_delete=models.CASCADE, related_name="beoordelingen"
    )
    advies = models.CharField(_("advice"), max_length=20, choices=Advies.choices)

    class Meta(Advice.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["aanmelding", "ronde", "partij"], name="one_advice_per_party_per_round"
            )
        ]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self):
        return f"{self.get_partij_display()}: {self.get_advies_display()}"
