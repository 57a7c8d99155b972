"""Plain helpers shared by the tests of every app (fixtures live in the conftest files)."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

# The smallest valid PDF: the bytes show a PDF, whatever the file is called.
SMALL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 248


def fresh(obj):
    """The object as the database has it now (status fields are protected from assignment)."""
    return type(obj).objects.get(pk=obj.pk)


def pdf_upload(name="overeenkomst getekend.pdf"):
    return SimpleUploadedFile(name, SMALL_PDF, content_type="application/pdf")


def docx_bytes() -> bytes:
    """A real (minimal) Word document: a zip with the parts a DOCX has."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"/>',
        )
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()
