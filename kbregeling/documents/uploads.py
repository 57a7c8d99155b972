"""Checks for uploaded documents: the type is read from the content, never from the name, and
a PDF must be a plain document: no scripts, no automatic actions, no files hidden inside."""

import io

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MIME_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}

# What makes a PDF more than a document. Keys of any dictionary in the document:
SCRIPT_KEYS = {"/JS", "/JavaScript", "/AA", "/XFA"}  # scripts, actions run on events, XFA forms
EMBEDDED_KEYS = {"/EmbeddedFiles", "/EmbeddedFile", "/EF"}  # attachment tree, file streams
# Actions that run code, start programs or open embedded documents (a link to a web page or
# a jump to a page is an ordinary action and stays allowed).
SCRIPT_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/GoToE"}
# A very large graph is refused rather than walked for ever.
MAX_PDF_OBJECTS = 500_000


def detect_type(upload) -> str | None:
    """The document type the bytes show (``pdf``, ``docx``, ``odt``), or None."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    return kind.extension if kind else None


def validate_document(upload, allowed=("pdf", "docx", "odt")):
    limit = settings.MAX_UPLOAD_SIZE
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; at most %(limit)s is allowed.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    kind = detect_type(upload)
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if kind not in allowed or extension != kind:
        raise ValidationError(
            _(
                "Only %(types)s files are allowed. This file is not one of those, "
                "whatever its name says."
            )
            % {"types": ", ".join(t.upper() for t in allowed)},
            code="wrong_type",
        )
    if kind == "pdf":
        validate_pdf_content(upload)
    return kind


def validate_pdf_content(upload):
    """Refuse a PDF with JavaScript, automatic actions or embedded files, and one that cannot
    be read (what cannot be checked is not accepted)."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        found = pdf_risks(data)
    except EncryptedPdf:
        raise ValidationError(
            _(
                "This PDF is protected with a password, so it cannot be checked. Upload it "
                "without a password."
            ),
            code="pdf_encrypted",
        ) from None
    except Exception:  # whatever the parser trips over: what cannot be checked is refused
        raise ValidationError(
            _(
                "This PDF cannot be read. Save it again as a PDF (for example with "
                '"Print to PDF") and upload it again.'
            ),
            code="pdf_unreadable",
        ) from None
    if "script" in found:
        raise ValidationError(
            _(
                "This PDF contains JavaScript or actions that run by themselves, which is not "
                'allowed. Save it as a plain PDF (for example with "Print to PDF") and '
                "upload it again."
            ),
            code="pdf_script",
        )
    if "embedded" in found:
        raise ValidationError(
            _(
                "This PDF contains embedded files, which is not allowed. Save it as a plain "
                "PDF without attached files and upload it again."
            ),
            code="pdf_embedded_file",
        )


class EncryptedPdf(Exception):
    pass


def pdf_risks(data: bytes) -> set[str]:
    """What the PDF holds beyond a document: ``script`` and/or ``embedded``.

    Bytes alone do not tell: dictionaries may sit in compressed object streams. So the
    document is parsed and every object reachable from its catalog is visited: the name trees
    (/Names /JavaScript, /EmbeddedFiles), /OpenAction, the pages with their /AA and their
    annotations' actions, outlines and form fields alike. Raises on a file pypdf cannot read.
    """
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    if b"startxref" not in data[-2048:]:
        # No pointer to the cross-reference table: let pypdf rebuild it by scanning the
        # objects, as PDF viewers do.
        data += b"\nstartxref\n0\n%%EOF\n"
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise EncryptedPdf()
    found = set()
    stack = [reader.trailer["/Root"]]
    seen = set()
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            if len(seen) > MAX_PDF_OBJECTS:
                raise ValueError("too many objects to check")
            item = item.get_object()
        if isinstance(item, DictionaryObject):  # streams too: their dictionary, not the data
            keys = set(item.keys())
            if keys & SCRIPT_KEYS or item.get("/S") in SCRIPT_ACTIONS:
                found.add("script")
            if keys & EMBEDDED_KEYS or item.get("/Type") == "/EmbeddedFile":
                found.add("embedded")
            if _is_action(item.get("/OpenAction")):
                found.add("script")
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return found


def _is_action(open_action) -> bool:
    """An /OpenAction that does more than show a page (a destination array, or a GoTo)."""
    from pypdf.generic import DictionaryObject

    if open_action is None:
        return False
    open_action = open_action.get_object()
    return isinstance(open_action, DictionaryObject) and open_action.get("/S") != "/GoTo"
