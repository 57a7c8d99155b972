"""Helpers shared by the licence tests."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ..licentie_factories import SMALL_PDF


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


EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 248


@pytest.fixture
def dienst_ids(db):
    from licenties.models import Dienst

    return list(Dienst.objects.values_list("pk", flat=True)[:2])
