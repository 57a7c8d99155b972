"""A letter is downloaded by whoever may see its plan, report or licence, as the same file
every time; staff of another library get 404, and every download is in the access log."""

import hashlib
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.models import AccessLogEntry
from kbregeling.letters import service as letters

from ..licenties.factories import LicentieFactory
from .conftest import KB_MOTIVATION, decide, end_licence

pytestmark = pytest.mark.django_db


def letter_url(app, subject):
    letter = letters.letters_of(subject).get()
    return reverse(f"{app}:besluitbrief", args=[subject.pk, letter.pk])


def test_every_download_is_the_same_file_rendered_once(client, approved, medewerker, fake_pdf):
    client.force_login(medewerker)
    url = letter_url("aanmelding", approved)

    first, second = client.get(url), client.get(url)

    assert first.status_code == second.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert "attachment;" in first["Content-Disposition"]
    assert first.content == second.content
    assert len(fake_pdf) == 1
    letter = letters.letters_of(approved).get()
    assert letter.sha256 == hashlib.sha256(first.content).hexdigest()


def test_the_letter_is_a_real_tagged_pdf(client, approved, medewerker):
    """WeasyPrint for real, once: a PDF/UA file with the letter's words."""
    client.force_login(medewerker)
    response = client.get(letter_url("aanmelding", approved))

    reader = PdfReader(BytesIO(response.content))
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged
    assert b"pdfuaid" in reader.xmp_metadata.stream.get_data()  # declares PDF/UA
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert letters.letters_of(approved).get().kenmerk in text
    assert KB_MOTIVATION in text


@pytest.mark.parametrize("who", ["medewerker", "kb", "digisterker", "coordinator"])
def test_the_library_reviewers_and_coordinator_download_the_plans_letter(
    client, approved, request, who, fake_pdf
):
    user = request.getfixturevalue(who)
    client.force_login(user)

    response = client.get(letter_url("aanmelding", approved))

    assert response.status_code == 200
    entry = AccessLogEntry.objects.get(kind=Kind.DECISION_LETTER)
    assert entry.user == user
    assert entry.library_id == approved.bibliotheek_id
    assert letters.letters_of(approved).get().kenmerk in entry.what


def test_staff_of_another_library_get_404_for_every_letter(
    client, approved, assessed_report, bibliotheek, kb, andere_medewerker, fake_pdf
):
    decide(assessed_report, kb, True)
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True, begindatum=date(2024, 1, 1))
    end_licence(licentie, kb)
    client.force_login(andere_medewerker)

    for app, subject in [
        ("aanmelding", approved),
        ("rapportage", assessed_report),
        ("licenties", licentie),
    ]:
        assert client.get(letter_url(app, subject)).status_code == 404, app
    assert not AccessLogEntry.objects.filter(kind=Kind.DECISION_LETTER).exists()


def test_a_letter_is_only_found_under_its_own_subject(
    client, approved, medewerker, bibliotheek, fake_pdf
):
    from ..aanmelding.factories import AanmeldingFactory

    other_plan = AanmeldingFactory(bibliotheek=bibliotheek)
    letter = letters.letters_of(approved).get()
    client.force_login(medewerker)

    url = reverse("aanmelding:besluitbrief", args=[other_plan.pk, letter.pk])
    assert client.get(url).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(client, approved):
    response = client.get(letter_url("aanmelding", approved))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_report_and_licence_letters_download_for_the_library(
    client, assessed_report, bibliotheek, medewerker, kb, fake_pdf
):
    decide(assessed_report, kb, False)
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True, begindatum=date(2024, 1, 1))
    end_licence(licentie, kb)
    client.force_login(medewerker)

    for app, subject in [("rapportage", assessed_report), ("licenties", licentie)]:
        assert client.get(letter_url(app, subject)).status_code == 200, app
    assert AccessLogEntry.objects.filter(kind=Kind.DECISION_LETTER).count() == 2


# The pages that list letters ------------------------------------------------------------------


@pytest.mark.parametrize("who", ["medewerker", "kb"])
def test_the_plan_page_lists_its_letter_with_a_download_link(client, approved, request, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("aanmelding:detail", args=[approved.pk]))

    page = response.content.decode()
    assert letters.letters_of(approved).get().kenmerk in page
    assert letter_url("aanmelding", approved) in page


def test_the_report_and_licence_pages_list_their_letters(
    client, assessed_report, bibliotheek, medewerker, kb
):
    decide(assessed_report, kb, True)
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True, begindatum=date(2024, 1, 1))
    end_licence(licentie, kb)
    client.force_login(medewerker)

    for app, subject in [("rapportage", assessed_report), ("licenties", licentie)]:
        page = client.get(reverse(f"{app}:detail", args=[subject.pk])).content.decode()
        assert letter_url(app, subject) in page, app


def test_the_plan_page_runs_one_query_for_its_letters_however_many(client, approved, kb):
    """The same number of queries without a letter and with one (a plan has at most two:
    its approval or rejection)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(kb)
    url = reverse("aanmelding:detail", args=[approved.pk])
    client.get(url)  # the session and the cached content types, once
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
        letters.letters_of(approved).delete()
    assert counts[0] == counts[1]
