"""The sign-up workflow of DOMAIN.md, through the service layer and through the views.

Every allowed step works for the right role; every other combination of state, role and
organisation is refused on the server and changes nothing; every change is logged; and two
people acting at once can never both win.
"""

import threading
import time
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils.html import escape

from aanmelding import service
from aanmelding.constants import INTREKBAAR, Advies, Status
from aanmelding.forms import plan_forms
from aanmelding.models import Aanmelding, Beoordeling
from kbregeling.accounts.constants import Partij, Rol
from kbregeling.workflow import audit
from kbregeling.workflow.models import TransitionLog
from kbregeling.workflow.runner import StaleState, WorkflowError, perform

from ..accounts.factories import UserFactory, staff_of
from .factories import AanmeldingFactory, BibliotheekFactory

pytestmark = pytest.mark.django_db

OTHER = {"kb": "digisterker", "digisterker": "kb"}
WAITS_FOR_OTHER = {"kb": Status.WACHT_OP_DIGISTERKER, "digisterker": Status.WACHT_OP_KB}


@pytest.fixture
def people(medewerker, kb, digisterker, coordinator, andere_medewerker):
    return {
        "medewerker": medewerker,
        "kb": kb,
        "digisterker": digisterker,
        "coordinator": coordinator,
        "andere_medewerker": andere_medewerker,
    }


def plan_in(status, people):
    """A complete plan of the ``medewerker``'s library, brought to ``status`` the real way."""
    plan = AanmeldingFactory(bibliotheek=people["medewerker"].bibliotheek, compleet=True)
    staff, kb, digisterker = people["medewerker"], people["kb"], people["digisterker"]
    if status == Status.INGETROKKEN:
        service.withdraw(plan, staff)
    elif status != Status.CONCEPT:
        service.submit(plan, staff)
    steps = {
        Status.WACHT_OP_DIGISTERKER: [(kb, Advies.POSITIEF)],
        Status.WACHT_OP_KB: [(digisterker, Advies.POSITIEF)],
        Status.GOEDGEKEURD: [(kb, Advies.POSITIEF), (digisterker, Advies.POSITIEF)],
        Status.AFGEWEZEN: [(kb, Advies.NEGATIEF)],
        Status.AANVULLING_GEVRAAGD: [(kb, Advies.AANVULLING_NODIG)],
    }
    for reviewer, advies in steps.get(status, []):
        plan.refresh_from_db()
        service.advise(plan, reviewer, advies, f"Advies van {reviewer}.", plan.status)
    plan.refresh_from_db()
    assert plan.status == status
    return plan


def advise(plan, reviewer, advies, motivering="Motivering."):
    plan.refresh_from_db()
    beoordeling = service.advise(plan, reviewer, advies, motivering, plan.status)
    plan.refresh_from_db()
    return beoordeling


def plan_post_data(aanmelding, button="opslaan", **changes):
    """What the browser posts from the edit page as it is rendered now, with ``changes``."""
    form, formset = plan_forms(aanmelding)
    data = {button: ""}
    for bound in [*form, *formset.management_form, *(f for sub in formset for f in sub)]:
        value = bound.value()
        if bound.name == "bijlage" or value is False:
            continue
        if value is True:
            data[bound.html_name] = "on"
        elif value is None:
            data[bound.html_name] = ""
        elif isinstance(value, (list, tuple)):
            data[bound.html_name] = list(value)
        else:
            data[bound.html_name] = str(value)
    data.update(changes)
    return data


def snapshot(plan):
    """Everything a refused action must leave alone."""
    fresh = Aanmelding.objects.get(pk=plan.pk)
    return (
        fresh.status,
        fresh.ronde,
        fresh.versie,
        fresh.ambitie,
        list(Beoordeling.objects.filter(aanmelding=plan).values_list("pk", "advies")),
        TransitionLog.objects.count(),
    )


# Allowed steps, through the service layer --------------------------------------------------


def test_library_staff_submit_their_complete_plan(concept, medewerker):
    service.submit(concept, medewerker)
    concept.refresh_from_db()
    assert concept.status == Status.INGEDIEND
    assert concept.ronde == 1
    assert concept.ingediend_op is not None


