"""Posting, withdrawing, attachments and unread marks of the conversation."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from aanmelding.constants import Status
from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.models import AccessLogEntry
from kbregeling.conversation import service
from kbregeling.conversation.models import Bericht, Gelezen

from ..aanmelding.factories import AanmeldingFactory
from ..helpers import EXE_BYTES, pdf_upload
from .conftest import page_of, say, url

pytestmark = pytest.mark.django_db


def write(client, subject, tekst="Hoe staat het ermee?", **extra):
    data = {"bericht-tekst": tekst} | {f"bericht-{k}": v for k, v in extra.items()}
    return client.post(url(subject, "berichten"), data)


def test_library_staff_post_and_land_back_on_the_conversation(client, subject, medewerker):
    client.force_login(medewerker)
    response = write(client, subject)
    assert response.status_code == 302
    assert response.url == page_of(subject) + "#gesprek"
    bericht = Bericht.objects.get()
    assert (bericht.kant, bericht.intern, bericht.auteur) == ("bibliotheek", False, medewerker)


def test_the_coordinator_may_not_post(client, subject, coordinator):
    client.force_login(coordinator)
    assert write(client, subject).status_code == 403
    assert not Bericht.objects.exists()


def test_staff_of_another_library_get_404(client, subject, andere_medewerker):
    client.force_login(andere_medewerker)
    assert write(client, subject).status_code == 404
    assert client.get(url(subject, "berichten")).status_code == 404
    assert not Bericht.objects.exists()


def test_the_library_cannot_post_an_internal_note_even_by_forging_the_field(
    client, subject, medewerker
):
    client.force_login(medewerker)
    write(client, subject, intern="on")
    assert Bericht.objects.get().intern is False
    with pytest.raises(service.NotAllowed):
        say(subject, medewerker, "stiekem", intern=True)


def test_a_reviewer_posts_an_internal_note(client, subject, kb):
    client.force_login(kb)
    write(client, subject, "Alleen voor ons", intern="on")
    assert Bericht.objects.get().intern is True


def test_the_conversation_starts_once_the_plan_is_submitted(client, bibliotheek, medewerker):
    draft = AanmeldingFactory(bibliotheek=bibliotheek, status=Status.CONCEPT)
    client.force_login(medewerker)
    assert write(client, draft).status_code == 403
    assert 'name="bericht-tekst"' not in client.get(page_of(draft)).content.decode()


def test_an_empty_message_comes_back_with_the_error_summary(client, subject, medewerker):
    client.force_login(medewerker)
    response = write(client, subject, "")
    assert response.status_code == 200
    assert 'id="foutmeldingen"' in response.content.decode()
    assert not Bericht.objects.exists()


def test_an_attachment_of_the_wrong_type_is_refused_and_the_text_kept(client, subject, medewerker):
    client.force_login(medewerker)
    exe = SimpleUploadedFile("plan.pdf", EXE_BYTES, content_type="application/pdf")
    response = write(client, subject, "Met bijlage", bijlage=exe)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="foutmeldingen"' in html and "Met bijlage" in html
    assert not Bericht.objects.exists()


def test_an_attachment_download_is_checked_and_logged(
    client, subject, medewerker, kb, andere_medewerker
):
    client.force_login(medewerker)
    write(client, subject, "Zie bijlage", bijlage=pdf_upload("begroting.pdf"))
    bericht = Bericht.objects.get()
    assert bericht.bijlage_naam == "begroting.pdf"
    assert "begroting" not in bericht.bijlage.name  # stored under a random name
    attachment = url(subject, "bericht_bijlage", bericht.pk)

    client.force_login(kb)
    response = client.get(attachment)
    assert response.status_code == 200
    assert "begroting.pdf" in response["Content-Disposition"]
    entry = AccessLogEntry.objects.get(kind=Kind.MESSAGE_ATTACHMENT)
    assert (entry.user, entry.library_id) == (kb, subject.bibliotheek_id)

    client.force_login(andere_medewerker)
    assert client.get(attachment).status_code == 404


def test_the_library_gets_404_for_an_internal_notes_attachment(client, subject, kb, medewerker):
    note = say(subject, kb, "Intern", intern=True, bijlage=pdf_upload())
    client.force_login(medewerker)
    assert client.get(url(subject, "bericht_bijlage", note.pk)).status_code == 404
    assert client.post(url(subject, "bericht_intrekken", note.pk)).status_code == 404


def test_the_author_withdraws_within_15_minutes_leaving_only_a_mark(client, subject, medewerker):
    bericht = say(subject, medewerker, "Oeps, verkeerde tekst", bijlage=pdf_upload())
    client.force_login(medewerker)
    response = client.post(url(subject, "bericht_intrekken", bericht.pk))
    assert response.status_code == 302
    bericht.refresh_from_db()
    assert bericht.ingetrokken_op and bericht.tekst == "" and not bericht.bijlage
    html = client.get(page_of(subject)).content.decode()
    assert "Oeps" not in html
    assert "Bericht ingetrokken" in html


def test_a_message_cannot_be_withdrawn_after_15_minutes(client, subject, medewerker):
    bericht = say(subject, medewerker, "Blijft staan")
    Bericht.objects.filter(pk=bericht.pk).update(
        geplaatst_op=timezone.now() - timedelta(minutes=16)
    )
    client.force_login(medewerker)
    assert client.post(url(subject, "bericht_intrekken", bericht.pk)).status_code == 403
    assert Bericht.objects.get(pk=bericht.pk).tekst == "Blijft staan"


def test_only_the_author_withdraws(client, subject, medewerker, collega, kb):
    bericht = say(subject, medewerker, "Van mij")
    for other in (collega, kb):
        client.force_login(other)
        assert client.post(url(subject, "bericht_intrekken", bericht.pk)).status_code == 403
    assert Bericht.objects.get(pk=bericht.pk).ingetrokken_op is None


def test_new_messages_are_marked_until_the_person_has_seen_them(client, subject, medewerker, kb):
    say(subject, kb, "Nieuw voor de bibliotheek")
    client.force_login(medewerker)
    first = client.get(page_of(subject)).content.decode()
    assert first.count("data-new") == 1
    assert Gelezen.objects.filter(gebruiker=medewerker).exists()
    second = client.get(page_of(subject)).content.decode()
    assert "data-new" not in second


def test_unread_counts_per_subject_in_one_query(subject, medewerker, kb, django_assert_num_queries):
    say(subject, medewerker, "Eigen bericht telt niet")
    say(subject, kb, "Een")
    say(subject, kb, "Intern", intern=True)
    model = type(subject)
    service.unread_counts(medewerker, {model: [subject.pk]})  # caches the content type
    with django_assert_num_queries(1):
        counts = service.unread_counts(medewerker, {model: [subject.pk, 0]})
    assert counts == {(model, subject.pk): 1}
    service.mark_read(subject, medewerker)
    assert service.unread_counts(medewerker, {model: [subject.pk]}) == {}


def test_an_anonymised_author_reads_as_former_staff(client, subject, medewerker, kb):
    from kbregeling.accounts.retention import anonymise

    say(subject, medewerker, "Van iemand die vertrok")
    anonymise(medewerker, timezone.now())
    client.force_login(kb)
    html = client.get(page_of(subject)).content.decode()
    assert "Van iemand die vertrok" in html
    assert "voormalig medewerker" in html
