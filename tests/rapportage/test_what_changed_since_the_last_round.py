"""From round 2 on, whoever may see a year report reads what changed since the round before,
the question that sent it back and the library's answer; each round's PDF as submitted."""

from html import escape

import pytest
from django.urls import reverse

import kbregeling.documents.pdf
from kbregeling.workflow.models import Inzending
from rapportage import service
from rapportage.constants import RapportageStatus as S
from rapportage.models import Rapportage

from ..accounts.factories import stand_in
from .factories import RapportageFactory

pytestmark = pytest.mark.django_db

QUESTION = "Kunt u toelichten wat lastig was?"
ANSWER = "Toegelicht onder ervaringen."


@pytest.fixture
def report():
    """A report sent back with QUESTION, changed and submitted again with ANSWER."""
    report = RapportageFactory(ingevuld=True, status=S.INGEDIEND)
    service.advise(
        report,
        stand_in(kb=True),
        voldoende=False,
        advies_verlengen=True,
        motivering=QUESTION,
        seen_status=report.status,
    )
    Rapportage.objects.filter(pk=report.pk).update(
        wat_was_lastig="Inloggen met DigiD lukte niet iedereen, ook niet in de bibliotheek.",
        wachtlijst=7,
    )
    service.submit(report, stand_in(bibliotheek=report.licentie.bibliotheek), answer=ANSWER)
    return Rapportage.objects.get(pk=report.pk)


def test_the_page_shows_exactly_the_fields_changed_between_round_1_and_2(client, kb, report):
    client.force_login(kb)

    response = client.get(reverse("rapportage:changes", args=[report.pk]))

    changed = {
        section["id"]: [change["name"] for change in section["changes"]]
        for section in response.context["changed"]
    }
    assert changed == {"aantallen": ["wachtlijst"], "ervaringen": ["wat_was_lastig"]}
    html = response.content.decode()
    assert html.index(escape(QUESTION)) < html.index(escape(ANSWER))
    assert "<ins>" in html and "<del>" in html


def test_staff_of_another_library_get_404(client, andere_medewerker, report):
    client.force_login(andere_medewerker)

    assert client.get(reverse("rapportage:changes", args=[report.pk])).status_code == 404
    pdf = reverse("rapportage:pdf", args=[report.pk]) + "?ronde=1"
    assert client.get(pdf).status_code == 404


def test_the_library_itself_sees_the_changes_and_the_report_page_links_to_them(client, report):
    client.force_login(stand_in(bibliotheek=report.licentie.bibliotheek))
    changes = reverse("rapportage:changes", args=[report.pk])

    assert client.get(changes).status_code == 200
    assert changes in client.get(reverse("rapportage:detail", args=[report.pk])).content.decode()


def test_the_library_answers_when_it_submits_again_from_the_report_page(client):
    report = RapportageFactory(ingevuld=True, status=S.AANVULLING_GEVRAAGD)
    client.force_login(stand_in(bibliotheek=report.licentie.bibliotheek))
    detail = client.get(reverse("rapportage:detail", args=[report.pk])).content.decode()
    assert 'name="antwoord"' in detail

    client.post(reverse("rapportage:submit", args=[report.pk]), {"antwoord": ANSWER})

    assert Inzending.objects.get(ronde=2).antwoord == ANSWER


def test_the_pdf_of_round_1_shows_the_report_as_submitted_then(client, kb, report, monkeypatch):
    html = []
    monkeypatch.setattr(
        kbregeling.documents.pdf, "render_pdf", lambda source: html.append(source) or b"%PDF"
    )
    client.force_login(kb)

    response = client.get(reverse("rapportage:pdf", args=[report.pk]) + "?ronde=1")

    assert response.status_code == 200
    assert "Inloggen met DigiD lukte niet iedereen thuis." in html[0]
    assert "ook niet in de bibliotheek" not in html[0]