@pytest.mark.parametrize("first", ["kb", "digisterker"])
def test_plan_needs_both_positive_advices(first, ingediend, kb, digisterker):
    reviewers = {"kb": kb, "digisterker": digisterker}
    advise(ingediend, reviewers[first], Advies.POSITIEF)
    assert ingediend.status == WAITS_FOR_OTHER[first]
    advise(ingediend, reviewers[OTHER[first]], Advies.POSITIEF)
    assert ingediend.status == Status.GOEDGEKEURD
    assert sorted(ingediend.beoordelingen.values_list("partij", "advies", "ronde")) == [
        (Partij.DIGISTERKER, Advies.POSITIEF, 1),
        (Partij.KB, Advies.POSITIEF, 1),
    ]


@pytest.mark.parametrize("party", ["kb", "digisterker"])
@pytest.mark.parametrize("after_other_positive", [False, True])
def test_negative_advice_of_either_party_rejects_the_plan_with_its_motivation(
    party, after_other_positive, ingediend, kb, digisterker
):
    reviewers = {"kb": kb, "digisterker": digisterker}
    if after_other_positive:
        advise(ingediend, reviewers[OTHER[party]], Advies.POSITIEF)
    beoordeling = advise(ingediend, reviewers[party], Advies.NEGATIEF, "Geen meerjarenplan.")
    assert ingediend.status == Status.AFGEWEZEN
    assert beoordeling.partij == reviewers[party].partij
    assert Beoordeling.objects.get(pk=beoordeling.pk).motivering == "Geen meerjarenplan."
    assert audit.history(ingediend)[-1].remark == "Geen meerjarenplan."


@pytest.mark.parametrize("party", ["kb", "digisterker"])
@pytest.mark.parametrize("after_other_positive", [False, True])
def test_request_for_more_information_of_either_party_sends_the_plan_back(
    party, after_other_positive, ingediend, kb, digisterker, medewerker
):
    reviewers = {"kb": kb, "digisterker": digisterker}
    if after_other_positive:
        advise(ingediend, reviewers[OTHER[party]], Advies.POSITIEF)
    advise(ingediend, reviewers[party], Advies.AANVULLING_NODIG, "Meer over de gemeenten.")
    assert ingediend.status == Status.AANVULLING_GEVRAAGD
    assert ingediend.is_bewerkbaar

    service.submit(ingediend, medewerker)
    ingediend.refresh_from_db()
    assert ingediend.status == Status.INGEDIEND
    assert ingediend.ronde == 2
    assert ingediend.beoordelingen.filter(ronde=1, advies=Advies.AANVULLING_NODIG).exists()


def test_a_new_round_needs_both_advices_again(ingediend, kb, digisterker, medewerker):
    advise(ingediend, kb, Advies.POSITIEF)
    advise(ingediend, digisterker, Advies.AANVULLING_NODIG)
    service.submit(ingediend, medewerker)
    ingediend.refresh_from_db()
    advise(ingediend, digisterker, Advies.POSITIEF)
    assert ingediend.status == Status.WACHT_OP_KB  # KB's positief of round 1 does not count
    advise(ingediend, kb, Advies.POSITIEF)
    assert ingediend.status == Status.GOEDGEKEURD
    assert ingediend.beoordelingen.count() == 4


@pytest.mark.parametrize("status", INTREKBAAR)
def test_library_can_withdraw_while_the_plan_is_open(status, people):
    plan = plan_in(status, people)
    service.withdraw(plan, people["medewerker"], "We doen volgend jaar mee.")
    plan.refresh_from_db()
    assert plan.status == Status.INGETROKKEN
    entry = audit.history(plan)[-1]
    assert (entry.source, entry.target, entry.remark) == (
        status,
        Status.INGETROKKEN,
        "We doen volgend jaar mee.",
    )


# Allowed steps, through the views -----------------------------------------------------------


