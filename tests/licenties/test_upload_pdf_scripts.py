"""The signed agreement is a plain PDF too: one with JavaScript or embedded files, or one that
cannot be read, is refused beside the field and nothing is recorded."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from licenties.models import Overeenkomst

from ..aanmelding.factories import BibliotheekFactory, GemeenteFactory
from ..aanmelding.test_upload_pdf_scripts import (
    HIDDEN_SCRIPT,
    attachment,
    build_pdf,
    open_action_script,
    web_link_and_opening_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def bib():
    return BibliotheekFactory(werkgebied=[GemeenteFactory(), GemeenteFactory()])


def post_agreement(client, digisterker, bib, dienst_ids, content):
    client.force_login(digisterker)
    data = {
        "diensten": dienst_ids,
        "gemeenten": [g.pk for g in bib.werkgebied.all()],
        "getekend_op": "2026-10-01",
        "document": SimpleUploadedFile("getekend.pdf", content, "application/pdf"),
        "opmerkingen": "Maatwerkmodule voor beide gemeenten.",
        "versie": 1,
    }
    return client.post(reverse("licenties:agreement", args=[bib.pk]), data)


@pytest.mark.parametrize(
    "content, code",
    [
        (build_pdf(open_action_script), "pdf_script"),
        (HIDDEN_SCRIPT, "pdf_script"),
        (build_pdf(attachment), "pdf_embedded_file"),
        (b"%PDF-1.7\n" + b"\x00\xff" * 2000, "pdf_unreadable"),
    ],
    ids=["open-action-script", "script-in-object-stream", "embedded-file", "unreadable"],
)
def test_a_signed_agreement_with_javascript_or_embedded_files_is_refused(
    client, digisterker, bib, dienst_ids, content, code
):
    response = post_agreement(client, digisterker, bib, dienst_ids, content)

    assert response.status_code == 200
    form = response.context["form"]
    assert [error.code for error in form.errors.as_data()["document"]] == [code]
    assert 'id="id_document_error"' in response.content.decode()
    assert form["opmerkingen"].value() == "Maatwerkmodule voor beide gemeenten."
    assert not Overeenkomst.objects.exists()


def test_a_plain_signed_agreement_pdf_is_still_accepted(client, digisterker, bib, dienst_ids):
    response = post_agreement(
        client, digisterker, bib, dienst_ids, build_pdf(web_link_and_opening_page)
    )

    assert response.status_code == 302
    assert Overeenkomst.objects.get().document_naam == "getekend.pdf"
