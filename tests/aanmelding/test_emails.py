"""Which e-mail each step of a sign-up sends: the library hears of every outcome once,
reviewers hear when a plan awaits them; a withdrawn, refused, stale or repeated step sends
nothing.
"""

import pytest
from django.urls import reverse

from aanmelding import service
from aanmelding.constants import Advies, Status

from ..accounts.factories import UserFactory, staff_of
from .factories import AanmeldingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library_addresses(bibliotheek, medewerker):
    """The contact address and every active staff member; not the one who left."""
    staff_of(bibliotheek, is_active=False, email="vertrokken@bibliotheek.example")
    staff_of(bibliotheek, email="")
    return sorted([bibliotheek.contact_email, medewerker.email])


def detail_url(aanmelding):
    return reverse("aanmelding:detail", args=[aanmelding.pk])


def advise(plan, reviewer, advies, motivering):
    plan.refresh_from_db()
    service.advise(plan, reviewer, advies, motivering, plan.status)
    plan.refresh_from_db()


# One mail per outcome -------------------------------------------------------------------------


def test_submission_confirms_to_the_library_and_tells_each_reviewer_party_once(
    mailoutbox, mail_on_commit, concept, medewerker, library_addresses, kb, digisterker
):
    second_kb = UserFactory(kb=True)
    UserFactory(kb=True, is_active=False)
    UserFactory(coordinator=True)
    with mail_on_commit():
        service.submit(concept, medewerker)

    assert len(mailoutbox) == 3
    library_mail, kb_mail, digisterker_mail = mailoutbox
    assert sorted(library_mail.to) == library_addresses
    assert sorted(kb_mail.to) == sorted([kb.email, second_kb.email])
    assert digisterker_mail.to == [digisterker.email]
    assert kb_mail.subject == digisterker_mail.subject != library_mail.subject
    for mail in mailoutbox:
        assert concept.bibliotheek.naam in mail.subject
        assert detail_url(concept) in mail.body


def test_resubmission_tells_the_library_and_both_parties_again(
    mailoutbox, mail_on_commit, ingediend, medewerker, library_addresses, kb, digisterker
):
    advise(ingediend, kb, Advies.AANVULLING_NODIG, "Meer over de docenten.")
    with mail_on_commit():
        service.submit(ingediend, medewerker)
    assert [sorted(m.to) for m in mailoutbox] == [
        library_addresses,
        [kb.email],
        [digisterker.email],
    ]


@pytest.mark.parametrize(
    ("steps", "outcome"),
    [
        ([("kb", Advies.POSITIEF), ("digisterker", Advies.POSITIEF)], Status.GOEDGEKEURD),
        ([("digisterker", Advies.POSITIEF), ("kb", Advies.POSITIEF)], Status.GOEDGEKEURD),
        ([("kb", Advies.NEGATIEF)], Status.AFGEWEZEN),
        ([("digisterker", Advies.POSITIEF), ("kb", Advies.NEGATIEF)], Status.AFGEWEZEN),
        ([("digisterker", Advies.AANVULLING_NODIG)], Status.AANVULLING_GEVRAAGD),
        (
            [("kb", Advies.POSITIEF), ("digisterker", Advies.AANVULLING_NODIG)],
            Status.AANVULLING_GEVRAAGD,
        ),
    ],
)
def test_each_outcome_mails_the_library_once_with_the_motivation(
    mailoutbox, mail_on_commit, ingediend, library_addresses, kb, digisterker, steps, outcome
):
    reviewers = {"kb": kb, "digisterker": digisterker}
    with mail_on_commit():
        for party, advies in steps:
            advise(ingediend, reviewers[party], advies, f"De motivering van {party}.")
    assert ingediend.status == outcome
    assert len(mailoutbox) == 1
    (mail,) = mailoutbox
    assert sorted(mail.to) == library_addresses
    last_party = steps[-1][0]
    assert f"De motivering van {last_party}." in mail.body
    assert detail_url(ingediend) in mail.body


def test_the_three_outcomes_are_told_apart_by_their_subject(
    mailoutbox, mail_on_commit, bibliotheek, kb, digisterker
):
    outcomes = {
        Status.GOEDGEKEURD: [(kb, Advies.POSITIEF), (digisterker, Advies.POSITIEF)],
        Status.AFGEWEZEN: [(kb, Advies.NEGATIEF)],
        Status.AANVULLING_GEVRAAGD: [(kb, Advies.AANVULLING_NODIG)],
    }
    subjects = set()
    for steps in outcomes.values():
        plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
        mailoutbox.clear()
        with mail_on_commit():
            for reviewer, advies in steps:
                advise(plan, reviewer, advies, "Motivering.")
        assert len(mailoutbox) == 1
        subjects.add(mailoutbox[0].subject)
    assert len(subjects) == 3


def test_withdrawal_sends_no_mail(mailoutbox, mail_on_commit, ingediend, medewerker):
    with mail_on_commit() as callbacks:
        service.withdraw(ingediend, medewerker, "Toch niet.")
    assert callbacks == []
    assert mailoutbox == []


# Nothing for a refused or rolled-back action --------------------------------------------------


@pytest.mark.parametrize(
    ("who", "action"),
    [
        ("medewerker", "advise"),
        ("coordinator", "advise"),
        ("kb", "submit"),
        ("andere_medewerker", "withdraw"),
    ],
)
def test_a_refused_action_sends_no_mail(
    client, mailoutbox, mail_on_commit, ingediend, who, action, request
):
    client.force_login(request.getfixturevalue(who))
    data = {"advies": Advies.NEGATIEF, "motivering": "Nee.", "seen_status": Status.INGEDIEND}
    with mail_on_commit() as callbacks:
        response = client.post(reverse(f"aanmelding:{action}", args=[ingediend.pk]), data)
    assert response.status_code in (403, 404)
    assert callbacks == []
    assert mailoutbox == []


def test_a_stale_advice_sends_no_mail(client, mailoutbox, mail_on_commit, ingediend, kb):
    advise(ingediend, UserFactory(digisterker=True), Advies.POSITIEF, "Akkoord.")
    client.force_login(kb)
    with mail_on_commit() as callbacks:
        response = client.post(
            reverse("aanmelding:advise", args=[ingediend.pk]),
            {"advies": Advies.NEGATIEF, "motivering": "Nee.", "seen_status": Status.INGEDIEND},
        )
    assert response.status_code == 409
    assert callbacks == []
    assert mailoutbox == []


def test_submitting_twice_sends_no_second_mail(mailoutbox, mail_on_commit, ingediend, medewerker):
    with mail_on_commit():
        service.submit(ingediend, medewerker)  # a double click after the first submission
    assert mailoutbox == []