def test_submit_view_submits_the_plan_of_own_library(client, concept, medewerker):
    client.force_login(medewerker)
    response = client.post(reverse("aanmelding:submit", args=[concept.pk]))
    assert response.status_code == 302
    assert response.url == reverse("aanmelding:detail", args=[concept.pk])
    concept.refresh_from_db()
    assert (concept.status, concept.ronde) == (Status.INGEDIEND, 1)


@pytest.mark.parametrize("first", ["kb", "digisterker"])
def test_both_positive_advices_through_the_advice_form_approve_the_plan(
    client, first, ingediend, kb, digisterker
):
    reviewers = {"kb": kb, "digisterker": digisterker}
    url = reverse("aanmelding:advise", args=[ingediend.pk])
    for party, seen in [(first, Status.INGEDIEND), (OTHER[first], WAITS_FOR_OTHER[first])]:
        client.force_login(reviewers[party])
        response = client.post(
            url, {"advies": Advies.POSITIEF, "motivering": f"Akkoord {party}.", "seen_status": seen}
        )
        assert response.status_code == 302
    ingediend.refresh_from_db()
    assert ingediend.status == Status.GOEDGEKEURD
    assert set(ingediend.beoordelingen.values_list("motivering", flat=True)) == {
        "Akkoord kb.",
        "Akkoord digisterker.",
    }


@pytest.mark.parametrize("party", ["kb", "digisterker"])
def test_negative_advice_through_the_form_rejects_and_stores_the_motivation(
    client, party, ingediend, kb, digisterker
):
    reviewer = {"kb": kb, "digisterker": digisterker}[party]
    client.force_login(reviewer)
    response = client.post(
        reverse("aanmelding:advise", args=[ingediend.pk]),
        {
            "advies": Advies.NEGATIEF,
            "motivering": "Te weinig docenten.",
            "seen_status": "ingediend",
        },
    )
    assert response.status_code == 302
    ingediend.refresh_from_db()
    assert ingediend.status == Status.AFGEWEZEN
    beoordeling = ingediend.beoordelingen.get()
    assert (beoordeling.partij, beoordeling.motivering, beoordeling.beoordelaar) == (
        reviewer.partij,
        "Te weinig docenten.",
        reviewer,
    )


def test_advice_without_motivation_is_refused(client, ingediend, kb):
    client.force_login(kb)
    before = snapshot(ingediend)
    response = client.post(
        reverse("aanmelding:advise", args=[ingediend.pk]),
        {"advies": Advies.POSITIEF, "motivering": "   ", "seen_status": "ingediend"},
    )
    assert response.status_code == 200
    assert "motivering" in response.context["advies_form"].errors
    assert snapshot(ingediend) == before


def test_more_information_round_trip_keeps_every_round_on_the_detail_page(
    client, ingediend, kb, digisterker, medewerker
):
    advise(ingediend, kb, Advies.POSITIEF, "Sterk plan van KB-zijde.")
    client.force_login(digisterker)
    client.post(
        reverse("aanmelding:advise", args=[ingediend.pk]),
        {
            "advies": Advies.AANVULLING_NODIG,
            "motivering": "Beschrijf de samenwerking met de gemeente.",
            "seen_status": Status.WACHT_OP_DIGISTERKER,
        },
    )
    ingediend.refresh_from_db()
    assert ingediend.status == Status.AANVULLING_GEVRAAGD

    client.force_login(medewerker)
    edit_url = reverse("aanmelding:edit", args=[ingediend.pk])
    response = client.post(
        edit_url, plan_post_data(ingediend, ambitie="Nu met een uitgewerkte gemeenteparagraaf.")
    )
    assert response.status_code == 302
    response = client.post(reverse("aanmelding:submit", args=[ingediend.pk]))
    assert response.status_code == 302

    ingediend.refresh_from_db()
    assert (ingediend.status, ingediend.ronde) == (Status.INGEDIEND, 2)
    assert ingediend.ambitie == "Nu met een uitgewerkte gemeenteparagraaf."
    assert ingediend.beoordelingen.filter(ronde=1).count() == 2

    client.force_login(kb)
    page = client.get(reverse("aanmelding:detail", args=[ingediend.pk]))
    assert [r["ronde"] for r in page.context["rounds"]] == [2, 1]
    assert page.context["rounds"][0]["kb"] is None
    assert page.context["rounds"][1]["digisterker"].advies == Advies.AANVULLING_NODIG
    html = page.content.decode()
    assert "Sterk plan van KB-zijde." in html
    assert "Beschrijf de samenwerking met de gemeente." in html
    assert page.context["can_advise"]


