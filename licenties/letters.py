"""KB's decision letter when it ends a licence early.

Made by a ``post_transition`` receiver of the ending, in its transaction and before the
mail that tells the library, which carries it. Ending is KB's decision alone: the letter
gives KB's reason (the remark of the step), nothing else."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kbregeling.letters import service as letters

from .constants import LicentieStatus

SOORT = {LicentieStatus.BEEINDIGD: letters.Soort.BEEINDIGD}


def letter_context(licentie, remark) -> dict:
    values = {
        "library": licentie.bibliotheek.naam,
        "start": date_format(licentie.begindatum, "j F Y"),
        "end": date_format(licentie.einddatum, "j F Y"),
        "today": date_format(timezone.localdate(), "j F Y"),
    }
    return {
        "addressee": letters.addressee(licentie.bibliotheek),
        "onderwerp": _("Your Digisterker licence is ended early"),
        "besluit": _(
            "KB ends the Digisterker licence of %(library)s for the licence year %(start)s to "
            "%(end)s early, as of %(today)s."
        )
        % values,
        "motiveringen": [],
        "besluit_motivering": remark,
        "besluit_motivering_kop": _("KB's reason for ending the licence"),
        "vervolg": _(
            "From %(today)s your library no longer gives Digisterker courses under this "
            "licence, and the licence is not renewed."
        )
        % values,
    }


def on_transition(sender, instance, name, target, **kwargs):
    """A licence ended early gets its letter, once."""
    if target not in SOORT:
        return
    remark = (kwargs.get("method_kwargs") or {}).get("remark", "")
    letters.make_letter(
        instance, SOORT[target], instance.bibliotheek_id, lambda: letter_context(instance, remark)
    )


outcome_mail = letters.mail_extra(SOORT)
