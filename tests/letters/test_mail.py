"""The outcome mail carries its decision letter and names its reference; a letter that
cannot be attached is a failed attempt the outbox records and tries again."""

import pytest

from aanmelding import service
from aanmelding.constants import Advies
from kbregeling.letters import service as letters
from kbregeling.mail import outbox
from kbregeling.mail.models import OutgoingMail

from ..licenties.factories import LicentieFactory
from .conftest import DIGISTERKER_MOTIVATION, KB_MOTIVATION, advise, decide, end_licence

pytestmark = pytest.mark.django_db


def library_mail(mailoutbox, bibliotheek):
    (mail,) = [m for m in mailoutbox if bibliotheek.contact_email in m.to]
    return mail


def test_the_approval_mail_carries_the_letter(
    mailoutbox, mail_on_commit, ingediend, kb, digisterker, bibliotheek
):
    """WeasyPrint for real: the attached file is the letter's PDF, kept for every download."""
    advise(ingediend, kb, Advies.POSITIEF, KB_MOTIVATION)
    with mail_on_commit():
        advise(ingediend, digisterker, Advies.POSITIEF, DIGISTERKER_MOTIVATION)

    mail = library_mail(mailoutbox, bibliotheek)
    letter = letters.letters_of(ingediend).get()
    assert letter.kenmerk in mail.body
    ((filename, content, mimetype),) = mail.attachments
    assert (filename, mimetype) == (letter.filename, "application/pdf")
    assert content.startswith(b"%PDF")
    assert content == letters.pdf_bytes(letter)


@pytest.mark.parametrize("verlengen", [True, False])
def test_the_renewal_mail_carries_the_letter(
    mailoutbox, mail_on_commit, assessed_report, kb, bibliotheek, fake_pdf, verlengen
):
    with mail_on_commit():
        decide(assessed_report, kb, verlengen)

    mail = library_mail(mailoutbox, bibliotheek)
    letter = letters.letters_of(assessed_report).get()
    assert letter.kenmerk in mail.body
    assert [a[0] for a in mail.attachments] == [letter.filename]


def test_ending_a_licence_tells_the_library_with_the_letter(
    mailoutbox, mail_on_commit, bibliotheek, kb, fake_pdf
):
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True)
    with mail_on_commit():
        end_licence(licentie, kb, "De bibliotheek geeft geen cursussen meer.")

    mail = library_mail(mailoutbox, bibliotheek)
    assert "De bibliotheek geeft geen cursussen meer." in mail.body
    assert [a[0] for a in mail.attachments] == [letters.letters_of(licentie).get().filename]


def test_only_the_outcome_mail_to_the_library_carries_the_letter(
    mailoutbox, mail_on_commit, concept, medewerker, kb, digisterker, fake_pdf
):
    with mail_on_commit():
        service.submit(concept, medewerker)  # the library and both parties hear of it
        advise(concept, kb, Advies.NEGATIEF, "KB: de begroting ontbreekt.")

    assert len(mailoutbox) == 4
    assert [bool(m.attachments) for m in mailoutbox] == [False, False, False, True]


def test_a_letter_that_cannot_be_attached_is_a_failed_attempt_tried_again(
    mailoutbox, mail_on_commit, monkeypatch, ingediend, kb, bibliotheek
):
    def broken(html):
        raise OSError("no fonts")

    monkeypatch.setattr("kbregeling.letters.service.render_pdf", broken)
    with mail_on_commit():
        advise(ingediend, kb, Advies.NEGATIEF, "KB: de begroting ontbreekt.")

    mail = OutgoingMail.objects.exclude(attachments=[]).get()
    assert mail.sent_at is None and mail.attempts == 1
    assert "no fonts" in mail.last_error
    assert mailoutbox == []

    monkeypatch.setattr("kbregeling.letters.service.render_pdf", lambda html: b"%PDF-1.7 ok")
    OutgoingMail.objects.filter(pk=mail.pk).update(last_attempt_at=None, attempts=0)
    assert outbox.send(mail.pk)
    assert library_mail(mailoutbox, bibliotheek).attachments[0][1] == b"%PDF-1.7 ok"
