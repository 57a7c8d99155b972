"""The licence workflow: who may take which step, from which state, and every step is logged.

gepland ──activeren (the daily task, start date come, agreement signed)──▶ actief
actief ──laten_verlopen (the daily task, after the end date, not renewed)──▶ verlopen
actief | verlopen ──verlengen (KB, service.renew)──▶ verlengd (+ next year gepland)
gepland | actief ──beeindigen (KB, with a reason)──▶ beeindigd
"""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django_fsm import has_transition_perm

from kbregeling.workflow.audit import history
from kbregeling.workflow.runner import WorkflowError, perform
from licenties import service
from licenties.constants import LicentieStatus
from licenties.models import Licentie

from ..aanmelding.factories import GemeenteFactory
from ..helpers import fresh
from .factories import LicentieFactory, OvereenkomstFactory, TariefFactory

pytestmark = pytest.mark.django_db

ALL_ROLES = ["kb", "digisterker", "coordinator", "medewerker"]


def steps(licentie):
    return [(e.transition, e.source, e.target) for e in history(licentie)]


# Activation and expiry: the calendar's, through the daily task ------------------------------


@time_machine.travel("2027-01-01 09:00 +01:00", tick=False)
def test_licence_becomes_active_on_its_start_date_when_the_agreement_is_signed(bibliotheek):
    licentie = LicentieFactory(bibliotheek=bibliotheek, begindatum=date(2027, 1, 1), getekend=True)

    assert service.update_states() == {"activated": 1, "expired": 0}

    assert fresh(licentie).status == LicentieStatus.ACTIEF
    [entry] = history(licentie)
    assert (entry.transition, entry.source, entry.target) == ("activeren", "gepland", "actief")
    assert entry.by is None  # the system, not a person
    assert entry.remark


@pytest.mark.parametrize("overeenkomst", [None, "concept"], ids=["no-agreement", "draft"])
@time_machine.travel("2027-03-01 09:00 +01:00", tick=False)
def test_licence_cannot_become_active_without_signed_agreement(bibliotheek, overeenkomst):
    if overeenkomst:
        OvereenkomstFactory(bibliotheek=bibliotheek, getekend=True, status=overeenkomst)
    licentie = LicentieFactory(bibliotheek=bibliotheek, begindatum=date(2027, 1, 1))

    assert service.update_states() == {"activated": 0, "expired": 0}
    with pytest.raises(WorkflowError):
        perform(fresh(licentie), "activeren", None, system=True)

    assert fresh(licentie).status == LicentieStatus.GEPLAND
    assert history(licentie) == []


@time_machine.travel("2026-12-31 23:59 +01:00", tick=False)
def test_licence_does_not_become_active_before_its_start_date(bibliotheek):
    licentie = LicentieFactory(bibliotheek=bibliotheek, begindatum=date(2027, 1, 1), getekend=True)

    assert service.update_states() == {"activated": 0, "expired": 0}
    with pytest.raises(WorkflowError):
        perform(fresh(licentie), "activeren", None, system=True)
    assert fresh(licentie).status == LicentieStatus.GEPLAND


@time_machine.travel("2027-02-01 09:00 +01:00", tick=False)
def test_signing_the_agreement_late_lets_the_next_run_activate_the_licence(
    bibliotheek, digisterker
):
    overeenkomst = OvereenkomstFactory(bibliotheek=bibliotheek, getekend=True, status="concept")
    licentie = LicentieFactory(bibliotheek=bibliotheek, begindatum=date(2027, 1, 1))
    assert service.update_states()["activated"] == 0

    service.sign_agreement(overeenkomst, digisterker)

    assert service.update_states()["activated"] == 1
    assert fresh(licentie).status == LicentieStatus.ACTIEF


@pytest.mark.parametrize("who", ALL_ROLES)
@pytest.mark.parametrize("name", ["activeren", "laten_verlopen"])
@time_machine.travel("2028-06-01 09:00 +02:00", tick=False)
def test_nobody_activates_or_expires_a_licence_by_hand(request, bibliotheek, who, name):
    user = request.getfixturevalue(who)
    status = LicentieStatus.GEPLAND if name == "activeren" else LicentieStatus.ACTIEF
    licentie = LicentieFactory(bibliotheek=bibliotheek, status=status, getekend=True)

    assert not has_transition_perm(getattr(licentie, name), user)
    with pytest.raises(PermissionDenied):
        perform(licentie, name, user)
    assert fresh(licentie).status == status