def test_library_can_edit_and_resubmit_in_one_step(client, people):
    plan = plan_in(Status.AANVULLING_GEVRAAGD, people)
    client.force_login(people["medewerker"])
    response = client.post(
        reverse("aanmelding:edit", args=[plan.pk]),
        plan_post_data(plan, button="indienen", werving="Ook via de huisartsen."),
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.status, plan.ronde, plan.werving) == (
        Status.INGEDIEND,
        2,
        "Ook via de huisartsen.",
    )


@pytest.mark.parametrize("status", INTREKBAAR)
def test_withdraw_view_withdraws_an_open_plan_with_a_reason(client, status, people):
    plan = plan_in(status, people)
    client.force_login(people["medewerker"])
    response = client.post(
        reverse("aanmelding:withdraw", args=[plan.pk]), {"remark": "Geen docenten meer."}
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == Status.INGETROKKEN
    assert audit.history(plan)[-1].remark == "Geen docenten meer."


# Everything else is refused -----------------------------------------------------------------

ADVICE = {"advies": Advies.POSITIEF, "motivering": "Akkoord."}

REFUSED = [
    # (plan status, who, action, expected HTTP status)
    (Status.GOEDGEKEURD, "kb", "advise", 403),
    (Status.AFGEWEZEN, "digisterker", "advise", 403),
    (Status.INGETROKKEN, "kb", "advise", 403),
    (Status.AANVULLING_GEVRAAGD, "kb", "advise", 403),
    (Status.CONCEPT, "kb", "advise", 404),
    (Status.WACHT_OP_DIGISTERKER, "kb", "advise", 403),  # KB advising twice in one round
    (Status.WACHT_OP_KB, "digisterker", "advise", 403),
    (Status.INGEDIEND, "medewerker", "advise", 403),
    (Status.INGEDIEND, "coordinator", "advise", 403),
    (Status.INGEDIEND, "andere_medewerker", "advise", 404),
    (Status.AANVULLING_GEVRAAGD, "kb", "submit", 403),
    (Status.CONCEPT, "kb", "submit", 404),
    (Status.AANVULLING_GEVRAAGD, "coordinator", "submit", 403),
    (Status.GOEDGEKEURD, "medewerker", "submit", 403),
    (Status.INGETROKKEN, "medewerker", "submit", 403),
    (Status.CONCEPT, "andere_medewerker", "submit", 404),
    (Status.AANVULLING_GEVRAAGD, "andere_medewerker", "submit", 404),
    (Status.GOEDGEKEURD, "medewerker", "withdraw", 403),
    (Status.AFGEWEZEN, "medewerker", "withdraw", 403),
    (Status.INGETROKKEN, "medewerker", "withdraw", 403),
    (Status.INGEDIEND, "kb", "withdraw", 403),
    (Status.INGEDIEND, "coordinator", "withdraw", 403),
    (Status.CONCEPT, "andere_medewerker", "withdraw", 404),
    (Status.INGEDIEND, "andere_medewerker", "withdraw", 404),
    (Status.CONCEPT, "andere_medewerker", "edit", 404),
    (Status.AANVULLING_GEVRAAGD, "andere_medewerker", "edit", 404),
    (Status.INGEDIEND, "medewerker", "edit", 403),
    (Status.GOEDGEKEURD, "medewerker", "edit", 403),
    (Status.AANVULLING_GEVRAAGD, "kb", "edit", 403),
    (Status.AANVULLING_GEVRAAGD, "coordinator", "edit", 403),
]


@pytest.mark.parametrize(("status", "who", "action", "code"), REFUSED)
def test_view_refuses_the_wrong_state_role_or_library_and_changes_nothing(
    client, people, status, who, action, code
):
    plan = plan_in(status, people)
    data = {**ADVICE, "seen_status": status} if action == "advise" else {}
    if action == "edit":
        data = plan_post_data(plan, ambitie="Overschreven door een ander.")
    before = snapshot(plan)
    client.force_login(people[who])
    response = client.post(reverse(f"aanmelding:{action}", args=[plan.pk]), data)
    assert response.status_code == code
    assert snapshot(plan) == before


def call_service(action, plan, user):
    if action == "advise":
        return service.advise(plan, user, Advies.POSITIEF, "Akkoord.", plan.status)
    return getattr(service, action)(plan, user)


@pytest.mark.parametrize(
    ("status", "who", "action"),
    [(s, w, a) for s, w, a, _code in REFUSED if a != "edit"],
)
def test_service_refuses_the_wrong_state_role_or_library_and_changes_nothing(
    people, status, who, action
):
    plan = plan_in(status, people)
    before = snapshot(plan)
    with pytest.raises(PermissionDenied):
        call_service(action, plan, people[who])
    assert snapshot(plan) == before


def test_submitting_twice_changes_nothing_the_second_time(client, people):
    plan = plan_in(Status.INGEDIEND, people)
    before = snapshot(plan)
    client.force_login(people["medewerker"])
    response = client.post(reverse("aanmelding:submit", args=[plan.pk]))  # a double click
    assert response.status_code == 302
    assert snapshot(plan) == before


def test_service_refuses_an_incomplete_plan_and_names_what_is_missing(medewerker, bibliotheek):
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, locaties="")
    before = snapshot(plan)
    with pytest.raises(WorkflowError) as refused:
        service.submit(plan, medewerker)
    missing = plan.ontbrekende_onderdelen()
    assert missing and all(part in str(refused.value) for part in missing)
    assert snapshot(plan) == before


