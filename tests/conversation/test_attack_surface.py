"""The conversation under attack: URLs mixed between subjects, a withdrawn attachment asked
for again, drafts, and the people who must never hear of a message or an internal note."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from kbregeling.accounts.constants import BerichtenMail, Rol
from kbregeling.conversation import service
from kbregeling.conversation.digest import send_daily_digests
from kbregeling.conversation.models import Bericht
from kbregeling.mail.models import OutgoingMail
from rapportage.constants import RapportageStatus

from ..accounts.factories import staff_of
from ..helpers import pdf_upload
from ..licenties.factories import LicentieFactory
from ..rapportage.factories import RapportageFactory
from .conftest import page_of, say, submitted_plan, submitted_report, url

pytestmark = pytest.mark.django_db


def mails_to(user) -> str:
    return "\n".join(
        m.subject + m.body for m in OutgoingMail.objects.filter(to__contains=user.email)
    )


def test_a_withdrawn_messages_attachment_is_404_even_if_its_file_was_left_behind(
    client, subject, medewerker, kb
):
    bericht = say(subject, medewerker, "Met bijlage", bijlage=pdf_upload("plan.pdf"))
    # Withdrawn, but the file still named (a failed erase, data mended by hand).
    Bericht.objects.filter(pk=bericht.pk).update(ingetrokken_op=timezone.now())
    for user in (medewerker, kb):
        client.force_login(user)
        assert client.get(url(subject, "bericht_bijlage", bericht.pk)).status_code == 404


def test_a_message_is_found_only_under_its_own_subject(client, bibliotheek, medewerker, kb):
    plan, report = submitted_plan(bibliotheek), submitted_report(bibliotheek)
    other_plan = submitted_plan(bibliotheek)
    bericht = say(plan, medewerker, "Over het plan", bijlage=pdf_upload())
    client.force_login(medewerker)
    for subject in (report, other_plan):  # same id, same library, another subject
        assert client.get(url(subject, "bericht_bijlage", bericht.pk)).status_code == 404
        assert client.post(url(subject, "bericht_intrekken", bericht.pk)).status_code == 404
    assert Bericht.objects.get(pk=bericht.pk).ingetrokken_op is None


def test_a_draft_report_has_no_thread(client, bibliotheek, medewerker, kb):
    licentie = LicentieFactory(bibliotheek=bibliotheek)
    draft = RapportageFactory(licentie=licentie, status=RapportageStatus.CONCEPT)
    with pytest.raises(service.NotAllowed):
        say(draft, medewerker, "Te vroeg")
    client.force_login(medewerker)
    assert client.post(url(draft, "berichten"), {"bericht-tekst": "Te vroeg"}).status_code == 403
    client.force_login(kb)
    assert client.get(url(draft, "berichten")).status_code == 404
    assert not Bericht.objects.exists()


@pytest.mark.parametrize("mail", [BerichtenMail.DIRECT, BerichtenMail.DAGELIJKS])
def test_deactivated_and_another_librarys_staff_hear_of_no_message(
    subject, medewerker, kb, andere_medewerker, mail
):
    gone = staff_of(medewerker.bibliotheek, is_active=False)
    for user in (gone, andere_medewerker):
        user.berichten_mail = mail
        user.save(update_fields=["berichten_mail"])
    say(subject, kb, "Voor de bibliotheek")
    send_daily_digests()
    assert mails_to(gone) == "" and mails_to(andere_medewerker) == ""


@pytest.fixture
def staff_and_reviewer(subject, medewerker):
    """Staff of the subject's library who is also a Digisterker reviewer: on this library
    they read as its staff, so never its internal notes."""
    medewerker.groups.add(Group.objects.get_or_create(name=Rol.DIGISTERKER_BEOORDELAAR)[0])
    return type(medewerker).objects.get(pk=medewerker.pk)


@pytest.mark.parametrize("mail", [BerichtenMail.DIRECT, BerichtenMail.DAGELIJKS])
def test_staff_who_also_review_never_see_their_own_librarys_internal_notes(
    client, subject, staff_and_reviewer, kb, mail
):
    user = staff_and_reviewer
    user.berichten_mail = mail
    user.save(update_fields=["berichten_mail"])
    say(subject, kb, "INTERNE-NOTITIE", intern=True)
    send_daily_digests()

    assert "INTERNE-NOTITIE" not in mails_to(user)
    assert service.unread_counts(user, {type(subject): [subject.pk]}) == {}
    client.force_login(user)
    html = client.get(page_of(subject)).content.decode()
    assert "INTERNE-NOTITIE" not in html and "data-internal" not in html
    assert 'name="bericht-intern"' not in html
