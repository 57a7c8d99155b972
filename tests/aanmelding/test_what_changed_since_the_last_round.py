"""From round 2 on, whoever may see a plan reads what changed since the round before: the
fields that changed, old and new side by side, the question that sent it back and the
library's answer. Each earlier round's PDF shows the plan as it was submitted then."""

import re
from html import escape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext as _

import kbregeling.documents.pdf
from aanmelding import service
from aanmelding.constants import Advies, Status
from aanmelding.models import Aanmelding, GemeenteSamenwerking
from kbregeling.workflow.models import Inzending

from ..accounts.factories import stand_in
from .factories import AanmeldingFactory, BibliotheekFactory, GemeenteFactory

pytestmark = pytest.mark.django_db

QUESTION = "Hoeveel cursussen geeft u in het eerste jaar? Graag ook in Zeist."
ANSWER = "Twee cursussen erbij, een daarvan in Zeist."


def resubmitted(plan, *, answer=ANSWER, **changes):
    """Send ``plan`` back with QUESTION, change ``changes`` and submit it again."""
    service.advise(plan, stand_in(kb=True), Advies.AANVULLING_NODIG, QUESTION, plan.status)
    Aanmelding.objects.filter(pk=plan.pk).update(**changes)
    service.submit(plan, stand_in(bibliotheek=plan.bibliotheek), answer=answer)
    return Aanmelding.objects.get(pk=plan.pk)


@pytest.fixture
def plan(bibliotheek):
    return AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)


def changed_fields(response) -> dict[str, list[str]]:
    return {
        section["id"]: [change["name"] for change in section["changes"]]
        for section in response.context["changed"]
    }


def test_the_page_shows_exactly_the_fields_changed_between_round_1_and_2(client, kb, plan):
    plan = resubmitted(
        plan, cursussen_jaar1=8, borging="De cursus wordt onderdeel van het vaste aanbod."
    )
    client.force_login(kb)

    response = client.get(reverse("aanmelding:changes", args=[plan.pk]))

    assert changed_fields(response) == {
        "ambitie": ["cursussen_jaar1"],
        "begroting": ["borging"],
    }
    html = response.content.decode()
    assert re.search(r"<del>.*?programma\.</del>", html)  # old word struck through
    assert re.search(r"<ins>.*?aanbod\.</ins>", html)  # new word underlined


def test_the_page_shows_the_question_and_the_answer(client, medewerker, plan):
    plan = resubmitted(plan, cursussen_jaar1=8)
    client.force_login(medewerker)

    html = client.get(reverse("aanmelding:changes", args=[plan.pk])).content.decode()

    assert html.index(escape(QUESTION)) < html.index(escape(ANSWER))


def test_a_municipality_added_to_section_5_counts_as_changed(client, kb, plan):
    gemeente = GemeenteFactory(naam="Zeist")
    service.advise(plan, stand_in(kb=True), Advies.AANVULLING_NODIG, QUESTION, plan.status)
    GemeenteSamenwerking.objects.create(
        aanmelding=plan,
        gemeente=gemeente,
        inhoud="DigiD",
        werving="Wijkteam",
        financiering_status="in_gesprek",
    )
    service.submit(plan, stand_in(bibliotheek=plan.bibliotheek))
    client.force_login(kb)

    response = client.get(reverse("aanmelding:changes", args=[plan.pk]))

    assert changed_fields(response) == {
        "samenwerking": [
            f"gemeente-{gemeente.pk}-{name}"
            for name in ("inhoud", "werving", "financiering_status", "financiering_bedrag")
        ]
    }


def test_staff_of_another_library_get_404(client, andere_medewerker, plan):
    plan = resubmitted(plan, cursussen_jaar1=8)
    client.force_login(andere_medewerker)

    response = client.get(reverse("aanmelding:changes", args=[plan.pk]))

    assert response.status_code == 404


@pytest.mark.parametrize("query", ["?ronde=1", "?ronde=3", "?ronde=x"])
def test_a_round_without_an_earlier_one_is_404(client, kb, plan, query):
    plan = resubmitted(plan, cursussen_jaar1=8)
    client.force_login(kb)

    response = client.get(reverse("aanmelding:changes", args=[plan.pk]) + query)

    assert response.status_code == 404


