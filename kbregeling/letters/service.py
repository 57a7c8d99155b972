"""The letters' public face: the deciding apps make a letter in the decision's transaction
(``make_letter``), list and serve it (``letters_of``, ``letter_of_subject``, ``response``);
the outbox attaches it (``attachment``).

The HTML is rendered once, when the decision is taken, and kept. The PDF is rendered from
that HTML the first time someone needs it (the outcome mail, or a download) and kept with
its SHA-256: a decision costs no WeasyPrint run, and every later download serves the same
bytes, whatever templates or settings say by then."""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.utils import timezone, translation

from kbregeling.accounts.constants import Partij
from kbregeling.documents.pdf import pdf_download, render_html, render_pdf

from .constants import Soort
from .models import Besluitbrief

__all__ = [
    "ATTACHMENT",
    "Besluitbrief",
    "Soort",
    "addressee",
    "attachment",
    "attachment_file",
    "letter_of",
    "letter_of_subject",
    "letters_of",
    "mail_extra",
    "make_letter",
    "motivation",
    "objection_clause",
    "pdf_bytes",
    "response",
]

#: The name under which the outbox knows how to attach a letter (``outbox.register_attachment``).
ATTACHMENT = "besluitbrief"
TEMPLATE = "letters/besluitbrief.html"
KENMERK = "KB/DS/{year}/{number:04d}"
# Two decisions at once may pick the same next number: the loser tries the next one.
NUMBER_ATTEMPTS = 5

DUTCH_NUMBERS = [
    *("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"),
    *("tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien"),
]


def _period(weeks: int) -> str:
    """ "zes weken", "één week": the objection period as the Awb letters write it."""
    if weeks == 1:
        return "één week"
    word = DUTCH_NUMBERS[weeks] if 0 <= weeks < len(DUTCH_NUMBERS) else str(weeks)
    return f"{word} weken"


def objection_clause() -> str:
    """The objection clause as the settings say now; empty when KB does not apply one."""
    if not settings.DECISION_LETTER_OBJECTION:
        return ""
    return settings.DECISION_LETTER_OBJECTION_TEXT.format(
        period=_period(settings.DECISION_LETTER_OBJECTION_WEEKS),
        weeks=settings.DECISION_LETTER_OBJECTION_WEEKS,
        address=settings.DECISION_LETTER_OBJECTION_ADDRESS,
    )


def addressee(bibliotheek) -> dict:
    """The library a letter goes to, as the letter's address block shows it."""
    fields = ("naam", "contactpersoon", "adres", "postcode", "plaats")
    return {field: getattr(bibliotheek, field, "") for field in fields}


def motivation(partij, tekst, advies="") -> dict:
    """One party's motivation as the letter shows it; ``partij`` is a ``Partij``."""
    return {"partij": Partij(partij).full_name, "advies": advies, "tekst": tekst}


def letters_of(subject):
    """The letters on a plan, report or licence, oldest first (one query)."""
    return Besluitbrief.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
    )


def letter_of(subject, soort) -> Besluitbrief | None:
    return letters_of(subject).filter(soort=soort).first()


def mail_extra(soorts):
    """For ``notify.transition_notifier(extra=...)``: the outcome mail of a target state in
    ``soorts`` (state → ``Soort``) names the letter (``letter`` in its template) and carries
    it. The letter was made by a receiver connected before the notifier."""

    def extra(instance, target):
        letter = letter_of(instance, soorts[target]) if target in soorts else None
        if letter is None:
            return {}, ()
        return {"letter": letter}, [attachment(letter)]

    return extra


def letter_of_subject(subject, pk) -> Besluitbrief:
    """Letter ``pk`` if it is about ``subject`` (which the caller may see); 404 else."""
    letter = letters_of(subject).filter(pk=pk).first()
    if letter is None:
        raise Http404
    return letter


def _next_number(year) -> int:
    latest = Besluitbrief.objects.filter(jaar=year).aggregate(n=Max("volgnummer"))["n"]
    return (latest or 0) + 1


def _render(context, kenmerk, datum, clause) -> str:
    sender = [line.strip() for line in settings.DECISION_LETTER_SENDER.split(";")]
    with translation.override(settings.LANGUAGE_CODE):
        return render_html(
            TEMPLATE,
            context
            | {
                "kenmerk": kenmerk,
                "datum": datum,
                "bezwaar": clause,
                "sender": sender,
                "contact": settings.DECISION_LETTER_CONTACT,
            },
        )


def make_letter(subject, soort, bibliotheek_id, context, datum=None) -> Besluitbrief:
    """The letter on ``subject``'s decision ``soort``, made now in the caller's transaction;
    the letter already made when the decision was recorded before. ``context()`` returns
    what the template ``letters/besluitbrief.html`` shows (``addressee``, ``onderwerp``,
    ``besluit``, ``motiveringen``, ``besluit_motivering``, ``vervolg``); it is called in the
    letters' language, only for a new letter. Numbered ``KB/DS/<year>/<n>`` in order within
    the year of ``datum`` (today)."""
    existing = letter_of(subject, soort)
    if existing:
        return existing
    datum = datum or timezone.localdate()
    clause = objection_clause()
    with translation.override(settings.LANGUAGE_CODE):
        context = context()
    for _attempt in range(NUMBER_ATTEMPTS):
        number = _next_number(datum.year)
        kenmerk = KENMERK.format(year=datum.year, number=number)
        try:
            with transaction.atomic():
                return Besluitbrief.objects.create(
                    content_type=ContentType.objects.get_for_model(subject),
                    object_id=subject.pk,
                    bibliotheek_id=bibliotheek_id,
                    soort=soort,
                    jaar=datum.year,
                    volgnummer=number,
                    kenmerk=kenmerk,
                    datum=datum,
                    bezwaarclausule=bool(clause),
                    html=_render(context, kenmerk, datum, clause),
                )
        except IntegrityError:
            existing = letter_of(subject, soort)
            if existing:  # the same decision, recorded at the same moment
                return existing
    raise IntegrityError(f"No free letter number in {datum.year} after {NUMBER_ATTEMPTS} tries")


def pdf_bytes(letter) -> bytes:
    """The letter's PDF: rendered from its frozen HTML the first time, then always the kept
    file."""
    if not letter.pdf:
        with transaction.atomic():
            letter = Besluitbrief.objects.select_for_update().get(pk=letter.pk)
            if not letter.pdf:  # nobody rendered it while this one waited for the lock
                data = render_pdf(letter.html)
                letter.sha256 = hashlib.sha256(data).hexdigest()
                letter.pdf.save("besluitbrief.pdf", ContentFile(data), save=False)
                letter.save(update_fields=["pdf", "sha256"])
                return data
    with letter.pdf.open("rb") as stored:
        return stored.read()


def response(letter) -> HttpResponse:
    """The download of a letter; the caller checked permission and wrote the access log."""
    return pdf_download(pdf_bytes(letter), letter.filename)


def attachment(letter) -> tuple[str, str]:
    """What the outbox records to attach ``letter`` to a mail."""
    return (ATTACHMENT, str(letter.pk))


def attachment_file(key) -> tuple[str, bytes, str]:
    """The outbox's provider: (filename, bytes, mimetype) of letter ``key``."""
    letter = Besluitbrief.objects.get(pk=int(key))
    return letter.filename, pdf_bytes(letter), "application/pdf"
