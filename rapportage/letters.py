"""KB's decision letter on renewal: the licence renewed or not, after a year report.

Made by a ``post_transition`` receiver of KB's decision, in its transaction and before the
outcome mail, which carries it: both parties' advices of the deciding round and KB's reason
for its decision. Only advice motivations and the decision's reason go into a letter."""

from datetime import timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kbregeling.accounts.constants import Partij
from kbregeling.letters import service as letters

from .constants import RapportageStatus as S

SOORT = {S.VERLENGD: letters.Soort.VERLENGD, S.NIET_VERLENGD: letters.Soort.NIET_VERLENGD}


def motivations(report) -> list[dict]:
    """KB's and Digisterker's advices in the round that was decided, KB first."""
    advices = {a.partij: a for a in report.beoordelingen.filter(ronde=report.ronde)}
    return [
        letters.motivation(
            partij,
            advice.motivering,
            _("advises renewal") if advice.advies_verlengen else _("advises not to renew"),
        )
        for partij in (Partij.KB, Partij.DIGISTERKER)
        if (advice := advices.get(partij))
    ]


def letter_context(report, target) -> dict:
    licentie = report.licentie
    bibliotheek = licentie.bibliotheek
    values = {
        "library": bibliotheek.naam,
        "year": licentie.begindatum.year,
        "start": date_format(licentie.einddatum + timedelta(days=1), "j F Y"),
        "end": date_format(licentie.einddatum, "j F Y"),
    }
    if target == S.VERLENGD:
        onderwerp = _("Your Digisterker licence is renewed")
        besluit = _(
            "After assessing the year report %(year)s of %(library)s, KB renews the "
            "Digisterker licence for the next licence year."
        )
        vervolg = _(
            "Your next licence year starts on %(start)s. At the end of that year you report "
            "on it again."
        )
    else:
        onderwerp = _("Your Digisterker licence is not renewed")
        besluit = _(
            "After assessing the year report %(year)s of %(library)s, KB does not renew the "
            "Digisterker licence."
        )
        vervolg = _(
            "Your licence ends on %(end)s, at the end of the current licence year. After "
            "that date your library no longer gives Digisterker courses under the scheme."
        )
    return {
        "addressee": letters.addressee(bibliotheek),
        "onderwerp": onderwerp,
        "besluit": besluit % values,
        "motiveringen": motivations(report),
        "besluit_motivering": report.besluit_motivering,
        "besluit_motivering_kop": _("KB's reason for its decision"),
        "vervolg": vervolg % values,
    }


def on_transition(sender, instance, name, target, **kwargs):
    """A report decided (renew or not) gets its letter, once."""
    if target not in SOORT:
        return
    letters.make_letter(
        instance,
        SOORT[target],
        instance.licentie.bibliotheek_id,
        lambda: letter_context(instance, target),
    )


outcome_mail = letters.mail_extra(SOORT)
