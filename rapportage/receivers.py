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
    from django_fsm.signals import post_transition

    from kbregeling.mail.outbox import register_stale_check
    from licenties import service as licenties

    from . import links, reminders
    from .models import Rapportage

    post_transition.connect(
        letters.on_transition, sender=Rapportage, dispatch_uid="rapportage.letters"
    )
    post_transition.connect(on_transition, sender=Rapportage, dispatch_uid="rapportage.notify")
    register_stale_check(reminders.stale_reason)
    licenties.register_licence_links(links.report_links)
