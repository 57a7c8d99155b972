"""Who sees which message where: the detail page, the mails of the outbox, the PDFs.

The library's staff see the messages, never the internal notes; the reviewers of both
parties and the coordinator see both; staff of another library get 404. Mails go to the
other side only, internal notes only to the other party's reviewers. No PDF holds either."""

import pytest
from django.template.loader import render_to_string

from aanmelding.views.plan import plan_context
from kbregeling.mail.models import OutgoingMail
from rapportage.views.report_pdf import report_context, report_queryset

from .conftest import page_of, say

pytestmark = pytest.mark.django_db

BY_LIBRARY, BY_KB, NOTE = "PUBLIEK-VAN-BIBLIOTHEEK", "PUBLIEK-VAN-KB", "INTERNE-NOTITIE-VAN-KB"
ALL = {BY_LIBRARY, BY_KB, NOTE}

# viewer: (status of the detail page, texts on it, texts in the mails to them)
TABLE = {
    "own_staff": (200, {BY_LIBRARY, BY_KB}, {BY_KB}),
    "other_staff": (404, set(), set()),
    "kb_reviewer": (200, ALL, {BY_LIBRARY}),
    "digisterker_reviewer": (200, ALL, ALL),
    "coordinator": (200, ALL, set()),
    "anonymous": (302, set(), set()),
}


@pytest.fixture
def thread(subject, medewerker, kb, viewers):
    """The library writes, KB answers and adds an internal note."""
    say(subject, medewerker, BY_LIBRARY)
    say(subject, kb, BY_KB)
    say(subject, kb, NOTE, intern=True)
    return subject


@pytest.fixture
def viewers(collega, andere_medewerker, kb_collega, digisterker, coordinator):
    return {
        "own_staff": collega,
        "other_staff": andere_medewerker,
        "kb_reviewer": kb_collega,
        "digisterker_reviewer": digisterker,
        "coordinator": coordinator,
        "anonymous": None,
    }


def mails_to(user) -> str:
    if user is None:
        return ""
    return "\n".join(
        m.subject + m.body for m in OutgoingMail.objects.filter(to__contains=user.email)
    )


@pytest.mark.parametrize("viewer", TABLE)
def test_each_role_sees_exactly_its_messages_on_the_page_and_in_its_mails(
    client, thread, viewers, viewer
):
    status, on_page, mailed = TABLE[viewer]
    user = viewers[viewer]
    if user:
        client.force_login(user)

    response = client.get(page_of(thread))

    assert response.status_code == status
    html = response.content.decode() if status == 200 else ""
    assert {text for text in ALL if text in html} == on_page
    mail = mails_to(user)
    assert {text for text in ALL if text in mail} == mailed


def test_the_library_never_sees_internal_notes_nor_their_existence(client, thread, collega):
    client.force_login(collega)
    html = client.get(page_of(thread)).content.decode()
    assert "data-internal" not in html
    assert NOTE not in mails_to(collega)


def test_an_internal_note_is_marked_as_such_for_the_reviewers(client, thread, digisterker):
    client.force_login(digisterker)
    html = client.get(page_of(thread)).content.decode()
    assert html.count("data-internal") == 1
    mail = OutgoingMail.objects.get(body__contains=NOTE)
    assert mail.to.split() == [digisterker.email]
    assert "interne notitie" in (mail.subject + mail.body).lower()


def test_nobody_is_mailed_their_own_message_and_the_coordinator_never(
    thread, medewerker, kb, coordinator
):
    assert BY_LIBRARY not in mails_to(medewerker)
    assert BY_KB not in mails_to(kb) and NOTE not in mails_to(kb)
    assert mails_to(coordinator) == ""


def test_the_coordinator_reads_the_thread_without_a_form(client, thread, coordinator):
    client.force_login(coordinator)
    html = client.get(page_of(thread)).content.decode()
    assert NOTE in html
    assert 'name="bericht-tekst"' not in html


def test_no_pdf_holds_a_message_or_a_note(thread):
    if thread._meta.app_label == "aanmelding":
        html = render_to_string("aanmelding/pdf/plan.html", plan_context(thread))
    else:
        html = render_to_string(
            "rapportage/pdf/rapportage.html", report_context(report_queryset().get(pk=thread.pk))
        )
    assert "<html" in html.lower()
    assert not any(text in html for text in ALL)
