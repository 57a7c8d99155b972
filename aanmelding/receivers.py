"""What the sign-up app does when a sign-up changes state: tell the people concerned."""

from kbregeling.accounts.constants import Rol
from kbregeling.mail.notify import LIBRARY, transition_notifier

from . import letters
from .constants import Status

# Target state → who hears of it, with which template. Reviewers of both parties hear of a
# plan once, when it is (re)submitted: that is when it awaits them.
MESSAGES = {
    Status.INGEDIEND: [
        (LIBRARY, "aanmelding/email/ingediend_bibliotheek.txt"),
        (Rol.KB_BEOORDELAAR, "aanmelding/email/wacht_op_beoordeling.txt"),
        (Rol.DIGISTERKER_BEOORDELAAR, "aanmelding/email/wacht_op_beoordeling.txt"),
    ],
    Status.AANVULLING_GEVRAAGD: [(LIBRARY, "aanmelding/email/aanvulling_gevraagd.txt")],
    Status.GOEDGEKEURD: [(LIBRARY, "aanmelding/email/goedgekeurd.txt")],
    Status.AFGEWEZEN: [(LIBRARY, "aanmelding/email/afgewezen.txt")],
}


on_transition = transition_notifier(
    MESSAGES,
    "aanmelding",
    "aanmelding:detail",
    lambda aanmelding: aanmelding.bibliotheek,
    extra=letters.outcome_mail,  # the decision letter, made by the receiver connected first
)


def connect():
    from django_fsm.signals import post_transition

    from kbregeling.accounts.retention import anonymised

    anonymised.connect(forget_former_staff, dispatch_uid="aanmelding-forget-former-staff")

    from .models import Aanmelding

    post_transition.connect(
        letters.on_transition, sender=Aanmelding, dispatch_uid="aanmelding.letters"
    )
    post_transition.connect(on_transition, sender=Aanmelding, dispatch_uid="aanmelding.notify")


def forget_former_staff(sender, person, email, name, former, **kwargs):
    """A person is anonymised (kbregeling.accounts.retention): where this app kept their name
    or address as a library's contact or in an interest request, it goes too."""
    from .models import Belangstelling, Bibliotheek

    if not email:
        return
    Bibliotheek.objects.filter(contact_email__iexact=email).update(
        contact_email="", contactpersoon=former
    )
    Belangstelling.objects.filter(email__iexact=email).update(email="", naam=former, telefoon="")
