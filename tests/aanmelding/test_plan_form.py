"""The Plan van Aanpak form, through the edit view: drafts, submission checks, uploads,
escaping and accents. Django's own messages are checked in Dutch; the project's own messages
are checked by where they appear (beside the field and in the summary), not by their text."""

import io
import re
import zipfile
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse

from aanmelding import service
from aanmelding.constants import Advies, Doelgroep, Status
from aanmelding.forms import PLAN_FIELDS
from aanmelding.models import Aanmelding
from aanmelding.views.plan import plan_context, plan_queryset

from ..accounts.factories import staff_of
from .factories import COMPLETE_PLAN, AanmeldingFactory, BibliotheekFactory, GemeenteFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
# Django's own Dutch messages for a value out of bounds: "Zorg (ervoor) dat ...".
DUTCH_LIMIT = re.compile(r"^Zorg (ervoor )?dat ")
CHECKBOXES = {"verklaring_wsob", "verklaring_rapportage", "verklaring_good_practices"}

# The smallest well-formed PDF: a header, one empty page, a cross-reference table.
SMALL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"/>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main"><w:body/></w:document>',
        )
    return buffer.getvalue()


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # The ODF rule: "mimetype" is the first member, stored uncompressed.
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def plan_data(aanmelding, button="opslaan", samenwerking=None, **values):
    """The POST of the edit page: every plan field empty unless given, the hidden version,
    and the management form of the section-5 formset with one row per municipality."""
    data = {
        name: ""
        for name in PLAN_FIELDS
        if name not in CHECKBOXES and name not in ("doelgroepen", "bijlage")
    }
    data["versie"] = aanmelding.versie
    data[button] = ""
    rows = list(aanmelding.samenwerkingen.all())
    data |= {
        "samenwerking-TOTAL_FORMS": len(rows),
        "samenwerking-INITIAL_FORMS": len(rows),
        "samenwerking-MIN_NUM_FORMS": 0,
        "samenwerking-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        data[f"samenwerking-{index}-id"] = row.pk
        for name in ("inhoud", "werving", "financiering_status", "financiering_bedrag"):
            data[f"samenwerking-{index}-{name}"] = (samenwerking or {}).get(name, "")
    for name, value in values.items():
        if name in CHECKBOXES:
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    return data


def complete_values(**changes):
    values = {name: value for name, value in COMPLETE_PLAN.items()}
    values["doelgroepen"] = list(values["doelgroepen"])
    values.update(changes)
    return values


COMPLETE_COOPERATION = {
    "inhoud": "Paspoort aanvragen en verhuizing doorgeven.",
    "werving": "Het sociaal wijkteam verwijst door.",
    "financiering_status": "in_gesprek",
}


@pytest.fixture
def draft(bibliotheek, medewerker):
    return service.start(bibliotheek, by=medewerker)


@pytest.fixture
def staff_client(client, medewerker):
    client.force_login(medewerker)
    return client


def edit(client, aanmelding, data):
    return client.post(reverse("aanmelding:edit", args=[aanmelding.pk]), data)


def field_error(response, name) -> str:
    """The error shown beside field ``name`` (crispy's invalid-feedback block)."""
    html = response.content.decode()
    match = re.search(
        rf'<div id="id_{re.escape(name)}_error" class="invalid-feedback">(.*?)</div>', html, re.S
    )
    assert match, f"no error shown beside {name}"
    text = unescape(re.sub(r"<[^>]+>", " ", match.group(1)))
    return " ".join(text.split())  # also turns a non-breaking space into a plain one


def summary_links(response) -> dict[str, str]:
    """The error summary at the top: link target → the message after it."""
    html = response.content.decode()
    summary = re.search(r'<div [^>]*id="foutmeldingen"[^>]*>.*?</ul>', html, re.S)
    assert summary, "no error summary at the top of the page"
    return {
        target: unescape(message).strip()
        for target, message in re.findall(
            r'<li><a href="#([^"]+)" class="alert-link">.*?</a>:\s*(.*?)</li>',
            summary.group(0),
            re.S,
        )
    }


def form_value(response, name):
    return response.context["form"][name].value()


# Drafts -------------------------------------------------------------------------------------


def test_a_draft_saves_incomplete(staff_client, draft):
    response = edit(staff_client, draft, plan_data(draft, ambitie="Meer inwoners bereiken."))

    assert response.status_code == 302
    assert response["Location"] == reverse("aanmelding:edit", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.status == Status.CONCEPT
    assert draft.ambitie == "Meer inwoners bereiken."
    assert draft.locaties == ""
    assert draft.versie == 2


def test_a_draft_keeps_what_was_typed_in_section_5(staff_client, draft):
    response = edit(
        staff_client,
        draft,
        plan_data(draft, samenwerking={"inhoud": "Parkeerkaart aanvragen."}),
    )

    assert response.status_code == 302
    assert draft.samenwerkingen.get().inhoud == "Parkeerkaart aanvragen."


def test_a_complete_plan_is_submitted_from_the_form(staff_client, draft):
    response = edit(
        staff_client,
        draft,
        plan_data(draft, "indienen", samenwerking=COMPLETE_COOPERATION, **complete_values()),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("aanmelding:detail", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.status == Status.INGEDIEND
    assert draft.ronde == 1


# Submitting an incomplete plan --------------------------------------------------------------


def test_submitting_an_incomplete_plan_shows_each_missing_field_beside_it_and_in_the_summary(
    staff_client, draft
):
    typed = {"ambitie": "Samen met de gemeente de digitale kloof dichten.", "cursussen_jaar1": 4}
    response = edit(
        staff_client,
        draft,
        plan_data(draft, "indienen", samenwerking={"inhoud": "DigiD uitleggen."}, **typed),
    )

    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Status.CONCEPT
    missing = [
        "eerste_licentiejaar",
        "deelnemers_jaar1",
        "cursussen_jaar2",
        "deelnemers_jaar2",
        "locaties",
        "docenten_nu",
        "docenten_gepland",
        "docenten_type",
        "partners",
        "werving",
        "eigen_budget",
        "borging",
        "doelgroepen",
        "verklaring_wsob",
        "verklaring_rapportage",
        "verklaring_good_practices",
        "samenwerking-0-werving",
        "samenwerking-0-financiering_status",
    ]
    summary = summary_links(response)
    for name in missing:
        beside = field_error(response, name)
        assert beside, name
        # A group of checkboxes is reached through its first box.
        anchor = f"id_{name}_0" if name == "doelgroepen" else f"id_{name}"
        assert summary[anchor] == beside
    # What was complete carries no error.
    assert "id_ambitie" not in summary
    assert "id_cursussen_jaar1" not in summary
    assert "id_samenwerking-0-inhoud" not in summary


def test_every_link_in_the_error_summary_leads_to_an_element_on_the_page(staff_client, draft):
    response = edit(staff_client, draft, plan_data(draft, "indienen"))

    html = response.content.decode()
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    targets = summary_links(response)
    assert targets
    assert set(targets) <= ids, sorted(set(targets) - ids)


def test_submitting_an_incomplete_plan_keeps_everything_typed(staff_client, draft):
    typed = {
        "ambitie": "Samen met de gemeente de digitale kloof dichten.",
        "cursussen_jaar1": "4",
        "doelgroepen": [Doelgroep.SENIOREN, Doelgroep.STATUSHOUDERS],
        "verklaring_wsob": True,
        "eigen_budget": "1250.50",
    }
    response = edit(
        staff_client,
        draft,
        plan_data(draft, "indienen", samenwerking={"inhoud": "DigiD uitleggen."}, **typed),
    )

    html = response.content.decode()
    assert "Samen met de gemeente de digitale kloof dichten.</textarea>" in html
    assert 'name="cursussen_jaar1" value="4"' in html
    assert 'name="eigen_budget" value="1250.50"' in html
    assert re.search(r'name="verklaring_wsob"[^>]*checked', html)
    assert form_value(response, "doelgroepen") == [Doelgroep.SENIOREN, Doelgroep.STATUSHOUDERS]
    assert re.search(r'value="senioren"[^>]*checked', html)
    assert "DigiD uitleggen.</textarea>" in html


def test_error_messages_are_in_dutch(staff_client, draft):
    response = edit(staff_client, draft, plan_data(draft, ambitie="x" * 5001))

    assert '<html lang="nl">' in response.content.decode()
    assert DUTCH_LIMIT.match(field_error(response, "ambitie"))


# Numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, value",
    [
        ("cursussen_jaar1", "-1"),
        ("deelnemers_jaar2", "-40"),
        ("docenten_nu", "-2"),
        ("eigen_budget", "-500"),
    ],
)
def test_negative_numbers_are_refused_and_other_input_kept(staff_client, draft, name, value):
    response = edit(staff_client, draft, plan_data(draft, ambitie="Onze ambitie.", **{name: value}))

    assert response.status_code == 200
    assert DUTCH_LIMIT.match(field_error(response, name))
    assert f"id_{name}" in summary_links(response)
    assert form_value(response, "ambitie") == "Onze ambitie."
    draft.refresh_from_db()
    assert draft.ambitie == ""  # nothing half-saved


@pytest.mark.parametrize(
    "name, value",
    [
        ("deelnemers_jaar1", "10000000"),
        ("cursussen_jaar3", "50000"),
        ("eerste_licentiejaar", "1800"),
        ("eerste_licentiejaar", "3000"),
        ("eigen_budget", "99999999999"),
    ],
)
def test_absurd_numbers_are_refused_and_other_input_kept(staff_client, draft, name, value):
    response = edit(
        staff_client, draft, plan_data(draft, locaties="Wijkcentrum De Brug.", **{name: value})
    )

    assert response.status_code == 200
    assert DUTCH_LIMIT.match(field_error(response, name))
    assert form_value(response, "locaties") == "Wijkcentrum De Brug."
    assert form_value(response, name) == value
    draft.refresh_from_db()
    assert getattr(draft, name) is None


def test_a_first_licence_year_in_the_past_stops_submission(staff_client, draft):
    response = edit(
        staff_client,
        draft,
        plan_data(
            draft,
            "indienen",
            samenwerking=COMPLETE_COOPERATION,
            **complete_values(eerste_licentiejaar=2020),
        ),
    )

    assert response.status_code == 200
    assert field_error(response, "eerste_licentiejaar")
    assert "id_eerste_licentiejaar" in summary_links(response)
    draft.refresh_from_db()
    assert draft.status == Status.CONCEPT


def test_very_long_text_is_refused_with_a_clear_error(staff_client, draft):
    response = edit(
        staff_client,
        draft,
        plan_data(draft, borging="b" * 5001, partners="Humanitas."),
    )

    assert response.status_code == 200
    message = field_error(response, "borging")
    assert DUTCH_LIMIT.match(message)
    assert "5000" in message
    assert form_value(response, "partners") == "Humanitas."
    draft.refresh_from_db()
    assert draft.borging == ""


def test_text_of_exactly_the_maximum_length_is_accepted(staff_client, draft):
    response = edit(staff_client, draft, plan_data(draft, borging="b" * 5000))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert len(draft.borging) == 5000


# Attachments --------------------------------------------------------------------------------


def upload_error_code(response):
    return [error.code for error in response.context["form"].errors.as_data()["bijlage"]]


def test_an_executable_renamed_to_pdf_is_refused(staff_client, draft):
    exe = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00\x03" + b"\x00" * 500, "application/pdf")
    response = edit(staff_client, draft, plan_data(draft, ambitie="Ambitie.", bijlage=exe))

    assert response.status_code == 200
    assert upload_error_code(response) == ["wrong_type"]
    message = field_error(response, "bijlage")
    assert "PDF, DOCX, ODT" in message
    assert "id_bijlage" in summary_links(response)
    assert form_value(response, "ambitie") == "Ambitie."
    draft.refresh_from_db()
    assert not draft.bijlage
    assert not draft.bijlage_naam


def test_a_document_whose_name_does_not_match_its_content_is_refused(staff_client, draft):
    response = edit(
        staff_client,
        draft,
        plan_data(draft, bijlage=SimpleUploadedFile("plan.pdf", docx_bytes())),
    )

    assert upload_error_code(response) == ["wrong_type"]


def test_a_file_of_50_mb_is_refused_with_a_size_message(staff_client, draft):
    big = SMALL_PDF + b"0" * (50 * 1024 * 1024 - len(SMALL_PDF))
    upload = SimpleUploadedFile("groot.pdf", big, "application/pdf")
    response = edit(staff_client, draft, plan_data(draft, ambitie="Ambitie.", bijlage=upload))

    assert response.status_code == 200
    assert upload_error_code(response) == ["too_large"]
    message = field_error(response, "bijlage")
    assert "50,0 MB" in message  # the size, in Dutch number format
    assert "10,0 MB" in message  # the limit
    assert form_value(response, "ambitie") == "Ambitie."
    draft.refresh_from_db()
    assert not draft.bijlage


@pytest.mark.parametrize(
    "filename, content",
    [
        ("Plan van aanpak 2026.pdf", SMALL_PDF),
        ("plan-van-aanpak.docx", docx_bytes()),
        ("Plan Súdwest-Fryslân.odt", odt_bytes()),
    ],
)
def test_pdf_docx_and_odt_are_accepted_and_downloadable_by_the_owner(
    staff_client, draft, filename, content
):
    response = edit(
        staff_client, draft, plan_data(draft, bijlage=SimpleUploadedFile(filename, content))
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.bijlage_naam == filename

    download = staff_client.get(reverse("aanmelding:attachment", args=[draft.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    assert download["Content-Disposition"].startswith("attachment;")
    assert download.filename == filename
    download.close()


def test_an_attachment_is_stored_privately_never_under_a_public_url(staff_client, draft):
    edit(staff_client, draft, plan_data(draft, bijlage=SimpleUploadedFile("plan.pdf", SMALL_PDF)))
    draft.refresh_from_db()

    stored = Path(draft.bijlage.path).resolve()
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    collected = settings.STATIC_ROOT or settings.VAR_DIR / "staticfiles"  # set in production
    assert not stored.is_relative_to(Path(collected).resolve())
    for folder in settings.STATICFILES_DIRS:
        assert not stored.is_relative_to(Path(folder).resolve())
    # A random name on disk: the library's own file name never reaches the file system.
    assert stored.name != "plan.pdf"
    assert stored.suffix == ".pdf"
    # Nothing serves the file by its stored name, to the owner or to anyone else.
    for url in (
        "/" + draft.bijlage.name,
        "/media/" + draft.bijlage.name,
        "/" + settings.STATIC_URL.strip("/") + "/" + draft.bijlage.name,
        draft.bijlage.url if draft.bijlage.url.startswith("/") else "/" + draft.bijlage.url,
    ):
        assert staff_client.get(url).status_code == 404, url


def test_staff_of_another_library_cannot_download_the_attachment(
    staff_client, client, draft, andere_medewerker
):
    edit(staff_client, draft, plan_data(draft, bijlage=SimpleUploadedFile("plan.pdf", SMALL_PDF)))
    client.force_login(andere_medewerker)

    assert client.get(reverse("aanmelding:attachment", args=[draft.pk])).status_code == 404


# Escaping -----------------------------------------------------------------------------------


@pytest.fixture
def hostile(db):
    """A submitted plan whose library name and texts try to inject a script."""
    gemeente = GemeenteFactory(naam=f"Gemeente {SCRIPT}")
    bibliotheek = BibliotheekFactory(naam=f"Bibliotheek {SCRIPT}", werkgebied=[gemeente])
    aanmelding = AanmeldingFactory(
        bibliotheek=bibliotheek,
        compleet=True,
        status=Status.INGEDIEND,
        ambitie=f"Ambitie {SCRIPT}",
        doelgroepen=[Doelgroep.ANDERS],
        doelgroepen_anders=SCRIPT,
    )
    aanmelding.samenwerkingen.update(inhoud=f"Inhoud {SCRIPT}")
    return aanmelding


def assert_escaped(html):
    assert SCRIPT not in html
    assert "<script>alert" not in html
    assert ESCAPED_SCRIPT in html


def test_script_in_the_plan_is_shown_escaped_on_the_detail_page(client, hostile, kb):
    client.force_login(kb)
    html = client.get(reverse("aanmelding:detail", args=[hostile.pk])).content.decode()

    assert_escaped(html)
    assert f"Ambitie {ESCAPED_SCRIPT}" in html
    assert f"Inhoud {ESCAPED_SCRIPT}" in html
    assert f"Bibliotheek {ESCAPED_SCRIPT}" in html


def test_script_in_the_plan_is_shown_escaped_to_the_library_itself(client, hostile):
    client.force_login(staff_of(hostile.bibliotheek))
    assert_escaped(client.get(reverse("aanmelding:detail", args=[hostile.pk])).content.decode())
    assert_escaped(client.get(reverse("aanmelding:mine")).content.decode())
    Aanmelding.objects.filter(pk=hostile.pk).update(status=Status.CONCEPT)
    assert_escaped(client.get(reverse("aanmelding:edit", args=[hostile.pk])).content.decode())


def test_script_in_a_library_name_is_shown_escaped_on_the_dashboard(client, hostile, kb):
    client.force_login(kb)
    html = client.get(reverse("aanmelding:dashboard")).content.decode()

    assert_escaped(html)
    assert f"Bibliotheek {ESCAPED_SCRIPT}" in html


def test_script_in_the_plan_is_escaped_in_the_pdf_html(hostile):
    aanmelding = plan_queryset().get(pk=hostile.pk)
    html = render_to_string("aanmelding/pdf/plan.html", plan_context(aanmelding))

    assert_escaped(html)
    assert f"Ambitie {ESCAPED_SCRIPT}" in html
    assert f"Inhoud {ESCAPED_SCRIPT}" in html


def test_emails_are_plain_text_so_a_script_in_them_stays_inert_text(
    hostile, kb, django_capture_on_commit_callbacks
):
    """E-mails carry no HTML part: the text arrives exactly as typed, without markup that a
    mail client could run, and without entities that would garble it."""
    with django_capture_on_commit_callbacks(execute=True):
        service.advise(hostile, kb, Advies.AANVULLING_NODIG, f"Graag {SCRIPT}", Status.INGEDIEND)

    assert mail.outbox
    for message in mail.outbox:
        assert message.content_subtype == "plain"
        assert not getattr(message, "alternatives", [])
    body = mail.outbox[-1].body
    assert f"Graag {SCRIPT}" in body
    assert "&lt;" not in body


def test_a_library_name_with_a_script_stays_plain_text_in_the_email_subject(
    hostile, django_capture_on_commit_callbacks
):
    Aanmelding.objects.filter(pk=hostile.pk).update(status=Status.CONCEPT, ronde=0)
    hostile.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        service.submit(hostile, staff_of(hostile.bibliotheek))

    subjects = [message.subject for message in mail.outbox]
    assert any(f"Bibliotheek {SCRIPT}" in subject for subject in subjects)
    assert all("&lt;" not in subject and "\n" not in subject for subject in subjects)
    assert all(message.content_subtype == "plain" for message in mail.outbox)


# Accents ------------------------------------------------------------------------------------

FRYSLAN = "Súdwest-Fryslân"
LIBRARY = "Bibliotheek Súdwest-Fryslân"
AMBITION = "Cursussen in Snits, Wûnseradiel en Bolsward; één café per wijk."


@pytest.fixture
def frisian(db):
    gemeente = GemeenteFactory(cbs_code="GM1900", naam=FRYSLAN, provincie="Friesland")
    bibliotheek = BibliotheekFactory(naam=LIBRARY, werkgebied=[gemeente])
    staff = staff_of(bibliotheek)
    return service.start(bibliotheek, by=staff), staff


def test_accents_round_trip_through_form_detail_page_and_pdf(client, frisian):
    aanmelding, staff = frisian
    client.force_login(staff)
    cooperation = {"inhoud": f"Paspoort en verhuizing in {FRYSLAN}."}

    response = edit(
        client, aanmelding, plan_data(aanmelding, ambitie=AMBITION, samenwerking=cooperation)
    )
    assert response.status_code == 302
    aanmelding.refresh_from_db()
    assert aanmelding.ambitie == AMBITION
    assert aanmelding.samenwerkingen.get().inhoud == cooperation["inhoud"]

    form_html = client.get(reverse("aanmelding:edit", args=[aanmelding.pk])).content.decode()
    assert f"{AMBITION}</textarea>" in form_html
    assert f'<legend class="h5">{FRYSLAN}</legend>' in form_html

    detail = client.get(reverse("aanmelding:detail", args=[aanmelding.pk]))
    assert detail["Content-Type"] == "text/html; charset=utf-8"
    html = detail.content.decode("utf-8")
    for text in (LIBRARY, FRYSLAN, AMBITION, cooperation["inhoud"]):
        assert text in html

    pdf_html = render_to_string(
        "aanmelding/pdf/plan.html", plan_context(plan_queryset().get(pk=aanmelding.pk))
    )
    assert '<meta charset="utf-8">' in pdf_html
    for text in (LIBRARY, FRYSLAN, AMBITION, cooperation["inhoud"]):
        assert text in pdf_html


def test_accents_survive_into_the_rendered_pdf(client, frisian):
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("weasyprint")
    aanmelding, staff = frisian
    Aanmelding.objects.filter(pk=aanmelding.pk).update(ambitie=AMBITION)
    client.force_login(staff)

    response = client.get(reverse("aanmelding:pdf", args=[aanmelding.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(
        page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages
    )
    normalised = " ".join(text.split())
    assert LIBRARY in normalised
    assert "Wûnseradiel" in normalised
    assert "één café" in normalised


def test_an_incomplete_submission_still_saves_what_was_typed_as_a_draft(client, medewerker):
    from aanmelding import service as aanmelding_service

    aanmelding = aanmelding_service.start(medewerker.bibliotheek, by=medewerker)
    client.force_login(medewerker)
    data = {
        "versie": aanmelding.versie,
        "ambitie": "Zes cursussen in Súdwest-Fryslân",
        "samenwerking-TOTAL_FORMS": "0",
        "samenwerking-INITIAL_FORMS": "0",
        "indienen": "1",
    }
    rows = list(aanmelding.samenwerkingen.values_list("pk", flat=True))
    data["samenwerking-TOTAL_FORMS"] = data["samenwerking-INITIAL_FORMS"] = str(len(rows))
    for i, pk in enumerate(rows):
        data[f"samenwerking-{i}-id"] = pk
    response = client.post(reverse("aanmelding:edit", args=[aanmelding.pk]), data)

    assert response.status_code == 200
    aanmelding.refresh_from_db()
    assert aanmelding.ambitie == "Zes cursussen in Súdwest-Fryslân"
    assert aanmelding.status == "concept"
    assert f'name="versie" value="{aanmelding.versie}"' in response.content.decode()
    assert 'href="#id_eerste_licentiejaar"' in response.content.decode()


def test_a_forged_extra_municipality_row_is_ignored_not_a_server_error(client, medewerker):
    from aanmelding import service as aanmelding_service

    aanmelding = aanmelding_service.start(medewerker.bibliotheek, by=medewerker)
    client.force_login(medewerker)
    rows = list(aanmelding.samenwerkingen.values_list("pk", flat=True))
    data = {
        "versie": aanmelding.versie,
        "samenwerking-TOTAL_FORMS": str(len(rows) + 1),
        "samenwerking-INITIAL_FORMS": str(len(rows)),
        f"samenwerking-{len(rows)}-inhoud": "Een gemeente die niet in het werkgebied ligt",
        "opslaan": "1",
    }
    for i, pk in enumerate(rows):
        data[f"samenwerking-{i}-id"] = pk

    response = client.post(reverse("aanmelding:edit", args=[aanmelding.pk]), data)

    assert response.status_code in (200, 302)
    assert aanmelding.samenwerkingen.count() == len(rows)
