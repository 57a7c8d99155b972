"""The year-end report of one licence year (condition 5), its assessments and reminders.

Only aggregate numbers: no personal data of course participants is ever stored.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from kbregeling.accounts.constants import Partij
from kbregeling.workflow import assessment
from kbregeling.workflow.assessment import ends_round, party_advice, submission
from kbregeling.workflow.models import Advice, AssessedDocument, count

from . import permissions as perm
from .constants import DOELGROEPEN, LEEFTIJDEN, VERWIJZINGEN, Soort
from .constants import RapportageStatus as S


class RapportageFields(models.Model):
    """The content of a report, kept apart from its workflow for readability."""

    # Numbers
    cursussen_gestart = count(_("courses started"), 1000)
    bijeenkomsten = count(_("sessions held"), 10_000)
    deelnemers_aangemeld = count(_("participants registered"), 100_000)
    deelnemers_gestart = count(_("participants started"), 100_000)
    deelnemers_afgerond = count(_("participants completed"), 100_000)
    wachtlijst = count(_("waiting list"), 100_000)
    # The counts per age band, target group and referral route are added below the class.
    # Experiences
    tevredenheid = models.DecimalField(
        _("average satisfaction (1–10)"),
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    percentage_zelfredzamer = models.PositiveSmallIntegerField(
        _("share who feel more self-reliant (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    wat_ging_goed = models.TextField(_("what went well"), blank=True, max_length=5000)
    wat_was_lastig = models.TextField(_("what was hard"), blank=True, max_length=5000)
    samenwerking_gemeenten = models.TextField(
        _("cooperation with municipalities this year"), blank=True, max_length=5000
    )
    good_practices = models.TextField(_("good practices to share"), blank=True, max_length=5000)
    plannen = models.TextField(_("plans for next year"), blank=True, max_length=5000)
    wil_verlengen = models.BooleanField(_("the library wants its licence renewed"), null=True)
    verlengen_gemeenten = models.ManyToManyField(
        "aanmelding.Gemeente",
        blank=True,
        related_name="+",
        verbose_name=_("municipalities for the renewed licence"),
    )
    bop_ingevoerd = models.BooleanField(
        _("figures also entered in the Bibliotheek Onderzoeksplatform (BOP)"), null=True
    )

    class Meta:
        abstract = True


for _name, _label in [*LEEFTIJDEN, *DOELGROEPEN, *VERWIJZINGEN]:
    RapportageFields.add_to_class(_name, count(_label, 100_000))


class Rapportage(ConcurrentTransitionMixin, AssessedDocument, RapportageFields):
    licentie = models.OneToOneField(
        "licenties.Licentie", on_delete=models.PROTECT, related_name="rapportage"
    )
    status = FSMField(_("status"), default=S.OPEN, choices=S.choices, protected=True)
    opent_op = models.DateField(_("opens on"))
    deadline = models.DateField(_("due on"))
    besluit_motivering = models.TextField(_("reason for the decision"), blank=True)
    gewijzigd_op = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("year report")
        verbose_name_plural = _("year reports")

    def __str__(self):
        return _("Year report %(year)s of %(library)s") % {
            "year": self.licentie.begindatum.year,
            "library": self.licentie.bibliotheek,
        }

    def clean(self):
        from django.core.exceptions import ValidationError

        from .rules import consistency_errors

        errors = consistency_errors(self)
        if errors:
            raise ValidationError(errors)

    @property
    def bibliotheek_id(self):
        return self.licentie.bibliotheek_id

    @property
    def is_bewerkbaar(self) -> bool:
        from .constants import BEWERKBAAR

        return self.status in BEWERKBAAR

    def is_compleet(self) -> bool:
        from .rules import submission_errors

        return not submission_errors(self)

    def snapshot_sections(self) -> list[dict]:
        from .snapshot import snapshot_sections

        return snapshot_sections(self)

    def beide_adviezen(self) -> bool:
        return assessment.both_advised(self)

    # The workflow ------------------------------------------------------------------------

    @transition(field=status, source=S.OPEN, target=S.CONCEPT, permission=perm.can_act_for_library)
    def starten(self, *, by, remark=""):
        pass

    indienen = submission("indienen", status, [S.CONCEPT, S.AANVULLING_GEVRAAGD], is_compleet)

    # The two-party round (kbregeling.workflow.assessment); record_advice takes them.
    kb_advies = party_advice("kb_advies", status, Partij.KB, S.BEOORDEELD)
    digisterker_advies = party_advice(
        "digisterker_advies", status, Partij.DIGISTERKER, S.BEOORDEELD
    )
    aanvulling_vragen = ends_round("aanvulling_vragen", status, S.AANVULLING_GEVRAAGD)

    @transition(
        field=status,
        source=S.BEOORDEELD,
        target=S.VERLENGD,
        conditions=[beide_adviezen],
        permission=perm.can_decide,
        custom=assessment.REVIEW_ONLY,
    )
    def verlengen(self, *, by, remark=""):
        self.besluit_motivering = remark

    @transition(
        field=status,
        source=S.BEOORDEELD,
        target=S.NIET_VERLENGD,
        conditions=[beide_adviezen],
        permission=perm.can_decide,
        custom=assessment.REVIEW_ONLY,
    )
    def niet_verlengen(self, *, by, remark=""):
        self.besluit_motivering = remark


class RapportageBeoordeling(Advice):
    """One party's advice on a report in one round: sufficient? renew?"""

    rapportage = models.ForeignKey(
        Rapportage, on_delete=models.CASCADE, related_name="beoordelingen"
    )
    voldoende = models.BooleanField(_("the report is sufficient"))
    advies_verlengen = models.BooleanField(_("advises renewal"))

    class Meta(Advice.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["rapportage", "ronde", "partij"],
                name="one_report_advice_per_party_per_round",
            )
        ]
        verbose_name = _("report assessment")
        verbose_name_plural = _("report assessments")

    def __str__(self):
        return f"{self.get_partij_display()}: {self.motivering[:40]}"


class Herinnering(models.Model):
    """Every reminder: recorded once per report, kind and due date (or per reviewer and week
    for the digest), with its mail in the one outbox, which sends it after commit and retries
    it, never losing it, when sending fails or a worker dies."""

    rapportage = models.ForeignKey(
        Rapportage, on_delete=models.CASCADE, null=True, blank=True, related_name="herinneringen"
    )
    ontvanger = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For the weekly digest: the reviewer it is for."),
    )
    soort = models.CharField(_("kind"), max_length=20, choices=Soort.choices)
    vervaldatum = models.DateField(_("due date"))
    volgnummer = models.PositiveSmallIntegerField(_("number"), default=1)
    mail = models.OneToOneField(
        "mail.OutgoingMail",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="herinnering",
        verbose_name=_("e-mail"),
        help_text=_("Empty when nobody had an address to send it to."),
    )
    aangemaakt_op = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-vervaldatum", "-pk"]
        # The reminder log pages through them newest first: an index in that order lets the
        # database read fifty rows instead of sorting thousands.
        indexes = [models.Index(fields=["-vervaldatum", "-id"], name="herinnering_log_order")]
        constraints = [
            models.UniqueConstraint(
                fields=["rapportage", "soort", "vervaldatum"],
                condition=models.Q(rapportage__isnull=False),
                name="one_reminder_per_report_kind_date",
            ),
            models.UniqueConstraint(
                fields=["ontvanger", "soort", "vervaldatum"],
                condition=models.Q(rapportage__isnull=True),
                name="one_digest_per_reviewer_week",
            ),
        ]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")

    def __str__(self):
        return f"{self.get_soort_display()} {self.vervaldatum}"