def test_a_plan_in_its_first_round_has_no_changes_page_and_no_link(client, kb, plan):
    client.force_login(kb)
    changes = reverse("aanmelding:changes", args=[plan.pk])

    assert client.get(changes).status_code == 404
    assert changes not in client.get(reverse("aanmelding:detail", args=[plan.pk])).content.decode()


def test_the_plan_page_links_to_the_changes_from_round_2(client, kb, plan):
    plan = resubmitted(plan, cursussen_jaar1=8)
    client.force_login(kb)

    html = client.get(reverse("aanmelding:detail", args=[plan.pk])).content.decode()

    assert reverse("aanmelding:changes", args=[plan.pk]) in html


def test_a_round_submitted_before_snapshots_were_kept_says_so(client, kb, plan):
    plan = resubmitted(plan, cursussen_jaar1=8)
    Inzending.objects.filter(ronde=1).delete()
    client.force_login(kb)

    response = client.get(reverse("aanmelding:changes", args=[plan.pk]))

    assert response.status_code == 200
    message = _(
        "No snapshot was kept of round %(n)s: it was submitted before snapshots were kept, "
        "so the changes cannot be shown."
    ) % {"n": 1}
    assert escape(message) in response.content.decode()


def test_the_library_answers_when_it_submits_again_from_the_plan_page(client, medewerker, plan):
    service.advise(plan, stand_in(kb=True), Advies.AANVULLING_NODIG, QUESTION, plan.status)
    client.force_login(medewerker)
    detail = client.get(reverse("aanmelding:detail", args=[plan.pk])).content.decode()
    assert 'name="antwoord"' in detail and 'maxlength="5000"' in detail

    response = client.post(reverse("aanmelding:submit", args=[plan.pk]), {"antwoord": ANSWER})

    assert response.status_code == 302
    assert Inzending.objects.get(ronde=2).antwoord == ANSWER


def test_an_answer_too_long_submits_nothing(client, medewerker, plan):
    service.advise(plan, stand_in(kb=True), Advies.AANVULLING_NODIG, QUESTION, plan.status)
    client.force_login(medewerker)

    client.post(reverse("aanmelding:submit", args=[plan.pk]), {"antwoord": "x" * 5001})

    assert Aanmelding.objects.get(pk=plan.pk).status == Status.AANVULLING_GEVRAAGD


@pytest.fixture
def rendered(monkeypatch):
    """The HTML of every PDF rendered during the test."""
    html = []
    monkeypatch.setattr(
        kbregeling.documents.pdf, "render_pdf", lambda source: html.append(source) or b"%PDF"
    )
    return html


def test_the_pdf_of_round_1_shows_the_plan_as_submitted_then(client, kb, plan, rendered):
    plan = resubmitted(plan, ambitie="Een nieuwe ambitie voor ronde 2.")
    client.force_login(kb)

    response = client.get(reverse("aanmelding:pdf", args=[plan.pk]) + "?ronde=1")

    assert response.status_code == 200
    assert "ronde-1.pdf" in response["Content-Disposition"]
    assert "Elk jaar meer inwoners helpen" in rendered[0]
    assert rendered[0].count("Elk jaar meer inwoners helpen") == 1  # one document, once
    assert rendered[0].count("<h1>") == 1
    assert "Een nieuwe ambitie" not in rendered[0]
    client.get(reverse("aanmelding:pdf", args=[plan.pk]))  # the current plan
    assert "Een nieuwe ambitie" in rendered[1]


def test_the_pdf_of_a_round_is_404_for_another_library(client, andere_medewerker, plan):
    client.force_login(andere_medewerker)

    response = client.get(reverse("aanmelding:pdf", args=[plan.pk]) + "?ronde=1")

    assert response.status_code == 404


def count_queries(client, url) -> int:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def plan_with_municipalities(n):
    bibliotheek = BibliotheekFactory(werkgebied=[GemeenteFactory() for _ in range(n)])
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    GemeenteSamenwerking.objects.filter(aanmelding=plan).update(inhoud="Nieuw in ronde 2")
    return resubmitted(plan, cursussen_jaar1=8)


def test_the_changes_page_runs_a_fixed_number_of_queries(client, kb):
    client.force_login(kb)
    small, large = plan_with_municipalities(1), plan_with_municipalities(10)

    few = count_queries(client, reverse("aanmelding:changes", args=[small.pk]))
    many = count_queries(client, reverse("aanmelding:changes", args=[large.pk]))

    assert few == many
