"""The year-report workflow of DOMAIN.md, through the service layer and through the views.

open → concept → ingediend → wacht_op_kb | wacht_op_digisterker → beoordeeld → verlengd |
niet_verlengd, with aanvulling_gevraagd → a new round. Every step is checked on the server
(role, state, organisation); every refused step changes nothing.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext as _

from kbregeling.accounts.constants import Partij
from kbregeling.mail.models import OutgoingMail
from licenties import service as licenties
from licenties.constants import LicentieStatus
from licenties.models import Licentie
from rapportage import service
from rapportage.constants import RapportageStatus as S
from rapportage.constants import Soort
from rapportage.forms import RapportageForm
from rapportage.models import Herinnering, Rapportage, RapportageBeoordeling

from ..accounts.factories import UserFactory
from ..licenties.factories import LicentieFactory
from .factories import RapportageFactory, bulk_reports

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
YEAR_START = date(2026, 1, 1)  # licence year 2026: ends 31 Dec 2026
OTHER_REVIEWER = {"kb": "digisterker", "digisterker": "kb"}
WAITS_FOR_OTHER = {"kb": S.WACHT_OP_DIGISTERKER, "digisterker": S.WACHT_OP_KB}


# Builders ------------------------------------------------------------------------------------


def make_report(bibliotheek, *, status=S.OPEN, ingevuld=True, **fields):
    """The report of ``bibliotheek``'s active 2026 licence year, filled in unless told not."""
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True, begindatum=YEAR_START)
    return RapportageFactory(licentie=licentie, status=status, ingevuld=ingevuld, **fields)


def reload(report):
    return Rapportage.objects.get(pk=report.pk)


def advise(report, reviewer, *, voldoende=True, advies_verlengen=True, motivering=None):
    report = reload(report)
    service.advise(
        report,
        reviewer,
        voldoende=voldoende,
        advies_verlengen=advies_verlengen,
        motivering=motivering or f"Advies van {reviewer.username}.",
        seen_status=report.status,
    )
    return reload(report)


def report_in(status, people, **advice):
    """A complete report of the ``medewerker``'s library, brought to ``status`` the real way."""
    staff, kb, digisterker = people["medewerker"], people["kb"], people["digisterker"]
    report = make_report(staff.bibliotheek)
    if status == S.OPEN:
        return report
    if status == S.CONCEPT:
        report = reload(report)
        service.perform(report, "starten", staff)
        return reload(report)
    service.submit(report, staff)
    steps = {
        S.WACHT_OP_DIGISTERKER: [(kb, True)],
        S.WACHT_OP_KB: [(digisterker, True)],
        S.BEOORDEELD: [(kb, True), (digisterker, True)],
        S.AANVULLING_GEVRAAGD: [(kb, False)],
    }
    for reviewer, voldoende in steps.get(status, []):
        advise(report, reviewer, voldoende=voldoende, **advice)
    report = reload(report)
    assert report.status == status
    return report


def snapshot(report):
    report = reload(report)
    return (
        report.status,
        report.ronde,
        report.versie,
        report.besluit_motivering,
        report.deelnemers_aangemeld,
        RapportageBeoordeling.objects.filter(rapportage=report).count(),
        Licentie.objects.count(),
        report.licentie.status,
    )


def post_data(report, button="opslaan", **changes):
    """What the browser posts from the edit page as it is rendered now, with ``changes``
    (``None`` leaves a field empty)."""
    form = RapportageForm(instance=report)
    data = {button: ""}
    for bound in form:
        value = bound.value()
        if value is None or value == "":
            continue
        data[bound.name] = [str(v) for v in value] if isinstance(value, list) else value
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def advice_data(report, **changes):
    return {
        "voldoende": "True",
        "advies_verlengen": "True",
        "motivering": "Een volledige en heldere rapportage.",
        "seen_status": report.status,
        **changes,
    }


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def people(medewerker, kb, digisterker, coordinator, andere_medewerker):
    return {
        "medewerker": medewerker,
        "kb": kb,
        "digisterker": digisterker,
        "coordinator": coordinator,
        "andere_medewerker": andere_medewerker,
    }


# The happy path, step by step ----------------------------------------------------------------


