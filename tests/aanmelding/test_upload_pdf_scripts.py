"""A PDF attachment is a plain document: JavaScript, actions that run by themselves and
embedded files are refused beside the field, and so is a PDF that cannot be read. The checks
walk the parsed document, so a script hidden in a compressed object stream is found too."""

import io
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from aanmelding import service
from aanmelding.forms import PLAN_FIELDS
from kbregeling.documents.uploads import pdf_risks

pytestmark = pytest.mark.django_db

# PDF samples ---------------------------------------------------------------------------------


def js_action(code="app.alert('hallo')"):
    return DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(code)}
    )


def build_pdf(change=None) -> bytes:
    """A one-page PDF written by pypdf; ``change(writer, page)`` adds what a test needs."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    if change:
        change(writer, page)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def open_action_script(writer, page):
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(js_action())


def document_script(writer, page):
    names = ArrayObject([TextStringObject("start"), writer._add_object(js_action())])
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): DictionaryObject({NameObject("/Names"): names})}
    )


def page_open_script(writer, page):
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): js_action()})


def link(action):
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (10, 10, 100, 30)]),
            NameObject("/A"): action,
        }
    )


def annotation_script(writer, page):
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(link(js_action()))])


def launch_action(writer, page):
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")}
    )
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(link(action))])


def attachment(writer, page):
    writer.add_attachment("factuur.exe", b"MZ\x90\x00" + b"\x00" * 64)


def web_link_and_opening_page(writer, page):
    """What a word processor writes: a link to a web page, opening at the first page."""
    uri = DictionaryObject(
        {
            NameObject("/S"): NameObject("/URI"),
            NameObject("/URI"): TextStringObject("https://www.digisterker.nl/"),
        }
    )
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(link(uri))])
    writer._root_object[NameObject("/OpenAction")] = ArrayObject(
        [page.indirect_reference, NameObject("/Fit")]
    )


def script_in_object_stream() -> bytes:
    """A PDF 1.5 whose catalog, pages and JavaScript action all sit in one Flate-compressed
    object stream, with a cross-reference stream: "/JavaScript" is nowhere in the bytes."""
    objects = {
        1: b"<</Type/Catalog/Pages 2 0 R/OpenAction 4 0 R>>",
        2: b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        3: b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>",
        4: b"<</S/JavaScript/JS(app.alert\\('hallo'\\))>>",
    }
    body, offsets = b"", []
    for number, text in objects.items():
        offsets.append(f"{number} {len(body)}".encode())
        body += text + b"\n"
    header = b" ".join(offsets) + b"\n"
    packed = zlib.compress(header + body)
    out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
    stream_at = len(out)
    out += (
        b"5 0 obj<</Type/ObjStm/N 4/First %d/Filter/FlateDecode/Length %d>>stream\n"
        % (len(header), len(packed))
        + packed
        + b"\nendstream\nendobj\n"
    )
    xref_at = len(out)
    rows = [b"\x00" + (0).to_bytes(4, "big") + b"\xff\xff"]  # object 0: free
    rows += [b"\x02" + (5).to_bytes(4, "big") + i.to_bytes(2, "big") for i in range(4)]
    rows += [b"\x01" + stream_at.to_bytes(4, "big") + b"\x00\x00"]  # the object stream
    rows += [b"\x01" + xref_at.to_bytes(4, "big") + b"\x00\x00"]  # this xref stream
    table = zlib.compress(b"".join(rows))
    out += (
        b"6 0 obj<</Type/XRef/Size 7/W[1 4 2]/Root 1 0 R/Filter/FlateDecode/Length %d>>stream\n"
        % len(table)
        + table
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at
    )
    return out


HIDDEN_SCRIPT = script_in_object_stream()


# The rule, on the PDF alone ------------------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        open_action_script,
        document_script,
        page_open_script,
        annotation_script,
        launch_action,
    ],
)
def test_a_pdf_with_javascript_or_a_self_running_action_is_found(change):
    assert pdf_risks(build_pdf(change)) == {"script"}


def test_a_pdf_with_an_embedded_file_is_found():
    assert pdf_risks(build_pdf(attachment)) == {"embedded"}


def test_a_script_inside_a_compressed_object_stream_is_found():
    assert b"/JavaScript" not in HIDDEN_SCRIPT and b"/JS" not in HIDDEN_SCRIPT
    assert pdf_risks(HIDDEN_SCRIPT) == {"script"}


def test_a_plain_pdf_with_a_web_link_and_an_opening_page_has_nothing_to_refuse():
    assert pdf_risks(build_pdf()) == set()
    assert pdf_risks(build_pdf(web_link_and_opening_page)) == set()


# The plan's attachment -----------------------------------------------------------------------


@pytest.fixture
def draft(bibliotheek, medewerker):
    return service.start(bibliotheek, by=medewerker)


def post_attachment(client, medewerker, draft, content, name="plan.pdf"):
    client.force_login(medewerker)
    data = {name: "" for name in PLAN_FIELDS if name not in ("doelgroepen", "bijlage")}
    rows = list(draft.samenwerkingen.values_list("pk", flat=True))
    data |= {
        "versie": draft.versie,
        "opslaan": "",
        "ambitie": "Zes cursussen per jaar.",
        "samenwerking-TOTAL_FORMS": len(rows),
        "samenwerking-INITIAL_FORMS": len(rows),
        "bijlage": SimpleUploadedFile(name, content, "application/pdf"),
    }
    for index, pk in enumerate(rows):
        data[f"samenwerking-{index}-id"] = pk
    for key in [k for k in data if k.startswith("verklaring_")]:
        del data[key]
    return client.post(reverse("aanmelding:edit", args=[draft.pk]), data)


def refused_with(response, draft, code):
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["bijlage"]
    assert [error.code for error in errors] == [code]
    html = response.content.decode()
    assert 'id="id_bijlage_error"' in html  # beside the field
    assert 'href="#id_bijlage"' in html  # and in the summary at the top
    assert response.context["form"]["ambitie"].value() == "Zes cursussen per jaar."
    draft.refresh_from_db()
    assert not draft.bijlage
    assert draft.ambitie == ""
    return str(errors[0].message)


@pytest.mark.parametrize(
    "change", [open_action_script, document_script, page_open_script, annotation_script]
)
def test_a_plan_attachment_with_javascript_is_refused_beside_the_field(
    client, medewerker, draft, change
):
    response = post_attachment(client, medewerker, draft, build_pdf(change))

    message = refused_with(response, draft, "pdf_script")
    assert "JavaScript" in message
    assert "PDF" in message


def test_a_plan_attachment_hiding_javascript_in_an_object_stream_is_refused(
    client, medewerker, draft
):
    response = post_attachment(client, medewerker, draft, HIDDEN_SCRIPT)

    refused_with(response, draft, "pdf_script")


def test_a_plan_attachment_with_an_embedded_file_is_refused_beside_the_field(
    client, medewerker, draft
):
    response = post_attachment(client, medewerker, draft, build_pdf(attachment))

    refused_with(response, draft, "pdf_embedded_file")


def test_a_plan_attachment_that_cannot_be_read_as_a_pdf_is_refused(client, medewerker, draft):
    broken = b"%PDF-1.7\n" + bytes(range(256)) * 40

    response = post_attachment(client, medewerker, draft, broken)

    refused_with(response, draft, "pdf_unreadable")


def test_a_plan_attachment_locked_with_a_password_is_refused(client, medewerker, draft):
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("geheim", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)

    response = post_attachment(client, medewerker, draft, buffer.getvalue())

    refused_with(response, draft, "pdf_encrypted")


def test_a_plain_plan_attachment_with_a_web_link_is_still_accepted(client, medewerker, draft):
    content = build_pdf(web_link_and_opening_page)

    response = post_attachment(client, medewerker, draft, content)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.bijlage_naam == "plan.pdf"
    with draft.bijlage.open("rb") as stored:
        assert stored.read() == content
