"""Who hears of a new message, through the one outbox.

- a message by the library: the KB and Digisterker reviewers;
- a message by a reviewer: the library's active staff and the other party's reviewers;
- an internal note: the other party's reviewers only, never the library.

Never the author, never the coordinator. Each person chooses (``Gebruiker.berichten_mail``)
an e-mail per message or one a day (``digest``): those who want one per message get one mail
per message and audience, the library's mail never says anything internal.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q

from kbregeling.accounts.constants import BerichtenMail, Partij, Rol
from kbregeling.mail import outbox
from kbregeling.workflow.assessment import ROLE_OF, other_party

from .constants import Kant


def library_staff(bibliotheek_id):
    return get_user_model().objects.filter(
        is_active=True, bibliotheek_id=bibliotheek_id, groups__name=Rol.BIBLIOTHEEKMEDEWERKER
    )


def reviewers(partijen, bibliotheek_id):
    """The reviewers of ``partijen``, but not those who work for this library."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[ROLE_OF[p] for p in partijen])
        .exclude(bibliotheek_id=bibliotheek_id)
    )


def audiences(bericht) -> dict:
    """``{"library": users, "reviewers": users}`` to tell of ``bericht`` (before preferences)."""
    if bericht.kant == Kant.BIBLIOTHEEK:
        return {"reviewers": reviewers(list(Partij), bericht.bibliotheek_id)}
    others = reviewers([other_party(bericht.kant)], bericht.bibliotheek_id)
    if bericht.intern:
        return {"reviewers": others}
    return {"library": library_staff(bericht.bibliotheek_id), "reviewers": others}


def tell(bericht, subject_label) -> None:
    """One mail per audience to those who want a mail per message."""
    for audience, users in audiences(bericht).items():
        addresses = sorted(
            set(
                users.filter(berichten_mail=BerichtenMail.DIRECT)
                .exclude(pk=bericht.auteur_id)
                .exclude(email="")
                .values_list("email", flat=True)
            )
        )
        context = {
            "bericht": bericht,
            "subject": subject_label,
            "author": author_name(bericht),
            "url": settings.SITE_URL + bericht.pagina + "#gesprek",
            "internal_shown": audience == "reviewers",
        }
        subject, body = outbox.render("conversation/email/message.txt", context)
        outbox.record(subject, body, addresses)


def author_name(bericht) -> str:
    auteur = bericht.auteur
    name = auteur.get_full_name() or auteur.get_username()
    return f"{name} ({bericht.get_kant_display()})"


def told_of(user) -> Q:
    """The messages ``user`` is told of, as a filter: the rule of ``audiences`` read from the
    side of one person (for the daily digest)."""
    rule = Q(pk__in=[])
    if user.is_bibliotheekmedewerker:
        rule |= Q(bibliotheek_id=user.bibliotheek_id, intern=False) & ~Q(kant=Kant.BIBLIOTHEEK)
    partij = user.partij
    if partij:
        reviewer = Q(kant=Kant.BIBLIOTHEEK, intern=False) | Q(kant=other_party(partij))
        if user.bibliotheek_id:
            reviewer &= ~Q(bibliotheek_id=user.bibliotheek_id)
        rule |= reviewer
    return rule & ~Q(auteur=user) & Q(ingetrokken_op=None)
