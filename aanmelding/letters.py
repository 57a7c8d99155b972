"""KB's decision letter on a plan: approved or rejected.

Made by a ``post_transition`` receiver of the deciding advice, in its transaction and before
the outcome mail, which carries it. The deciding advice is stored just after its transition
(``kbregeling.workflow.assessment.record_advice``), so its motivation comes from the step
itself; the other party's from its advice of the same round. Only advice motivations go into
a letter."""

from django.utils.translation import gettext as _

from kbregeling.accounts.constants import Partij
from kbregeling.letters import service as letters

from .constants import Advies, Status

SOORT = {
    Status.GOEDGEKEURD: letters.Soort.PLAN_GOEDGEKEURD,
    Status.AFGEWEZEN: letters.Soort.PLAN_AFGEWEZEN,
}
# The advice each deciding transition records.
ADVIES_OF = {
    "kb_positief": Advies.POSITIEF,
    "digisterker_positief": Advies.POSITIEF,
    "afwijzen": Advies.NEGATIEF,
}


def motivations(aanmelding, name, by, remark) -> list[dict]:
    """KB's and Digisterker's motivations in the round that decided, KB first."""
    found = {
        advice.partij: letters.motivation(
            advice.partij, advice.motivering, advice.get_advies_display()
        )
        for advice in aanmelding.beoordelingen.filter(ronde=aanmelding.ronde)
    }
    partij = getattr(by, "partij", None)
    if partij and name in ADVIES_OF:
        found[partij] = letters.motivation(partij, remark, Advies(ADVIES_OF[name]).label)
    return [found[p] for p in (Partij.KB, Partij.DIGISTERKER) if p in found]


def letter_context(aanmelding, target, name, by, remark) -> dict:
    bibliotheek = aanmelding.bibliotheek
    values = {"library": bibliotheek.naam, "number": aanmelding.pk}
    if target == Status.GOEDGEKEURD:
        onderwerp = _("Your Plan van Aanpak is approved")
        besluit = _(
            "KB approves the Plan van Aanpak of %(library)s (sign-up %(number)s). KB and "
            "Stichting Digisterker both advised to approve it."
        )
        vervolg = _(
            "Stichting Digisterker will contact you about the agreement. Once it is signed, "
            "your first licence year starts. At the end of each licence year you report on it."
        )
    else:
        onderwerp = _("Your Plan van Aanpak is not approved")
        besluit = _("KB does not approve the Plan van Aanpak of %(library)s (sign-up %(number)s).")
        vervolg = _(
            "Your library does not take part in the Digisterker scheme on the basis of this "
            "plan. You may sign up again with a new plan."
        )
    return {
        "addressee": letters.addressee(bibliotheek),
        "onderwerp": onderwerp,
        "besluit": besluit % values,
        "motiveringen": motivations(aanmelding, name, by, remark),
        "vervolg": vervolg,
    }


def on_transition(sender, instance, name, target, **kwargs):
    """A plan approved or rejected gets its letter, once."""
    if target not in SOORT:
        return
    method_kwargs = kwargs.get("method_kwargs") or {}
    by, remark = method_kwargs.get("by"), method_kwargs.get("remark", "")
    letters.make_letter(
        instance,
        SOORT[target],
        instance.bibliotheek_id,
        lambda: letter_context(instance, target, name, by, remark),
    )


outcome_mail = letters.mail_extra(SOORT)
