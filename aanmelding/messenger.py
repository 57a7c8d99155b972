"""One call, ``notify``, tells people about a change; no view sends mail by itself.

Mail is queued only after the transaction commits. If the broker is down the user's action
still stands: the failure is logged, never raised into the request.
"""

import logging
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from .constants import Rol, Status
from .tasks import send_email

logger = logging.getLogger(__name__)

# Target state → (audience, template). The audience is "library" or a role. Reviewers of both
# parties hear of a plan once, when it is (re)submitted: that is when it awaits them.
AANMELDING_EVENTS = {
    Status.INGEDIEND: [
        ("library", "aanmelding/email/ingediend_bibliotheek.txt"),
        (Rol.KB_BEOORDELAAR, "aanmelding/email/wacht_op_beoordeling.txt"),
        (Rol.DIGISTERKER_BEOORDELAAR, "aanmelding/email/wacht_op_beoordeling.txt"),
    ],
    Status.AANVULLING_GEVRAAGD: [("library", "aanmelding/email/aanvulling_gevraagd.txt")],
    Status.GOEDGEKEURD: [("library", "aanmelding/email/goedgekeurd.txt")],
    Status.AFGEWEZEN: [("library", "aanmelding/email/afgewezen.txt")],
}


def library_addresses(bibliotheek) -> list[str]:
    staff = bibliotheek.medewerkers.filter(
        is_active=True, groups__name=Rol.BIBLIOTHEEKMEDEWERKER
    ).exclude(email="")
    return sorted({bibliotheek.contact_email, *staff.values_list("email", flat=True)} - {""})


def role_addresses(rol) -> list[str]:
    users = get_user_model().objects.filter(is_active=True, groups__name=rol).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def queue_email(subject, body, recipients):
    """Queue an e-mail once the current transaction has committed."""
    if recipients:
        transaction.on_commit(partial(_send_safely, subject, body, recipients))


def _send_safely(subject, body, recipients):
    try:
        send_email.delay(subject, body, recipients)
    except Exception:  # the broker is down: the action stands, the failure is logged
        logger.exception("Could not queue e-mail %r to %s", subject, recipients)


def render_email(template, context):
    text = render_to_string(template, context).strip()
    subject, _, body = text.partition("\n")
    return subject.strip(), body.strip() + "\n"


def notify_aanmelding(aanmelding, target, remark=""):
    context = {
        "aanmelding": aanmelding,
        "remark": remark,
        "url": settings.SITE_URL + reverse("aanmelding:detail", args=[aanmelding.pk]),
    }
    for audience, template in AANMELDING_EVENTS.get(target, []):
        if audience == "library":
            recipients = library_addresses(aanmelding.bibliotheek)
        else:
            recipients = role_addresses(audience)
        subject, body = render_email(template, context)
        queue_email(subject, body, recipients)