@time_machine.travel("2028-01-01 09:00 +01:00", tick=False)
def test_active_licence_expires_after_its_end_date_when_not_renewed(bibliotheek):
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True, getekend=True)

    assert service.update_states() == {"activated": 0, "expired": 1}

    assert fresh(licentie).status == LicentieStatus.VERLOPEN
    assert steps(licentie) == [("laten_verlopen", "actief", "verlopen")]


@time_machine.travel("2027-12-31 23:30 +01:00", tick=False)
def test_licence_is_still_active_on_its_last_day(bibliotheek):
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True, getekend=True)

    assert service.update_states() == {"activated": 0, "expired": 0}
    assert fresh(licentie).status == LicentieStatus.ACTIEF


@time_machine.travel("2028-01-05 09:00 +01:00", tick=False)
def test_renewed_licence_does_not_expire(bibliotheek, kb):
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True, getekend=True)
    volgende = service.renew(licentie, kb)

    counts = service.update_states()

    assert fresh(licentie).status == LicentieStatus.VERLENGD
    assert fresh(volgende).status == LicentieStatus.ACTIEF  # it started on 1 January
    assert counts == {"activated": 1, "expired": 0}


# Renewal: KB only, once -------------------------------------------------------------------


@time_machine.travel("2027-11-15 09:00 +01:00", tick=False)
def test_kb_renews_a_licence_into_exactly_one_next_planned_year_starting_the_day_after(
    bibliotheek, kb
):
    TariefFactory(jaar=2028, bedrag=Decimal("6400.00"))
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True, getekend=True)

    volgende = service.renew(licentie, kb, remark="Goed jaar.")
    again = service.renew(fresh(licentie), kb)

    assert again == volgende
    assert Licentie.objects.filter(vorige=licentie).count() == 1
    assert Licentie.objects.count() == 2
    assert fresh(licentie).status == LicentieStatus.VERLENGD
    assert volgende.status == LicentieStatus.GEPLAND
    assert (volgende.begindatum, volgende.einddatum) == (date(2028, 1, 1), date(2028, 12, 31))
    assert volgende.vorige == licentie and volgende.aanmelding_id == licentie.aanmelding_id
    assert volgende.waarde == Decimal("6400.00")  # the tariff of the new start year
    assert set(volgende.gemeenten.all()) == set(licentie.gemeenten.all())
    [entry] = history(licentie)
    assert (entry.transition, entry.target, entry.by, entry.remark) == (
        "verlengen",
        "verlengd",
        kb,
        "Goed jaar.",
    )


def test_renewal_may_cover_other_municipalities(bibliotheek, kb):
    extra = GemeenteFactory()
    bibliotheek.werkgebied.add(extra)
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True, gemeenten=[])

    volgende = service.renew(licentie, kb, gemeenten=[extra])

    assert list(volgende.gemeenten.all()) == [extra]


def test_an_expired_licence_can_still_be_renewed(bibliotheek, kb):
    licentie = LicentieFactory(bibliotheek=bibliotheek, verlopen=True)

    volgende = service.renew(licentie, kb)

    assert fresh(licentie).status == LicentieStatus.VERLENGD
    assert volgende.begindatum == date(2028, 1, 1)


@pytest.mark.parametrize("who", ["digisterker", "coordinator", "medewerker"])
def test_only_kb_renews_a_licence(request, bibliotheek, who):
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True)

    with pytest.raises(PermissionDenied):
        service.renew(licentie, request.getfixturevalue(who))

    assert fresh(licentie).status == LicentieStatus.ACTIEF
    assert Licentie.objects.count() == 1
    assert history(licentie) == []


@pytest.mark.parametrize("status", [LicentieStatus.GEPLAND, LicentieStatus.BEEINDIGD])
def test_a_planned_or_ended_licence_cannot_be_renewed(bibliotheek, kb, status):
    licentie = LicentieFactory(bibliotheek=bibliotheek, status=status)

    with pytest.raises((PermissionDenied, WorkflowError)):
        service.renew(licentie, kb)

    assert Licentie.objects.count() == 1
    assert fresh(licentie).status == status


# Ending early: KB only, with a reason ------------------------------------------------------


@pytest.mark.parametrize("status", [LicentieStatus.GEPLAND, LicentieStatus.ACTIEF])
def test_kb_ends_a_planned_or_active_licence_with_a_reason(client, kb, bibliotheek, status):
    licentie = LicentieFactory(bibliotheek=bibliotheek, status=status)
    client.force_login(kb)

    response = client.post(
        reverse("licenties:end", args=[licentie.pk]), {"reden": "  De bibliotheek stopt.  "}
    )

    assert response.status_code == 302
    ended = fresh(licentie)
    assert ended.status == LicentieStatus.BEEINDIGD
    assert ended.reden_beeindiging == "De bibliotheek stopt."
    [entry] = history(licentie)
    assert (entry.transition, entry.source, entry.target) == ("beeindigen", status, "beeindigd")
    assert (entry.by, entry.remark) == (kb, "De bibliotheek stopt.")


