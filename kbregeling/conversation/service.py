"""The conversation's public face: post, withdraw, the thread as a page shows it, and what a
person has read. Domain apps call these with the subject and the library it belongs to."""

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone

from kbregeling.workflow import audit

from . import notifications, permissions
from .models import Bericht, Gelezen


class NotAllowed(Exception):
    pass


def is_open(subject) -> bool:
    """A conversation opens when the library first submits the plan or report (its first
    assessment round): before that, the reviewers do not see it."""
    return getattr(subject, "ronde", 0) > 0


def post(subject, bibliotheek_id, author, tekst, page, bijlage=None, intern=False) -> Bericht:
    """Post a message (``intern``: an internal note) and tell the other side; ``page`` is the
    path of the subject's page, for the links in the mails."""
    if not is_open(subject):
        raise NotAllowed("conversation not open")
    verdict = (permissions.can_post_internal if intern else permissions.can_post)(
        bibliotheek_id, author
    )
    if not verdict:
        raise NotAllowed(verdict.reason)
    with transaction.atomic():
        bericht = Bericht.objects.create(
            content_type=ContentType.objects.get_for_model(subject),
            object_id=subject.pk,
            bibliotheek_id=bibliotheek_id,
            auteur=author,
            kant=permissions.side_of(bibliotheek_id, author),
            tekst=tekst,
            bijlage=bijlage or "",
            bijlage_naam=(bijlage.name[:255] if bijlage else ""),
            intern=intern,
            pagina=page,
        )
        mark_read(subject, author, bericht.geplaatst_op)
        notifications.tell(bericht, str(subject))
    return bericht


def withdraw(bericht, user) -> None:
    """Take a message back: its text and file are erased; the thread shows it was withdrawn."""
    verdict = permissions.can_withdraw(bericht, user)
    if not verdict:
        raise NotAllowed(verdict.reason)
    if bericht.bijlage:
        bericht.bijlage.delete(save=False)
    bericht.tekst, bericht.bijlage_naam = "", ""
    bericht.ingetrokken_op = timezone.now()
    bericht.save(update_fields=["tekst", "bijlage", "bijlage_naam", "ingetrokken_op"])


def mark_read(subject, user, until=None, known=True) -> None:
    """The person has read the thread up to ``until`` (now). ``known=False``: they have no
    mark yet on this subject (one query either way)."""
    until = until or timezone.now()
    content_type = ContentType.objects.get_for_model(subject)
    mark = {"gebruiker": user, "content_type": content_type, "object_id": subject.pk}
    if known and Gelezen.objects.filter(**mark).update(tot=until):
        return
    try:
        with transaction.atomic():
            Gelezen.objects.create(tot=until, **mark)
    except IntegrityError:  # made meanwhile, in another tab
        Gelezen.objects.filter(**mark).update(tot=until)


def read_until(subject, user):
    return (
        Gelezen.objects.filter(
            gebruiker=user,
            content_type=ContentType.objects.get_for_model(subject),
            object_id=subject.pk,
        )
        .values_list("tot", flat=True)
        .first()
    )


def open_thread(subject, bibliotheek_id, user, history=None, now=None) -> list:
    """The messages ``user`` may read and the state changes (``history``, the subject's
    transition log, when the page has it already), oldest first, as ``(kind, item)``; and
    the thread is read now. A message by someone else newer than what the person had read
    is ``nieuw``; the author's own recent message may be withdrawn (``can_withdraw``)."""
    now = now or timezone.now()
    seen = read_until(subject, user)
    berichten = permissions.visible(
        Bericht.objects.about(subject).select_related("auteur"), bibliotheek_id, user
    )
    items = []
    for bericht in berichten:
        bericht.nieuw = bericht.auteur_id != user.pk and (
            seen is None or bericht.geplaatst_op > seen
        )
        bericht.can_withdraw = bool(permissions.can_withdraw(bericht, user, now))
        items.append(("bericht", bericht.geplaatst_op, bericht))
    if history is None:
        history = audit.history(subject)
    items += [("status", entry.at, entry) for entry in history]
    items.sort(key=lambda item: item[1])
    mark_read(subject, user, now, known=seen is not None)
    return [(kind, item) for kind, _at, item in items]


def unread_counts(user, subjects) -> dict:
    """How many messages ``user`` has not read on each subject, in one query: ``subjects``
    maps a model to ids, the answer ``(model, id)`` to a number (only those above 0). For the
    work queue and the task list."""
    types = {model: ContentType.objects.get_for_model(model) for model in subjects}
    which = Q(pk__in=[])
    for model, ids in subjects.items():
        which |= Q(content_type=types[model], object_id__in=list(ids))
    seen = Gelezen.objects.filter(
        gebruiker=user, content_type=OuterRef("content_type"), object_id=OuterRef("object_id")
    ).values("tot")[:1]
    rows = (
        Bericht.objects.filter(which, ingetrokken_op=None)
        .exclude(auteur=user)
        .annotate(seen=Subquery(seen))
        .filter(Q(seen=None) | Q(geplaatst_op__gt=F("seen")))
    )
    if not (user.is_beoordelaar or user.is_coordinator):
        rows = rows.filter(intern=False)
    elif user.is_bibliotheekmedewerker:  # never the notes on the library they work for
        rows = rows.exclude(intern=True, bibliotheek_id=user.bibliotheek_id)
    model_of = {content_type.pk: model for model, content_type in types.items()}
    counts = rows.values("content_type", "object_id").annotate(n=Count("pk")).order_by()
    return {(model_of[row["content_type"]], row["object_id"]): row["n"] for row in counts}
