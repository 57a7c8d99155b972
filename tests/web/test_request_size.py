"""A request body over the limit is refused before it is read, with the Dutch 400 page: an
upload far over the attachment limit never reaches the disk. A file just over the attachment
limit still gets the size beside the field, with what was typed kept (tests/aanmelding)."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aanmelding import service
from aanmelding.models import Aanmelding

pytestmark = pytest.mark.django_db


def test_the_body_limit_leaves_room_for_an_attachment_at_its_limit_and_the_form():
    assert settings.MAX_REQUEST_BODY_SIZE > (
        settings.MAX_UPLOAD_SIZE + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    )


def test_an_upload_over_the_body_limit_is_refused_early_with_the_dutch_400_page(
    client, medewerker, bibliotheek, settings, monkeypatch
):
    settings.MAX_REQUEST_BODY_SIZE = settings.MAX_UPLOAD_SIZE + 64 * 1024
    draft = service.start(bibliotheek, by=medewerker)
    client.force_login(medewerker)
    read = []
    monkeypatch.setattr(
        "django.http.multipartparser.MultiPartParser.parse",
        lambda parser: read.append(parser) or pytest.fail("the body was read"),
    )
    upload = SimpleUploadedFile(
        "groot.pdf", b"%PDF-1.4\n" + b"0" * settings.MAX_REQUEST_BODY_SIZE, "application/pdf"
    )

    response = client.post(
        reverse("aanmelding:edit", args=[draft.pk]),
        {"versie": draft.versie, "opslaan": "", "ambitie": "Onze ambitie.", "bijlage": upload},
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "bijlage" in html and "Terug" in html
    assert "Bad Request" not in html
    assert not read
    fresh = Aanmelding.objects.get(pk=draft.pk)
    assert fresh.ambitie == "" and not fresh.bijlage
