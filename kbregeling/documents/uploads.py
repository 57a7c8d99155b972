"""Checks for uploaded documents: the type is read from the content, never from the name."""

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
    return kind