def test_saving_a_draft_moves_an_open_report_to_concept(client, people):
    staff = people["medewerker"]
    report = make_report(staff.bibliotheek, ingevuld=False)
    client.force_login(staff)

    data = post_data(report, deelnemers_aangemeld="12", versie=str(report.versie))
    response = client.post(reverse("rapportage:edit", args=[report.pk]), data)

    assert response.status_code == 302
    assert response.url == reverse("rapportage:edit", args=[report.pk])
    report = reload(report)
    assert report.status == S.CONCEPT
    assert report.deelnemers_aangemeld == 12
    assert report.versie == 2
    assert report.ronde == 0


def test_a_draft_may_be_saved_incomplete(client, people):
    staff = people["medewerker"]
    report = make_report(staff.bibliotheek, ingevuld=False)
    client.force_login(staff)
    response = client.post(reverse("rapportage:edit", args=[report.pk]), post_data(report))
    assert response.status_code == 302
    assert reload(report).status == S.CONCEPT


def test_saving_over_someone_elses_save_is_refused_and_nothing_changes(client, people):
    staff = people["medewerker"]
    report = make_report(staff.bibliotheek, ingevuld=False)
    client.force_login(staff)
    url = reverse("rapportage:edit", args=[report.pk])
    stale = post_data(report, deelnemers_aangemeld="99")
    assert client.post(url, post_data(report, deelnemers_aangemeld="12")).status_code == 302
    before = snapshot(report)

    response = client.post(url, stale)

    assert response.status_code == 409
    assert snapshot(report) == before
    assert reload(report).deelnemers_aangemeld == 12


def test_library_submits_with_the_indienen_button(client, people):
    staff = people["medewerker"]
    report = make_report(staff.bibliotheek)
    client.force_login(staff)

    response = client.post(
        reverse("rapportage:edit", args=[report.pk]), post_data(report, button="indienen")
    )

    assert response.status_code == 302
    assert response.url == reverse("rapportage:detail", args=[report.pk])
    report = reload(report)
    assert report.status == S.INGEDIEND
    assert report.ronde == 1
    assert report.ingediend_op is not None


def test_library_submits_a_complete_draft_with_the_submit_url(client, people):
    report = report_in(S.CONCEPT, people)
    client.force_login(people["medewerker"])
    response = client.post(reverse("rapportage:submit", args=[report.pk]))
    assert response.status_code == 302
    assert reload(report).status == S.INGEDIEND
    assert reload(report).ronde == 1


def test_an_incomplete_report_cannot_be_submitted(client, people):
    staff = people["medewerker"]
    report = make_report(staff.bibliotheek, status=S.CONCEPT, good_practices="", plannen="")
    client.force_login(staff)
    before = snapshot(report)

    response = client.post(
        reverse("rapportage:edit", args=[report.pk]), post_data(report, button="indienen")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"good_practices", "plannen"}
    assert reload(report).status == S.CONCEPT  # kept as a draft, not submitted
    before = snapshot(report)

    response = client.post(reverse("rapportage:submit", args=[report.pk]), follow=True)
    assert _("The report is not complete yet.") in response.content.decode()
    assert snapshot(report) == before
    with pytest.raises(service.WorkflowError):
        service.submit(report, staff)
    assert snapshot(report) == before