def test_submit_view_refuses_an_incomplete_plan_and_sends_the_library_to_the_form(
    client, medewerker, bibliotheek
):
    plan = AanmeldingFactory(bibliotheek=bibliotheek)  # an empty draft
    before = snapshot(plan)
    client.force_login(medewerker)
    response = client.post(reverse("aanmelding:submit", args=[plan.pk]), follow=True)
    assert response.redirect_chain == [(reverse("aanmelding:edit", args=[plan.pk]), 302)]
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert snapshot(plan) == before


def test_saving_another_librarys_plan_is_refused_by_the_service(concept, andere_medewerker):
    form, formset = plan_forms(concept, plan_post_data(concept, ambitie="Van een ander."))
    assert form.is_valid() and formset.is_valid()
    with pytest.raises(WorkflowError):
        service.save_plan(form, formset, andere_medewerker, concept.versie)
    concept.refresh_from_db()
    assert concept.ambitie != "Van een ander."


# The transition log -------------------------------------------------------------------------


def test_every_change_is_logged_with_who_from_to_and_remark(concept, medewerker, kb, digisterker):
    service.submit(concept, medewerker)
    advise(concept, kb, Advies.AANVULLING_NODIG, "Graag meer over docenten.")
    service.submit(concept, medewerker)
    advise(concept, digisterker, Advies.POSITIEF, "Goed.")
    advise(concept, kb, Advies.POSITIEF, "Nu ook goed.")
    rows = [(e.transition, e.by, e.source, e.target, e.remark) for e in audit.history(concept)]
    assert rows == [
        ("indienen", medewerker, Status.CONCEPT, Status.INGEDIEND, ""),
        (
            "aanvulling_vragen",
            kb,
            Status.INGEDIEND,
            Status.AANVULLING_GEVRAAGD,
            "Graag meer over docenten.",
        ),
        ("opnieuw_indienen", medewerker, Status.AANVULLING_GEVRAAGD, Status.INGEDIEND, ""),
        ("digisterker_positief", digisterker, Status.INGEDIEND, Status.WACHT_OP_KB, "Goed."),
        ("kb_positief", kb, Status.WACHT_OP_KB, Status.GOEDGEKEURD, "Nu ook goed."),
    ]
    labels = dict(Status.choices)
    assert audit.history(concept)[-1].target_label == labels[Status.GOEDGEKEURD]


