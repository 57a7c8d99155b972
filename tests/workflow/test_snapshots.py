"""Each submission keeps what was submitted, display-ready, as the snapshot of its round; a
later change of the plan or report never changes an earlier round's snapshot."""

import pytest
from django.contrib.contenttypes.models import ContentType

from aanmelding import service
from aanmelding.constants import Advies, Status
from aanmelding.models import Aanmelding
from kbregeling.workflow import snapshots
from kbregeling.workflow.models import Inzending, TransitionLog
from rapportage import service as rapportage_service
from rapportage.constants import RapportageStatus as S
from rapportage.models import Rapportage

from ..aanmelding.factories import AanmeldingFactory, BibliotheekFactory, GemeenteFactory
from ..accounts.factories import stand_in
from ..rapportage.factories import RapportageFactory

pytestmark = pytest.mark.django_db

ANSWER = "Twee extra cursussen in Zeist; de begroting is aangepast."


def values(snapshot) -> dict[tuple[str, str], str]:
    """(section id, field) → value as shown."""
    return {
        (section["id"], row["name"]): row["value"]
        for section in snapshot.inhoud
        for row in section["rows"]
    }


def send_back(plan):
    plan.refresh_from_db()
    service.advise(plan, stand_in(kb=True), Advies.AANVULLING_NODIG, "Meer cursussen?", plan.status)


def test_a_snapshot_is_kept_at_submission_with_the_values_as_submitted():
    gemeente = GemeenteFactory(naam="Zeist")
    plan = AanmeldingFactory(
        compleet=True,
        status=Status.INGEDIEND,
        bibliotheek=BibliotheekFactory(werkgebied=[gemeente]),
    )

    (snapshot,) = snapshots.of(plan).values()

    assert snapshot.ronde == 1 and snapshot.antwoord == ""
    assert snapshot.ingediend_door.bibliotheek_id == plan.bibliotheek_id
    shown = values(snapshot)
    assert shown["ambitie", "cursussen_jaar1"] == "6"
    assert shown["begroting", "eigen_budget"] == "€\u00a02.500,00"
    assert shown["doelgroepen", "doelgroepen"] == "Senioren, Laaggeletterden"
    assert shown["samenwerking", f"gemeente-{gemeente.pk}-inhoud"].startswith("Paspoort")
    rows = {row["name"]: row for section in snapshot.inhoud for row in section["rows"]}
    assert rows[f"gemeente-{gemeente.pk}-inhoud"]["group"] == "Zeist"
    assert rows["ambitie"]["text"] and not rows["cursussen_jaar1"]["text"]


def test_changing_the_plan_after_resubmission_leaves_round_1_as_it_was():
    plan = AanmeldingFactory(compleet=True, status=Status.INGEDIEND)
    send_back(plan)
    Aanmelding.objects.filter(pk=plan.pk).update(cursussen_jaar1=8)
    service.submit(plan, stand_in(bibliotheek=plan.bibliotheek), answer=ANSWER)
    Aanmelding.objects.filter(pk=plan.pk).update(cursussen_jaar1=9)

    kept = snapshots.of(plan)

    assert values(kept[1])["ambitie", "cursussen_jaar1"] == "6"
    assert values(kept[2])["ambitie", "cursussen_jaar1"] == "8"
    assert kept[2].antwoord == ANSWER


def test_the_answer_is_also_the_remark_of_the_resubmission_in_the_history():
    plan = AanmeldingFactory(compleet=True, status=Status.AANVULLING_GEVRAAGD)

    service.submit(plan, stand_in(bibliotheek=plan.bibliotheek), answer=f"  {ANSWER}\n")

    log = TransitionLog.objects.filter(
        content_type=ContentType.objects.get_for_model(Aanmelding), object_id=plan.pk
    ).last()
    assert (log.transition, log.remark) == ("opnieuw_indienen", ANSWER)


def test_a_first_submission_has_no_answer():
    plan = AanmeldingFactory(compleet=True)

    service.submit(plan, stand_in(bibliotheek=plan.bibliotheek), answer="Alvast een antwoord")

    assert snapshots.of(plan)[1].antwoord == ""


def test_a_submission_that_fails_keeps_no_snapshot():
    plan = AanmeldingFactory()  # empty: cannot be submitted

    with pytest.raises(service.WorkflowError):
        service.submit(plan, stand_in(bibliotheek=plan.bibliotheek))

    assert not Inzending.objects.exists()


def test_a_report_keeps_a_snapshot_of_each_round():
    report = RapportageFactory(ingevuld=True, status=S.AANVULLING_GEVRAAGD)
    Rapportage.objects.filter(pk=report.pk).update(tevredenheid="9.1")
    staff = stand_in(bibliotheek=report.licentie.bibliotheek)

    rapportage_service.submit(report, staff, answer=ANSWER)

    kept = snapshots.of(report)
    assert values(kept[1])["ervaringen", "tevredenheid"] == "8,4"
    assert values(kept[2])["ervaringen", "tevredenheid"] == "9,1"
    assert kept[2].antwoord == ANSWER