def test_wanting_renewal_requires_the_municipalities_for_it(client, people):
    staff = people["medewerker"]
    report = make_report(staff.bibliotheek, status=S.CONCEPT)
    report.verlengen_gemeenten.clear()
    client.force_login(staff)
    response = client.post(
        reverse("rapportage:edit", args=[report.pk]), post_data(report, button="indienen")
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["verlengen_gemeenten"]
    assert reload(report).status == S.CONCEPT


@pytest.mark.parametrize("first", ["kb", "digisterker"])
def test_both_parties_advise_in_any_order_then_the_report_is_beoordeeld(client, people, first):
    report = report_in(S.INGEDIEND, people)
    second = OTHER_REVIEWER[first]

    client.force_login(people[first])
    url = reverse("rapportage:advise", args=[report.pk])
    assert client.post(url, advice_data(report)).status_code == 302
    report = reload(report)
    assert report.status == WAITS_FOR_OTHER[first]

    client.force_login(people[second])
    assert client.post(url, advice_data(report)).status_code == 302
    report = reload(report)
    assert report.status == S.BEOORDEELD
    advices = RapportageBeoordeling.objects.filter(rapportage=report)
    assert sorted(a.partij for a in advices) == sorted([Partij.KB, Partij.DIGISTERKER])
    assert {a.ronde for a in advices} == {1}


@pytest.mark.parametrize(
    ("start", "reviewer"),
    [
        (S.INGEDIEND, "kb"),
        (S.INGEDIEND, "digisterker"),
        (S.WACHT_OP_KB, "kb"),
        (S.WACHT_OP_DIGISTERKER, "digisterker"),
    ],
)
def test_an_insufficient_advice_asks_the_library_for_more(client, people, start, reviewer):
    report = report_in(start, people)
    client.force_login(people[reviewer])
    response = client.post(
        reverse("rapportage:advise", args=[report.pk]),
        advice_data(report, voldoende="False", motivering="Vul de doelgroepen aan."),
    )
    assert response.status_code == 302
    report = reload(report)
    assert report.status == S.AANVULLING_GEVRAAGD
    assert report.is_bewerkbaar


def test_a_resubmitted_report_starts_round_two_and_keeps_round_one(client, people):
    report = report_in(S.WACHT_OP_DIGISTERKER, people)
    advise(report, people["digisterker"], voldoende=False, motivering="Graag meer over partners.")
    report = reload(report)
    assert report.status == S.AANVULLING_GEVRAAGD

    staff = people["medewerker"]
    client.force_login(staff)
    data = post_data(report, button="indienen", wat_was_lastig="Partners: Humanitas en UWV.")
    assert client.post(reverse("rapportage:edit", args=[report.pk]), data).status_code == 302

    report = reload(report)
    assert report.status == S.INGEDIEND
    assert report.ronde == 2
    round_one = RapportageBeoordeling.objects.filter(rapportage=report, ronde=1)
    assert sorted(a.partij for a in round_one) == sorted([Partij.KB, Partij.DIGISTERKER])
    assert not RapportageBeoordeling.objects.filter(rapportage=report, ronde=2).exists()

    # Both parties advise afresh in round two; round one stays visible on the page.
    advise(report, people["kb"])
    report = advise(report, people["digisterker"])
    assert report.status == S.BEOORDEELD
    assert RapportageBeoordeling.objects.filter(rapportage=report, ronde=2).count() == 2
    client.force_login(people["kb"])
    page = client.get(reverse("rapportage:detail", args=[report.pk])).content.decode()
    assert "Graag meer over partners." in page
    assert [
        r["ronde"]
        for r in client.get(reverse("rapportage:detail", args=[report.pk])).context["rounds"]
    ] == [2, 1]


# The renewal decision ------------------------------------------------------------------------


def test_renewal_creates_exactly_one_next_licence_year_even_when_decided_twice(people):
    report = report_in(S.BEOORDEELD, people)
    licentie = report.licentie

    service.decide(report, people["kb"], verlengen=True)
    service.decide(reload(report), people["kb"], verlengen=True)

    report = reload(report)
    assert report.status == S.VERLENGD
    licentie.refresh_from_db()
    assert licentie.status == LicentieStatus.VERLENGD
    volgende = Licentie.objects.get(vorige=licentie)
    assert volgende.status == LicentieStatus.GEPLAND
    assert volgende.begindatum == date(2027, 1, 1)
    assert volgende.einddatum == date(2027, 12, 31)
    assert set(volgende.gemeenten.all()) == set(report.verlengen_gemeenten.all())
    assert Licentie.objects.filter(bibliotheek=licentie.bibliotheek).count() == 2


def test_posting_the_renewal_decision_twice_creates_one_next_licence_year(client, people):
    report = report_in(S.BEOORDEELD, people)
    client.force_login(people["kb"])
    url = reverse("rapportage:decide", args=[report.pk])

    first = client.post(url, {"verlengen": "True", "motivering": ""})
    second = client.post(url, {"verlengen": "True", "motivering": ""})

    assert first.status_code == second.status_code == 302
    assert reload(report).status == S.VERLENGD
    assert Licentie.objects.filter(vorige=report.licentie).count() == 1
    assert Licentie.objects.filter(bibliotheek=report.licentie.bibliotheek).count() == 2


def test_not_renewing_lets_the_licence_expire_after_its_end_date(client, people):
    report = report_in(S.BEOORDEELD, people, advies_verlengen=False)
    client.force_login(people["kb"])
    response = client.post(
        reverse("rapportage:decide", args=[report.pk]), {"verlengen": "False", "motivering": ""}
    )
    assert response.status_code == 302
    report = reload(report)
    assert report.status == S.NIET_VERLENGD
    assert not Licentie.objects.filter(vorige=report.licentie).exists()
    assert report.licentie.status == LicentieStatus.ACTIEF  # until its end date

    with time_machine.travel(datetime(2026, 12, 31, 12, tzinfo=AMSTERDAM), tick=False):
        licenties.update_states()
    assert Licentie.objects.get(pk=report.licentie_id).status == LicentieStatus.ACTIEF
    with time_machine.travel(datetime(2027, 1, 1, 9, tzinfo=AMSTERDAM), tick=False):
        assert licenties.update_states()["expired"] == 1
    assert Licentie.objects.get(pk=report.licentie_id).status == LicentieStatus.VERLOPEN


def test_a_renewed_licence_does_not_expire(people):
    report = report_in(S.BEOORDEELD, people)
    service.decide(report, people["kb"], verlengen=True)
    with time_machine.travel(datetime(2027, 1, 2, 9, tzinfo=AMSTERDAM), tick=False):
        licenties.update_states()
    assert Licentie.objects.get(pk=report.licentie_id).status == LicentieStatus.VERLENGD


def test_differing_from_an_advice_without_a_reason_is_refused(client, people):
    report = report_in(S.BEOORDEELD, people, advies_verlengen=True)
    before = snapshot(report)
    message = _("Your decision differs from an advice: record the reason for it.")

    with pytest.raises(service.WorkflowError, match="record the reason|reden"):
        service.decide(report, people["kb"], verlengen=False, motivering="  ")
    assert snapshot(report) == before

    client.force_login(people["kb"])
    url = reverse("rapportage:decide", args=[report.pk])
    response = client.post(url, {"verlengen": "False", "motivering": ""})
    assert response.status_code == 200
    assert message in response.context["besluit_form"].non_field_errors()
    assert message in response.content.decode()
    assert snapshot(report) == before

    response = client.post(url, {"verlengen": "False", "motivering": "Te weinig deelnemers."})
    assert response.status_code == 302
    report = reload(report)
    assert report.status == S.NIET_VERLENGD
    assert report.besluit_motivering == "Te weinig deelnemers."


def test_differing_from_one_of_two_advices_also_needs_a_reason(people):
    report = report_in(S.WACHT_OP_KB, people, advies_verlengen=False)  # Digisterker: no
    report = advise(report, people["kb"], advies_verlengen=True)
    assert report.status == S.BEOORDEELD
    with pytest.raises(service.WorkflowError):
        service.decide(report, people["kb"], verlengen=True)
    assert reload(report).status == S.BEOORDEELD
    service.decide(report, people["kb"], verlengen=True, motivering="Gemeente betaalt mee.")
    assert reload(report).status == S.VERLENGD


# Guards: role, state, organisation -----------------------------------------------------------


def test_library_staff_cannot_advise(client, people):
    report = report_in(S.INGEDIEND, people)
    before = snapshot(report)
    client.force_login(people["medewerker"])
    response = client.post(reverse("rapportage:advise", args=[report.pk]), advice_data(report))
    assert response.status_code == 403
    assert snapshot(report) == before
    with pytest.raises(PermissionDenied):
        advise(report, people["medewerker"])
    assert snapshot(report) == before


@pytest.mark.parametrize("who", ["digisterker", "medewerker", "coordinator"])
def test_only_kb_decides(client, people, who):
    report = report_in(S.BEOORDEELD, people)
    before = snapshot(report)
    client.force_login(people[who])
    response = client.post(
        reverse("rapportage:decide", args=[report.pk]), {"verlengen": "True", "motivering": "Ja."}
    )
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        service.decide(report, people[who], verlengen=True, motivering="Ja.")
    assert snapshot(report) == before


@pytest.mark.parametrize(
    "status", [S.INGEDIEND, S.WACHT_OP_KB, S.AANVULLING_GEVRAAGD, S.BEOORDEELD]
)
def test_the_coordinator_only_reads(client, people, status):
    report = report_in(status, people)
    before = snapshot(report)
    client.force_login(people["coordinator"])
    assert client.get(reverse("rapportage:detail", args=[report.pk])).status_code == 200
    posts = [
        ("rapportage:edit", post_data(report, button="indienen")),
        ("rapportage:submit", {}),
        ("rapportage:advise", advice_data(report)),
        ("rapportage:decide", {"verlengen": "True", "motivering": "Ja."}),
    ]
    for name, data in posts:
        response = client.post(reverse(name, args=[report.pk]), data)
        assert response.status_code == 403, name
    assert snapshot(report) == before


@pytest.mark.parametrize("status", [S.INGEDIEND, S.WACHT_OP_KB, S.WACHT_OP_DIGISTERKER])
def test_deciding_before_both_parties_advised_is_refused(client, people, status):
    report = report_in(status, people)
    before = snapshot(report)
    client.force_login(people["kb"])
    response = client.post(
        reverse("rapportage:decide", args=[report.pk]), {"verlengen": "True", "motivering": "Ja."}
    )
    assert response.status_code == 403
    with pytest.raises((PermissionDenied, service.WorkflowError)):
        service.decide(report, people["kb"], verlengen=True, motivering="Ja.")
    assert snapshot(report) == before


@pytest.mark.parametrize("reviewer", ["kb", "digisterker"])
def test_a_party_advises_once_per_round(client, people, reviewer):
    report = report_in(S.INGEDIEND, people)
    report = advise(report, people[reviewer])
    before = snapshot(report)
    client.force_login(people[reviewer])
    url = reverse("rapportage:advise", args=[report.pk])
    for seen in [report.status, S.INGEDIEND]:
        response = client.post(url, advice_data(report, seen_status=seen))
        assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        advise(report, people[reviewer])
    assert snapshot(report) == before


def test_advice_on_a_state_that_changed_meanwhile_is_refused(client, people):
    report = report_in(S.INGEDIEND, people)
    seen = report.status
    advise(report, people["kb"])
    before = snapshot(report)
    client.force_login(people["digisterker"])
    response = client.post(
        reverse("rapportage:advise", args=[report.pk]), advice_data(report, seen_status=seen)
    )
    assert response.status_code == 409
    assert snapshot(report) == before


@pytest.mark.parametrize("status", [S.OPEN, S.CONCEPT])
def test_nobody_advises_or_decides_on_a_report_not_yet_submitted(client, people, status):
    report = report_in(status, people)
    before = snapshot(report)
    for who in ["kb", "digisterker"]:
        client.force_login(people[who])
        for name, data in [
            ("rapportage:advise", advice_data(report)),
            ("rapportage:decide", {"verlengen": "True", "motivering": "Ja."}),
        ]:
            assert client.post(reverse(name, args=[report.pk]), data).status_code == 404
    assert snapshot(report) == before


def test_library_cannot_edit_a_report_under_assessment(client, people):
    report = report_in(S.WACHT_OP_KB, people)
    before = snapshot(report)
    client.force_login(people["medewerker"])
    url = reverse("rapportage:edit", args=[report.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, post_data(report, deelnemers_aangemeld="1")).status_code == 403
    assert snapshot(report) == before


@pytest.mark.parametrize("status", [S.OPEN, S.CONCEPT, S.INGEDIEND, S.VERLENGD])
def test_another_librarys_staff_get_404_everywhere(client, people, status):
    report = report_in(S.BEOORDEELD if status == S.VERLENGD else status, people)
    if status == S.VERLENGD:
        service.decide(report, people["kb"], verlengen=True)
    before = snapshot(report)
    client.force_login(people["andere_medewerker"])
    for name in ["rapportage:detail", "rapportage:edit", "rapportage:pdf"]:
        assert client.get(reverse(name, args=[report.pk])).status_code == 404, name
    for name, data in [
        ("rapportage:edit", post_data(report, button="indienen")),
        ("rapportage:submit", {}),
    ]:
        assert client.post(reverse(name, args=[report.pk]), data).status_code == 404, name
    assert snapshot(report) == before
    page = client.get(reverse("rapportage:mine")).content.decode()
    assert reverse("rapportage:detail", args=[report.pk]) not in page


@pytest.mark.parametrize("status", [S.OPEN, S.CONCEPT])
@pytest.mark.parametrize("who", ["kb", "digisterker", "coordinator"])
def test_reviewers_never_see_open_or_draft_reports(client, people, status, who):
    report = report_in(status, people)
    client.force_login(people[who])
    for name in ["rapportage:detail", "rapportage:pdf", "rapportage:edit"]:
        assert client.get(reverse(name, args=[report.pk])).status_code == 404, name
    for query in ["", f"?status={status}"]:
        response = client.get(reverse("rapportage:dashboard") + query)
        assert response.status_code == 200
        assert report.pk not in [row["pk"] for row in response.context["page"].object_list]
    assert client.post(reverse("rapportage:submit", args=[report.pk])).status_code == 404


def test_own_staff_see_their_report_in_every_state(client, people):
    report = report_in(S.OPEN, people)
    client.force_login(people["medewerker"])
    assert client.get(reverse("rapportage:detail", args=[report.pk])).status_code == 200
    assert client.get(reverse("rapportage:edit", args=[report.pk])).status_code == 200
    assert report in client.get(reverse("rapportage:mine")).context["rapportages"]


# Cross-field checks and no personal data -----------------------------------------------------


@pytest.mark.parametrize("button", ["opslaan", "indienen"])
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (
            {"deelnemers_aangemeld": "10", "deelnemers_gestart": "11", "deelnemers_afgerond": "5"},
            "deelnemers_gestart",
        ),
        ({"deelnemers_gestart": "10", "deelnemers_afgerond": "11"}, "deelnemers_afgerond"),
        ({"percentage_zelfredzamer": "101"}, "percentage_zelfredzamer"),
        ({"percentage_zelfredzamer": "-1"}, "percentage_zelfredzamer"),
        ({"tevredenheid": "0"}, "tevredenheid"),
        ({"tevredenheid": "10.5"}, "tevredenheid"),
        ({"tevredenheid": "11"}, "tevredenheid"),
    ],
)
def test_cross_field_and_range_checks_give_one_clear_error_per_field(
    client, people, button, changes, field
):
    staff = people["medewerker"]
    report = make_report(staff.bibliotheek, status=S.CONCEPT)
    before = snapshot(report)
    client.force_login(staff)

    response = client.post(
        reverse("rapportage:edit", args=[report.pk]), post_data(report, button=button, **changes)
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert len(errors[field]) == 1
    assert snapshot(report) == before


def test_a_draft_with_only_some_numbers_is_checked_too(client, people):
    staff = people["medewerker"]
    report = make_report(staff.bibliotheek, ingevuld=False)
    client.force_login(staff)
    data = post_data(
        report, deelnemers_aangemeld="5", deelnemers_gestart="8", deelnemers_afgerond="9"
    )
    response = client.post(reverse("rapportage:edit", args=[report.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"deelnemers_gestart", "deelnemers_afgerond"}
    assert "8" in errors["deelnemers_gestart"][0] and "5" in errors["deelnemers_gestart"][0]
    assert reload(report).status == S.OPEN


@pytest.mark.parametrize(
    ("aangemeld", "gestart", "afgerond"), [("10", "10", "10"), ("10", "0", "0"), ("0", "0", "0")]
)
def test_equal_numbers_and_the_range_ends_are_accepted(
    client, people, aangemeld, gestart, afgerond
):
    staff = people["medewerker"]
    report = make_report(staff.bibliotheek, status=S.CONCEPT)
    client.force_login(staff)
    data = post_data(
        report,
        deelnemers_aangemeld=aangemeld,
        deelnemers_gestart=gestart,
        deelnemers_afgerond=afgerond,
        percentage_zelfredzamer="100",
        tevredenheid="10",
    )
    assert client.post(reverse("rapportage:edit", args=[report.pk]), data).status_code == 302
    data["percentage_zelfredzamer"], data["tevredenheid"] = "0", "1"
    data["versie"] = str(reload(report).versie)
    assert client.post(reverse("rapportage:edit", args=[report.pk]), data).status_code == 302


PERSONAL = ["naam", "name", "email", "mail", "adres", "address", "geboorte", "birth", "bsn"]


def test_the_report_never_asks_personal_data(people):
    report = make_report(people["medewerker"].bibliotheek)
    form = RapportageForm(instance=report)
    for name in [*form.fields, *(f.name for f in Rapportage._meta.get_fields())]:
        assert not any(word in name.lower() for word in PERSONAL), name


# Opening and due date ------------------------------------------------------------------------


def test_a_report_opens_8_weeks_before_the_year_ends_and_is_due_4_weeks_after(bibliotheek):
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True, begindatum=YEAR_START)
    assert service.open_due_reports(date(2026, 11, 4)) == []
    assert not Rapportage.objects.exists()

    [report] = service.open_due_reports(date(2026, 11, 5))

    assert report.licentie == licentie
    assert report.status == S.OPEN
    assert report.opent_op == date(2026, 11, 5)
    assert report.deadline == date(2027, 1, 28)
    assert service.open_due_reports(date(2026, 11, 6)) == []  # idempotent
    assert Rapportage.objects.count() == 1


def test_the_opening_and_due_weeks_are_settings(settings, bibliotheek):
    settings.RAPPORTAGE_OPENS_WEEKS_BEFORE = 4
    settings.RAPPORTAGE_DUE_WEEKS_AFTER = 2
    LicentieFactory(bibliotheek=bibliotheek, actief=True, begindatum=YEAR_START)
    assert service.open_due_reports(date(2026, 12, 2)) == []
    [report] = service.open_due_reports(date(2026, 12, 3))
    assert (report.opent_op, report.deadline) == (date(2026, 12, 3), date(2027, 1, 14))


@pytest.mark.parametrize("trait", ["gepland", "beeindigd"])
def test_only_active_or_ended_licence_years_get_a_report(bibliotheek, trait):
    kwargs = {"beeindigd": True} if trait == "beeindigd" else {}
    LicentieFactory(bibliotheek=bibliotheek, begindatum=YEAR_START, **kwargs)
    assert service.open_due_reports(date(2027, 2, 1)) == []


# E-mail ---------------------------------------------------------------------------------------


def subjects_to(mailoutbox):
    return [(m.subject, sorted(m.to)) for m in mailoutbox]


def test_reviewers_hear_of_a_submitted_report(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    report = report_in(S.CONCEPT, people)
    with django_capture_on_commit_callbacks(execute=True):
        service.submit(report, people["medewerker"])
    subject = _("A year report awaits your advice: %(library)s") % {
        "library": report.licentie.bibliotheek
    }
    assert sorted(subjects_to(mailoutbox)) == sorted(
        [(subject, [people["kb"].email]), (subject, [people["digisterker"].email])]
    )


@pytest.mark.parametrize(
    ("reviewer", "party"), [("kb", "KB"), ("digisterker", "Stichting Digisterker")]
)
def test_the_library_hears_which_party_needs_more_information_and_its_question(
    people, mailoutbox, django_capture_on_commit_callbacks, reviewer, party
):
    report = report_in(S.INGEDIEND, people)
    with django_capture_on_commit_callbacks(execute=True):
        advise(report, people[reviewer], voldoende=False, motivering="Graag de doelgroepen.")
    [mail] = mailoutbox
    # The party that asked, in the subject; its question quoted in the body.
    assert mail.subject == _("%(party)s needs more information about your year report") % {
        "party": _(party)
    }
    library = report.licentie.bibliotheek
    assert sorted(mail.to) == sorted([library.contact_email, people["medewerker"].email])
    assert '"Graag de doelgroepen."' in mail.body


@pytest.mark.parametrize(
    ("verlengen", "subject"),
    [
        (True, "Your Digisterker licence has been renewed"),
        (False, "Your Digisterker licence will not be renewed"),
    ],
)
def test_the_library_hears_of_the_renewal_decision(
    people, mailoutbox, django_capture_on_commit_callbacks, verlengen, subject
):
    report = report_in(S.BEOORDEELD, people, advies_verlengen=verlengen)
    with django_capture_on_commit_callbacks(execute=True):
        service.decide(report, people["kb"], verlengen=verlengen)
    library = report.licentie.bibliotheek
    to_library = [m for m in mailoutbox if library.contact_email in m.to]
    assert [m.subject for m in to_library] == [_(subject)]
    assert sorted(to_library[0].to) == sorted([library.contact_email, people["medewerker"].email])
    assert all(people["andere_medewerker"].email not in m.to for m in mailoutbox)


def test_a_positive_advice_sends_the_library_nothing(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    report = report_in(S.INGEDIEND, people)
    with django_capture_on_commit_callbacks(execute=True):
        advise(report, people["kb"])
    assert mailoutbox == []


# Query counts --------------------------------------------------------------------------------


def count_queries(client, url) -> int:
    """The queries of one request after a first one has filled the process-wide caches."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def many_reports(n):
    """``n`` reports of as many libraries, half submitted and half assessed, each with a
    reminder row, and one weekly digest row."""
    reports = [
        *bulk_reports(n // 2, status=S.INGEDIEND),
        *bulk_reports(n - n // 2, status=S.BEOORDEELD),
    ]
    mails = OutgoingMail.objects.bulk_create(
        OutgoingMail(
            subject="Jaarrapportage",
            body="Tekst",
            to=report.licentie.bibliotheek.contact_email,
            cc="coordinator@kb.example" if i % 3 else "",
        )
        for i, report in enumerate(reports)
    )
    Herinnering.objects.bulk_create(
        Herinnering(
            rapportage=report, soort=Soort.AANKONDIGING, vervaldatum=report.opent_op, mail=mail
        )
        for report, mail in zip(reports, mails, strict=True)
    )
    Herinnering.objects.create(
        ontvanger=UserFactory(kb=True, first_name="Kim", last_name="Bakker"),
        soort=Soort.OVERZICHT,
        vervaldatum=date(2026, 11, 2) + timedelta(weeks=n),
        mail=OutgoingMail.objects.create(subject="Overzicht", body="Tekst", to="kim@kb.example"),
    )


@pytest.mark.parametrize(
    ("who", "url", "expected"),
    [
        ("kb", "rapportage:dashboard", 5),
        ("digisterker", "rapportage:dashboard?status=beoordeeld", 5),
        ("coordinator", "rapportage:reminders", 6),
        ("medewerker", "rapportage:good_practices", 8),
        ("kb", "rapportage:good_practices?q=inloopspreekuur&doelgroep=dg_senioren", 7),
        ("digisterker", "rapportage:good_practices?provincie=Utrecht", 7),
    ],
)
def test_list_pages_run_the_same_queries_for_10_and_1000_reports(
    client, people, who, url, expected
):
    """The number is pinned too, so a new query per page is a conscious change."""
    name, _sep, query = url.partition("?")
    url = reverse(name) + (f"?{query}" if query else "")
    client.force_login(people[who])
    many_reports(10)
    few = count_queries(client, url)
    assert client.get(url).context["page"].paginator.count > 0
    many_reports(990)
    many = count_queries(client, url)
    assert (few, many) == (expected, expected)


def test_a_report_awaiting_the_renewal_decision_is_in_kbs_default_queue_only(client, people):
    report = report_in(S.BEOORDEELD, people)
    client.force_login(people["kb"])
    assert report.pk in listed(client.get(reverse("rapportage:dashboard")))
    client.force_login(people["digisterker"])
    assert report.pk not in listed(client.get(reverse("rapportage:dashboard")))


def test_kb_hears_by_email_when_both_parties_have_advised(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    report = report_in(S.WACHT_OP_DIGISTERKER, people)
    with django_capture_on_commit_callbacks(execute=True):
        advise(report, people["digisterker"])
    assert [m.to for m in mailoutbox] == [[people["kb"].email]]
    assert report.licentie.bibliotheek.naam in mailoutbox[0].subject


def test_satisfaction_is_shown_as_a_number_not_as_money(client, people):
    report = report_in(S.INGEDIEND, people)
    client.force_login(people["medewerker"])
    html = client.get(reverse("rapportage:detail", args=[report.pk])).content.decode()
    assert f"€ {report.tevredenheid}".replace(".", ",") not in html
    assert str(report.tevredenheid).replace(".", ",") in html


def test_an_incomplete_submission_still_saves_what_was_typed_as_a_draft(client, people):
    report = make_report(people["medewerker"].bibliotheek, ingevuld=False)
    client.force_login(people["medewerker"])
    data = {"versie": report.versie, "wat_ging_goed": "De kleine groepen.", "indienen": "1"}

    response = client.post(reverse("rapportage:edit", args=[report.pk]), data)

    assert response.status_code == 200
    report = reload(report)
    assert report.status == S.CONCEPT
    assert report.wat_ging_goed == "De kleine groepen."
    assert f'name="versie" value="{report.versie}"' in response.content.decode()
    assert 'href="#id_cursussen_gestart"' in response.content.decode()


def listed(response) -> list[int]:
    """The reports of the reviewers' list page, by pk (its rows are plain values)."""
    return [row["pk"] for row in response.context["page"].object_list]