@pytest.mark.parametrize("reden", ["", "   "], ids=["empty", "blank"])
def test_ending_a_licence_needs_a_reason(client, kb, bibliotheek, reden):
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True)
    client.force_login(kb)

    response = client.post(reverse("licenties:end", args=[licentie.pk]), {"reden": reden})

    assert response.status_code == 400
    assert response.context["end_form"].errors["reden"]
    assert fresh(licentie).status == LicentieStatus.ACTIEF
    assert fresh(licentie).reden_beeindiging == ""
    assert history(licentie) == []


def test_the_service_refuses_to_end_a_licence_without_a_reason(bibliotheek, kb):
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True)
    with pytest.raises(WorkflowError):
        service.end(licentie, kb, "  ")
    assert fresh(licentie).status == LicentieStatus.ACTIEF


@pytest.mark.parametrize(
    "status", [LicentieStatus.VERLOPEN, LicentieStatus.VERLENGD, LicentieStatus.BEEINDIGD]
)
def test_a_finished_licence_cannot_be_ended(client, kb, bibliotheek, status):
    licentie = LicentieFactory(bibliotheek=bibliotheek, status=status)
    before = history(licentie)  # renewed and ended years were brought there by a logged step
    client.force_login(kb)

    response = client.post(reverse("licenties:end", args=[licentie.pk]), {"reden": "Stop."})

    assert response.status_code in (400, 403)
    assert fresh(licentie).status == status
    assert history(licentie) == before


@pytest.mark.parametrize("who", ["medewerker", "digisterker", "coordinator", "andere_medewerker"])
def test_only_kb_ends_a_licence(request, client, bibliotheek, who):
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True)
    user = request.getfixturevalue(who)
    client.force_login(user)

    response = client.post(reverse("licenties:end", args=[licentie.pk]), {"reden": "Stop."})

    assert response.status_code in (403, 404)
    if who == "andere_medewerker":
        assert response.status_code == 404  # another library's licence does not exist for them
    assert fresh(licentie).status == LicentieStatus.ACTIEF
    with pytest.raises(PermissionDenied):
        service.end(licentie, user, "Stop.")
    assert history(licentie) == []


def test_detail_page_offers_ending_only_to_kb(client, kb, digisterker, bibliotheek):
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True)
    url = reverse("licenties:detail", args=[licentie.pk])
    end_url = reverse("licenties:end", args=[licentie.pk])

    client.force_login(kb)
    assert client.get(url).context["can_end"] and end_url in client.get(url).content.decode()
    client.force_login(digisterker)
    page = client.get(url)
    assert not page.context["can_end"] and end_url not in page.content.decode()


# The log ----------------------------------------------------------------------------------


def test_every_step_of_a_licence_life_is_in_the_transition_log(bibliotheek, kb, digisterker):
    overeenkomst = OvereenkomstFactory(bibliotheek=bibliotheek, getekend=True, status="concept")
    eerste = LicentieFactory(bibliotheek=bibliotheek, begindatum=date(2027, 1, 1))

    with time_machine.travel("2026-12-01 10:00 +01:00", tick=False):
        service.sign_agreement(overeenkomst, digisterker)
    with time_machine.travel("2027-01-01 00:15 +01:00", tick=False):
        service.update_states()
    with time_machine.travel("2027-11-15 10:00 +01:00", tick=False):
        volgende = service.renew(fresh(eerste), kb)
    with time_machine.travel("2028-01-01 00:15 +01:00", tick=False):
        service.update_states()
    with time_machine.travel("2028-03-01 10:00 +01:00", tick=False):
        service.end(fresh(volgende), kb, "Fusie van bibliotheken.")

    assert steps(overeenkomst) == [("ondertekenen", "concept", "getekend")]
    assert steps(eerste) == [
        ("activeren", "gepland", "actief"),
        ("verlengen", "actief", "verlengd"),
    ]
    assert steps(volgende) == [
        ("activeren", "gepland", "actief"),
        ("beeindigen", "actief", "beeindigd"),
    ]
    assert [e.by for e in history(volgende)] == [None, kb]


def test_a_step_without_a_user_is_refused_unless_it_is_a_system_step(bibliotheek):
    licentie = LicentieFactory(bibliotheek=bibliotheek, begindatum=date(2020, 1, 1), getekend=True)
    with pytest.raises(PermissionDenied):
        perform(fresh(licentie), "activeren", None)
    assert fresh(licentie).status == LicentieStatus.GEPLAND
