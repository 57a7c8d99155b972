"""What the report app does when a year report changes state: tell the people concerned."""

from kbregeling.accounts.constants import Rol
from kbregeling.mail.notify import LIBRARY, transition_notifier

from . import letters
from .constants import RapportageStatus as S

# Target state → who hears of it, with which template.
MESSAGES = {
    S.INGEDIEND: [
        (Rol.KB_BEOORDELAAR, "rapportage/email/wacht_op_beoordeling.txt"),
        (Rol.DIGISTERKER_BEOORDELAAR, "rapportage/email/wacht_op_beoordeling.txt"),
    ],
    S.BEOORDEELD: [(Rol.KB_BEOORDELAAR, "rapportage/email/besluit_nodig.txt")],
    S.AANVULLING_GEVRAAGD: [(LIBRARY, "rapportage/email/aanvulling_gevraagd.txt")],
    S.VERLENGD: [(LIBRARY, "rapportage/email/verlengd.txt")],
    S.NIET_VERLENGD: [(LIBRARY, "rapportage/email/niet_verlengd.txt")],
}


on_transition = transition_notifier(
    MESSAGES,
    "rapportage",
    "rapportage:detail",
    lambda rapportage: rapportage.licentie.bibliotheek,
    extra=letters.outcome_mail,  # the decision letter, made by the receiver connected first
)


def connect():
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from django_fsm.signals import post_transition

    from aanmelding.service import Bibliotheek, Gemeente
    from kbregeling.mail.outbox import register_stale_check
    from licenties import service as licenties

    from . import figures_cache, links, reminders
    from .models import Rapportage

    post_transition.connect(
        letters.on_transition, sender=Rapportage, dispatch_uid="rapportage.letters"
    )
    post_transition.connect(on_transition, sender=Rapportage, dispatch_uid="rapportage.notify")
    register_stale_check(reminders.stale_reason)
    licenties.register_licence_links(links.report_links)
    # What the cached national figures are made of and no count or sum reveals (a renamed
    # library, a licence year's date or value changed): a save draws a new generation.
    for model in (Bibliotheek, Gemeente, licenties.Licentie):
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(
                figures_cache.new_generation,
                sender=model,
                dispatch_uid=f"rapportage.figures.{name}.{model.__name__}",
            )
    for through in (Bibliotheek.werkgebied.through, licenties.Licentie.gemeenten.through):
        m2m_changed.connect(
            figures_cache.new_generation,
            sender=through,
            dispatch_uid=f"rapportage.figures.m2m.{through.__name__}",
        )
