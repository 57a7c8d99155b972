"""The agreement with Stichting Digisterker: Digisterker records, edits and signs it; the
library reads it and downloads the signed PDF; nobody else edits it, no other library sees it."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext

from kbregeling.workflow.audit import history
from kbregeling.workflow.runner import StaleState
from licenties.constants import OvereenkomstStatus
from licenties.forms import OUTSIDE_WERKGEBIED
from licenties.models import Overeenkomst

from ..aanmelding.factories import BibliotheekFactory, GemeenteFactory
from ..helpers import EXE_BYTES, SMALL_PDF, docx_bytes, fresh, pdf_upload
from .factories import LicentieFactory, OvereenkomstFactory

pytestmark = pytest.mark.django_db


def agreement_url(bibliotheek):
    return reverse("licenties:agreement", args=[bibliotheek.pk])


def form_data(bibliotheek, dienst_ids, **overrides):
    data = {
        "diensten": dienst_ids,
        "gemeenten": [g.pk for g in bibliotheek.werkgebied.all()],
        "getekend_op": "2026-10-01",
        "document": pdf_upload(),
        "opmerkingen": "Maatwerkmodule voor beide gemeenten.",
        "versie": 1,
    }
    data.update(overrides)
    return data


def snapshot(overeenkomst):
    overeenkomst = fresh(overeenkomst)
    return (
        overeenkomst.status,
        overeenkomst.versie,
        overeenkomst.opmerkingen,
        overeenkomst.getekend_op,
        overeenkomst.document.name,
        sorted(overeenkomst.gemeenten.values_list("pk", flat=True)),
        sorted(overeenkomst.diensten.values_list("pk", flat=True)),
    )


@pytest.fixture
def twee_gemeenten():
    return [GemeenteFactory(), GemeenteFactory()]


@pytest.fixture
def bib(twee_gemeenten):
    return BibliotheekFactory(werkgebied=twee_gemeenten)


# Recording and editing --------------------------------------------------------------------


def test_digisterker_records_the_agreement_with_services_municipalities_and_signed_pdf(
    client, digisterker, bib, twee_gemeenten, dienst_ids
):
    client.force_login(digisterker)
    data = form_data(bib, dienst_ids, gemeenten=[twee_gemeenten[0].pk])

    response = client.post(agreement_url(bib), data)

    assert response.status_code == 302
    assert response.url == reverse("licenties:library", args=[bib.pk])
    overeenkomst = Overeenkomst.objects.get(bibliotheek=bib)
    assert overeenkomst.status == OvereenkomstStatus.CONCEPT  # recorded, not yet signed
    assert sorted(overeenkomst.diensten.values_list("pk", flat=True)) == sorted(dienst_ids)
    assert list(overeenkomst.gemeenten.all()) == [twee_gemeenten[0]]
    assert overeenkomst.getekend_op == date(2026, 10, 1)
    assert overeenkomst.opmerkingen == "Maatwerkmodule voor beide gemeenten."
    assert overeenkomst.document_naam == "overeenkomst getekend.pdf"
    with overeenkomst.document.open("rb") as stored:
        assert stored.read() == SMALL_PDF
    assert overeenkomst.document.name.endswith(".pdf")
    assert "getekend" not in overeenkomst.document.name  # the user's file name is not used


def test_digisterker_edits_the_agreement_and_its_version_goes_up(
    client, digisterker, bib, dienst_ids
):
    overeenkomst = OvereenkomstFactory(bibliotheek=bib, getekend=True)
    client.force_login(digisterker)
    page = client.get(agreement_url(bib))
    assert page.status_code == 200
    assert page.context["form"]["versie"].value() == 1

    data = form_data(bib, dienst_ids, opmerkingen="Werkboeken erbij.")
    del data["document"]  # keep the document already there
    response = client.post(agreement_url(bib), data)

    assert response.status_code == 302
    edited = fresh(overeenkomst)
    assert edited.opmerkingen == "Werkboeken erbij."
    assert edited.versie == 2
    assert edited.document.name == overeenkomst.document.name
    assert edited.status == OvereenkomstStatus.GETEKEND


def test_stale_agreement_version_gives_409_and_saves_nothing(client, digisterker, bib, dienst_ids):
    overeenkomst = OvereenkomstFactory(bibliotheek=bib, opmerkingen="Origineel.")
    client.force_login(digisterker)
    first = form_data(bib, dienst_ids, opmerkingen="Eerste collega.", versie=1)
    assert client.post(agreement_url(bib), first).status_code == 302
    before = snapshot(overeenkomst)

    # A second reviewer loaded the form at version 1 too, and saves later.
    second = form_data(bib, [], opmerkingen="Tweede collega.", gemeenten=[], versie=1)
    response = client.post(agreement_url(bib), second)

    assert response.status_code == 409
    assert response.context["form"].non_field_errors() == [str(StaleState())]
    assert snapshot(overeenkomst) == before
    assert fresh(overeenkomst).opmerkingen == "Eerste collega."


def test_agreement_refuses_municipalities_outside_the_library_werkgebied(
    client, digisterker, bib, dienst_ids
):
    elsewhere = GemeenteFactory()  # served by another library
    BibliotheekFactory(werkgebied=[elsewhere])
    client.force_login(digisterker)
    data = form_data(bib, dienst_ids, gemeenten=[bib.werkgebied.first().pk, elsewhere.pk])

    response = client.post(agreement_url(bib), data)

    assert response.status_code == 200
    assert response.context["form"].errors["gemeenten"] == [str(OUTSIDE_WERKGEBIED)]
    assert str(OUTSIDE_WERKGEBIED) in response.content.decode()
    assert not Overeenkomst.objects.exists()


def test_editing_an_agreement_with_a_foreign_municipality_changes_nothing(
    client, digisterker, bib, dienst_ids
):
    overeenkomst = OvereenkomstFactory(bibliotheek=bib)
    before = snapshot(overeenkomst)
    client.force_login(digisterker)
    data = form_data(bib, dienst_ids, gemeenten=[GemeenteFactory().pk], opmerkingen="Anders.")

    response = client.post(agreement_url(bib), data)

    assert response.context["form"].errors["gemeenten"] == [str(OUTSIDE_WERKGEBIED)]
    assert snapshot(overeenkomst) == before


@pytest.mark.parametrize(
    "name, content",
    [
        ("overeenkomst.docx", docx_bytes()),
        ("overeenkomst.pdf", docx_bytes()),  # a Word file renamed .pdf
        ("overeenkomst.pdf", EXE_BYTES),  # a program renamed .pdf
        ("overeenkomst.pdf", b"Dit is geen PDF, alleen tekst.\n"),
    ],
    ids=["docx", "docx-renamed-pdf", "exe-renamed-pdf", "text-renamed-pdf"],
)
def test_agreement_document_must_really_be_a_pdf(
    client, digisterker, bib, dienst_ids, name, content
):
    client.force_login(digisterker)
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")

    response = client.post(agreement_url(bib), form_data(bib, dienst_ids, document=upload))

    assert response.status_code == 200
    assert response.context["form"].errors["document"]
    assert not Overeenkomst.objects.exists()


def test_replacing_the_document_of_an_agreement_with_a_non_pdf_changes_nothing(
    client, digisterker, bib, dienst_ids
):
    overeenkomst = OvereenkomstFactory(bibliotheek=bib, getekend=True)
    before = snapshot(overeenkomst)
    client.force_login(digisterker)
    upload = SimpleUploadedFile("nieuw.pdf", EXE_BYTES, content_type="application/pdf")

    response = client.post(agreement_url(bib), form_data(bib, dienst_ids, document=upload))

    assert response.context["form"].errors["document"]
    assert snapshot(overeenkomst) == before


def test_agreement_municipalities_become_those_of_the_planned_licence_years(
    client, digisterker, bib, twee_gemeenten, dienst_ids
):
    gepland = LicentieFactory(bibliotheek=bib)
    actief = LicentieFactory(bibliotheek=bib, actief=True, begindatum=date(2026, 1, 1))
    client.force_login(digisterker)

    data = form_data(bib, dienst_ids, gemeenten=[twee_gemeenten[1].pk])
    assert client.post(agreement_url(bib), data).status_code == 302

    assert list(gepland.gemeenten.all()) == [twee_gemeenten[1]]
    assert set(actief.gemeenten.all()) == set(twee_gemeenten)  # a running year is not changed


def test_a_signed_agreement_keeps_its_signed_date(client, digisterker, bib, dienst_ids):
    overeenkomst = OvereenkomstFactory(bibliotheek=bib, getekend=True)
    before = snapshot(overeenkomst)
    client.force_login(digisterker)
    data = form_data(bib, dienst_ids, getekend_op="", opmerkingen="Anders.")
    del data["document"]

    response = client.post(agreement_url(bib), data)

    assert response.status_code == 200
    assert response.context["form"].errors["getekend_op"]
    assert snapshot(overeenkomst) == before


def test_a_signed_agreement_keeps_its_signed_document(client, digisterker, bib, dienst_ids):
    overeenkomst = OvereenkomstFactory(bibliotheek=bib, getekend=True)
    client.force_login(digisterker)
    data = form_data(bib, dienst_ids, opmerkingen="Anders.")
    del data["document"]
    data["document-clear"] = "on"  # what the "clear" box of a file input sends

    response = client.post(agreement_url(bib), data)

    assert response.status_code == 302
    kept = fresh(overeenkomst)
    assert kept.document.name == overeenkomst.document.name
    assert kept.opmerkingen == "Anders."
    assert kept.kan_ondertekenen()


def test_a_draft_agreement_may_drop_its_document(client, digisterker, bib, dienst_ids):
    overeenkomst = OvereenkomstFactory(bibliotheek=bib, getekend=True, status="concept")
    client.force_login(digisterker)
    data = form_data(bib, dienst_ids)
    del data["document"]
    data["document-clear"] = "on"

    assert client.post(agreement_url(bib), data).status_code == 302
    assert not fresh(overeenkomst).document


# Signing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "missing",
    [{"getekend_op": None}, {"document": ""}, {"getekend_op": None, "document": ""}],
    ids=["no-signed-date", "no-document", "neither"],
)
def test_agreement_cannot_be_marked_signed_without_signed_date_and_document(
    client, digisterker, bib, missing
):
    overeenkomst = OvereenkomstFactory(bibliotheek=bib, getekend=True, status="concept", **missing)
    client.force_login(digisterker)

    response = client.post(reverse("licenties:sign", args=[bib.pk]), follow=True)

    assert response.status_code == 200
    assert fresh(overeenkomst).status == OvereenkomstStatus.CONCEPT
    assert history(overeenkomst) == []
    shown = [str(m) for m in response.context["messages"]]
    assert gettext("Record the signed date and upload the signed document first.") in shown


def test_digisterker_marks_the_agreement_signed_and_it_is_logged(client, digisterker, bib):
    overeenkomst = OvereenkomstFactory(bibliotheek=bib, getekend=True, status="concept")
    client.force_login(digisterker)

    response = client.post(reverse("licenties:sign", args=[bib.pk]))

    assert response.status_code == 302
    assert fresh(overeenkomst).status == OvereenkomstStatus.GETEKEND
    [entry] = history(overeenkomst)
    assert (entry.transition, entry.source, entry.target) == ("ondertekenen", "concept", "getekend")
    assert entry.by == digisterker


# Who may do what --------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["kb", "coordinator", "medewerker"])
def test_only_digisterker_may_record_edit_or_sign_the_agreement(
    request, client, who, bibliotheek, dienst_ids
):
    user = request.getfixturevalue(who)
    overeenkomst = OvereenkomstFactory(
        bibliotheek=bibliotheek, getekend=True, status="concept", opmerkingen="Origineel."
    )
    before = snapshot(overeenkomst)
    client.force_login(user)
    url = agreement_url(bibliotheek)

    assert client.get(url).status_code == 403
    data = form_data(bibliotheek, dienst_ids, opmerkingen="Gewijzigd.")
    assert client.post(url, data).status_code == 403
    assert client.post(reverse("licenties:sign", args=[bibliotheek.pk])).status_code == 403
    assert snapshot(overeenkomst) == before


def test_library_staff_see_their_agreement_and_download_the_signed_document(
    client, medewerker, bibliotheek
):
    overeenkomst = OvereenkomstFactory(bibliotheek=bibliotheek, getekend=True)
    client.force_login(medewerker)

    page = client.get(reverse("licenties:library", args=[bibliotheek.pk]))
    assert page.status_code == 200
    assert page.context["overeenkomst"] == overeenkomst
    assert not page.context["can_manage_agreement"]

    download = client.get(reverse("licenties:document", args=[bibliotheek.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == SMALL_PDF
    assert download["Content-Disposition"].startswith("attachment")
    assert "Overeenkomst getekend.pdf" in download["Content-Disposition"]


@pytest.mark.parametrize("who", ["kb", "digisterker", "coordinator"])
def test_reviewers_and_coordinator_may_download_the_agreement(request, client, who, bibliotheek):
    OvereenkomstFactory(bibliotheek=bibliotheek, getekend=True)
    client.force_login(request.getfixturevalue(who))

    response = client.get(reverse("licenties:document", args=[bibliotheek.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SMALL_PDF


def test_another_library_cannot_see_the_agreement_or_download_its_document(
    client, andere_medewerker, bibliotheek
):
    OvereenkomstFactory(bibliotheek=bibliotheek, getekend=True)
    client.force_login(andere_medewerker)

    page = client.get(reverse("licenties:library", args=[bibliotheek.pk]))
    download = client.get(reverse("licenties:document", args=[bibliotheek.pk]))

    assert page.status_code in (403, 404)
    assert download.status_code in (403, 404)
    assert SMALL_PDF not in download.content


def test_agreement_pages_need_a_login(client, bibliotheek):
    OvereenkomstFactory(bibliotheek=bibliotheek, getekend=True)
    for name in ("agreement", "document", "library"):
        response = client.get(reverse(f"licenties:{name}", args=[bibliotheek.pk]))
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_editing_the_agreement_never_changes_a_renewed_years_municipalities(client, digisterker):
    from licenties import service as licence_service

    from ..accounts.factories import UserFactory

    a, b = GemeenteFactory(), GemeenteFactory()
    bibliotheek = BibliotheekFactory(werkgebied=[a, b])
    OvereenkomstFactory(bibliotheek=bibliotheek, getekend=True)
    first = LicentieFactory(bibliotheek=bibliotheek, actief=True, gemeenten=[a, b])
    renewed = licence_service.renew(first, UserFactory(kb=True), gemeenten=[a])
    client.force_login(digisterker)

    client.post(
        reverse("licenties:agreement", args=[bibliotheek.pk]),
        {"gemeenten": [a.pk, b.pk], "getekend_op": "2026-01-01", "versie": 1},
    )

    assert list(renewed.gemeenten.all()) == [a]
