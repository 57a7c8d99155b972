"""The daily digest of new messages, for those who chose one mail a day.

Each person gets at most one digest a day (``Samenvatting``, unique per person and day), so
running the task twice sends nothing twice. It lists the messages since their previous
digest that they are told of (``notifications.told_of``) and have not read yet.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from kbregeling.accounts.constants import BerichtenMail
from kbregeling.mail import outbox

from .models import Bericht, Gelezen, Samenvatting
from .notifications import author_name, told_of


def unread_for(user, since, now) -> list:
    seen = {(g.content_type_id, g.object_id): g.tot for g in Gelezen.objects.filter(gebruiker=user)}
    candidates = (
        Bericht.objects.filter(told_of(user), geplaatst_op__gt=since, geplaatst_op__lte=now)
        .select_related("auteur")
        .prefetch_related("subject")
    )
    return [
        bericht
        for bericht in candidates
        if bericht.geplaatst_op > seen.get((bericht.content_type_id, bericht.object_id), since)
    ]


def send_digest(user, now) -> int:
    """The digest of one person for today; the number of messages in it (0: nothing sent)."""
    previous = Samenvatting.objects.filter(gebruiker=user).order_by("-verstuurd_op").first()
    if previous and timezone.localtime(previous.verstuurd_op).date() == timezone.localdate(now):
        return 0
    since = previous.verstuurd_op if previous else now - timedelta(days=1)
    berichten = unread_for(user, since, now)
    if not berichten or not user.email:
        return 0
    try:
        with transaction.atomic():
            Samenvatting.objects.create(
                gebruiker=user,
                dag=timezone.localdate(now),
                verstuurd_op=now,
                berichten=len(berichten),
            )
            for bericht in berichten:
                bericht.author = author_name(bericht)
                bericht.url = settings.SITE_URL + bericht.pagina + "#gesprek"
            subject, body = outbox.render(
                "conversation/email/digest.txt", {"berichten": berichten, "user": user}
            )
            outbox.record(subject, body, [user.email])
    except IntegrityError:  # another run sent today's digest meanwhile
        return 0
    return len(berichten)


def send_daily_digests(now=None) -> int:
    """Every person who chose a daily mail; returns how many digests were sent."""
    now = now or timezone.now()
    people = (
        get_user_model()
        .objects.filter(is_active=True, berichten_mail=BerichtenMail.DAGELIJKS)
        .exclude(email="")
    )
    return sum(1 for user in people if send_digest(user, now))