def test_detail_page_shows_the_timeline(client, concept, medewerker, kb):
    medewerker.first_name, medewerker.last_name = "Fatima", "El Amrani"
    medewerker.save()
    service.submit(concept, medewerker)
    advise(concept, kb, Advies.NEGATIEF, "Het plan mist een begroting.")
    client.force_login(medewerker)
    response = client.get(reverse("aanmelding:detail", args=[concept.pk]))
    timeline = response.context["timeline"]
    assert [(e.source, e.target) for e in timeline] == [
        (Status.CONCEPT, Status.INGEDIEND),
        (Status.INGEDIEND, Status.AFGEWEZEN),
    ]
    html = response.content.decode()
    assert '<ol class="timeline">' in html
    assert "Fatima El Amrani" in html
    assert "Het plan mist een begroting." in html
    assert escape(str(dict(Status.choices)[Status.AFGEWEZEN])) in html


def test_detail_page_lists_what_is_missing_before_submission(client, medewerker, bibliotheek):
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, partners="")
    client.force_login(medewerker)
    response = client.get(reverse("aanmelding:detail", args=[plan.pk]))
    assert response.context["can_submit"]
    assert plan.ontbrekende_onderdelen() != []
    # Per section, only the incomplete one, naming the field and linking to it.
    [(section, _title, [(label, anchor, _problem)])] = response.context["missing"]
    assert (section, anchor) == ("partners", "id_partners")
    html = response.content.decode()
    assert f'href="{reverse("aanmelding:edit", args=[plan.pk])}#id_partners">{label}</a>' in html
    assert reverse("aanmelding:submit", args=[plan.pk]) not in html


def test_detail_page_offers_submit_for_a_complete_draft(client, concept, medewerker):
    client.force_login(medewerker)
    response = client.get(reverse("aanmelding:detail", args=[concept.pk]))
    assert response.context["can_submit"] and response.context["missing"] == []
    assert reverse("aanmelding:submit", args=[concept.pk]) in response.content.decode()


# Two people at once ---------------------------------------------------------------------------


def test_reviewer_with_a_stale_form_gets_409_and_nothing_changes(
    client, ingediend, kb, digisterker
):
    client.force_login(kb)
    loaded = client.get(reverse("aanmelding:detail", args=[ingediend.pk]))
    assert loaded.context["advies_form"]["seen_status"].value() == Status.INGEDIEND
    advise(ingediend, digisterker, Advies.POSITIEF)  # meanwhile
    before = snapshot(ingediend)

    response = client.post(
        reverse("aanmelding:advise", args=[ingediend.pk]),
        {**ADVICE, "advies": Advies.NEGATIEF, "seen_status": Status.INGEDIEND},
    )
    assert response.status_code == 409
    assert response.context["advies_form"].non_field_errors() == [str(StaleState())]
    assert escape(str(StaleState())) in response.content.decode()
    assert snapshot(ingediend) == before


def test_service_refuses_an_advice_on_a_state_the_reviewer_did_not_see(ingediend, kb, digisterker):
    advise(ingediend, digisterker, Advies.AANVULLING_NODIG)
    before = snapshot(ingediend)
    with pytest.raises(StaleState):
        service.advise(ingediend, kb, Advies.POSITIEF, "Akkoord.", Status.INGEDIEND)
    assert snapshot(ingediend) == before


def test_one_advice_per_party_per_round_is_a_database_rule(ingediend, kb):
    fields = {"aanmelding": ingediend, "ronde": 1, "partij": Partij.KB, "beoordelaar": kb}
    Beoordeling.objects.create(**fields, advies=Advies.POSITIEF, motivering="Eerste.")
    with pytest.raises(IntegrityError), transaction.atomic():
        Beoordeling.objects.create(**fields, advies=Advies.NEGATIEF, motivering="Tweede.")
    assert Beoordeling.objects.filter(aanmelding=ingediend).count() == 1


