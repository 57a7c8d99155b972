"""E-mail about year reports, through the one mail path of ``aanmelding.messenger``."""

from django.conf import settings
from django.urls import reverse

from aanmelding.constants import Rol
from aanmelding.messenger import library_addresses, queue_email, render_email, role_addresses

from .constants import RapportageStatus as S

EVENTS = {
    S.INGEDIEND: [
        (Rol.KB_BEOORDELAAR, "rapportage/email/wacht_op_beoordeling.txt"),
        (Rol.DIGISTERKER_BEOORDELAAR, "rapportage/email/wacht_op_beoordeling.txt"),
    ],
    S.BEOORDEELD: [(Rol.KB_BEOORDELAAR, "rapportage/email/besluit_nodig.txt")],
    S.AANVULLING_GEVRAAGD: [("library", "rapportage/email/aanvulling_gevraagd.txt")],
    S.VERLENGD: [("library", "rapportage/email/verlengd.txt")],
    S.NIET_VERLENGD: [("library", "rapportage/email/niet_verlengd.txt")],
}


def on_rapportage_transition(sender, instance, name, source, target, **kwargs):
    remark = (kwargs.get("method_kwargs") or {}).get("remark", "")
    context = {
        "rapportage": instance,
        "remark": remark,
        "url": settings.SITE_URL + reverse("rapportage:detail", args=[instance.pk]),
    }
    for audience, template in EVENTS.get(target, []):
        if audience == "library":
            recipients = library_addresses(instance.licentie.bibliotheek)
        else:
            recipients = role_addresses(audience)
        subject, body = render_email(template, context)
        queue_email(subject, body, recipients)