def test_an_advice_that_collides_with_a_stored_one_is_stale_and_undoes_the_transition(
    ingediend, kb
):
    # Another KB reviewer's advice is already stored for this round.
    Beoordeling.objects.create(
        aanmelding=ingediend,
        ronde=1,
        partij=Partij.KB,
        advies=Advies.NEGATIEF,
        motivering="Al gegeven.",
        beoordelaar=UserFactory(kb=True),
    )
    before = snapshot(ingediend)
    with pytest.raises(StaleState):
        service.advise(ingediend, kb, Advies.POSITIEF, "Akkoord.", Status.INGEDIEND)
    assert snapshot(ingediend) == before


def test_plan_edit_with_an_old_version_gets_409_and_keeps_the_typed_text(
    client, concept, medewerker, bibliotheek
):
    old_form = plan_post_data(concept, ambitie="Mijn zorgvuldig getypte ambitie.")
    colleague = staff_of(bibliotheek)
    client.force_login(colleague)
    response = client.post(
        reverse("aanmelding:edit", args=[concept.pk]),
        plan_post_data(concept, ambitie="De tekst van mijn collega."),
    )
    assert response.status_code == 302

    client.force_login(medewerker)
    before = snapshot(concept)
    response = client.post(reverse("aanmelding:edit", args=[concept.pk]), old_form)
    assert response.status_code == 409
    form = response.context["form"]
    assert form.non_field_errors()
    assert form["ambitie"].value() == "Mijn zorgvuldig getypte ambitie."
    assert "Mijn zorgvuldig getypte ambitie." in response.content.decode()
    assert snapshot(concept) == before
    assert before[3] == "De tekst van mijn collega."


def test_plan_edit_saved_after_a_colleague_submitted_it_is_refused_as_stale(
    concept, medewerker, bibliotheek
):
    """The form was read while the plan was a draft; a colleague submitted it since."""
    form, formset = plan_forms(concept, plan_post_data(concept, ambitie="Te laat."))
    assert form.is_valid() and formset.is_valid()
    service.submit(Aanmelding.objects.get(pk=concept.pk), staff_of(bibliotheek))
    before = snapshot(concept)
    with pytest.raises(StaleState):
        service.save_plan(form, formset, medewerker, form.cleaned_data["versie"])
    assert snapshot(concept) == before


def test_saving_a_stale_instance_after_another_transition_reports_stale_state(concept, medewerker):
    stale = Aanmelding.objects.get(pk=concept.pk)
    service.withdraw(concept, medewerker)
    before = snapshot(concept)
    with pytest.raises(StaleState), transaction.atomic():
        perform(stale, "indienen", medewerker)
    assert snapshot(concept) == before
    assert before[0] == Status.INGETROKKEN


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_two_reviewers_advising_at_once_only_one_wins():
    for rol in Rol.values:  # a transactional test starts from a flushed database
        Group.objects.get_or_create(name=rol)
    bibliotheek = BibliotheekFactory()
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    reviewers = [UserFactory(kb=True), UserFactory(kb=True)]
    start = threading.Barrier(len(reviewers))
    outcomes = []
    real_perform = service.perform

    def slow_perform(*args, **kwargs):
        real_perform(*args, **kwargs)
        time.sleep(0.3)  # hold the row lock while the other reviewer tries

    def give_advice(reviewer):
        try:
            start.wait()
            service.advise(plan, reviewer, Advies.POSITIEF, "Akkoord.", Status.INGEDIEND)
            outcomes.append(("stored", None))
        except WorkflowError as error:
            outcomes.append(("refused", error))
        finally:
            connection.close()

    with mock.patch.object(service, "perform", slow_perform):
        threads = [threading.Thread(target=give_advice, args=(r,)) for r in reviewers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

    assert sorted(kind for kind, _error in outcomes) == ["refused", "stored"]
    refusal = next(error for kind, error in outcomes if kind == "refused")
    # Refused by reading the committed state under the row lock, not by a later collision.
    assert isinstance(refusal, StaleState) and refusal.__cause__ is None
    plan.refresh_from_db()
    assert plan.status == Status.WACHT_OP_DIGISTERKER
    assert Beoordeling.objects.filter(aanmelding=plan).count() == 1
    # The submission that made the plan, then the one advice that won.
    assert [e.transition for e in audit.history(plan)] == ["indienen", "kb_positief"]
