"""Every decision makes one letter from KB, made when the decision is taken: its date, its
reference, the library it is addressed to and the motivations of both parties. Checked on the
letter's HTML, which is kept as it was made."""

import re
from datetime import date

import pytest
from django.utils import timezone

from aanmelding import service
from aanmelding.constants import Advies, Status
from kbregeling.letters import service as letters
from kbregeling.letters.constants import Soort
from kbregeling.letters.models import Besluitbrief
from kbregeling.workflow.runner import WorkflowError

from ..helpers import fresh
from ..licenties.factories import LicentieFactory
from .conftest import (
    DECISION_REASON,
    DIGISTERKER_MOTIVATION,
    KB_MOTIVATION,
    advise,
    decide,
    end_licence,
)

pytestmark = pytest.mark.django_db


def text_of(letter) -> str:
    """The letter's words, without markup and with whitespace folded."""
    return " ".join(re.sub(r"<[^>]+>", " ", letter.html).split())


def test_an_approved_plan_gets_a_letter_with_date_reference_addressee_and_both_motivations(
    approved, bibliotheek
):
    letter = letters.letters_of(approved).get()
    today = timezone.localdate()

    assert letter.soort == Soort.PLAN_GOEDGEKEURD
    assert letter.datum == today
    assert re.fullmatch(rf"KB/DS/{today.year}/\d{{4}}", letter.kenmerk)
    assert letter.bibliotheek_id == bibliotheek.pk
    text = text_of(letter)
    assert letter.kenmerk in text
    assert bibliotheek.naam in text and bibliotheek.contactpersoon in text
    assert KB_MOTIVATION in text and DIGISTERKER_MOTIVATION in text
    assert not letter.pdf  # rendered when first needed, not with the decision


def test_a_rejected_plan_gets_its_letter_with_the_motivations_of_its_round(
    ingediend, kb, digisterker
):
    advise(ingediend, digisterker, Advies.POSITIEF, DIGISTERKER_MOTIVATION)
    advise(ingediend, kb, Advies.NEGATIEF, "KB: de begroting ontbreekt.")

    letter = letters.letters_of(ingediend).get()
    assert letter.soort == Soort.PLAN_AFGEWEZEN
    assert "KB: de begroting ontbreekt." in letter.html
    assert DIGISTERKER_MOTIVATION in letter.html


def test_a_plan_sent_back_for_more_information_gets_no_letter(ingediend, kb):
    advise(ingediend, kb, Advies.AANVULLING_NODIG, "Meer over de docenten.")

    assert not letters.letters_of(ingediend).exists()


def test_a_decision_makes_one_letter_however_often_it_is_recorded(approved, digisterker):
    seen_status = Status.WACHT_OP_DIGISTERKER  # the page the second click was sent from
    with pytest.raises(WorkflowError):  # the deciding advice submitted twice
        service.advise(approved, digisterker, Advies.POSITIEF, DIGISTERKER_MOTIVATION, seen_status)
    again = letters.make_letter(approved, Soort.PLAN_GOEDGEKEURD, approved.bibliotheek_id, dict)

    assert Besluitbrief.objects.count() == 1
    assert again == letters.letters_of(approved).get()


@pytest.mark.parametrize(
    ("verlengen", "soort"), [(True, Soort.VERLENGD), (False, Soort.NIET_VERLENGD)]
)
def test_the_renewal_decision_gets_a_letter_with_both_advices_and_kbs_reason(
    assessed_report, kb, verlengen, soort
):
    decide(assessed_report, kb, verlengen)
    decide(assessed_report, kb, verlengen)  # deciding the same twice

    letter = letters.letters_of(assessed_report).get()
    assert letter.soort == soort
    assert letter.datum == timezone.localdate()
    text = text_of(letter)
    assert text.count("Gemotiveerd.") == 2  # the advices of KB and Digisterker
    assert DECISION_REASON in text
    assert assessed_report.licentie.bibliotheek.naam in text


def test_ending_a_licence_early_gets_a_letter_with_kbs_reason(bibliotheek, kb):
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True, begindatum=date(2024, 1, 1))
    end_licence(licentie, kb, "De bibliotheek geeft geen cursussen meer.")

    letter = letters.letters_of(licentie).get()
    assert letter.soort == Soort.BEEINDIGD
    assert "De bibliotheek geeft geen cursussen meer." in text_of(letter)
    assert bibliotheek.naam in text_of(letter)


def test_references_are_numbered_in_order_within_the_year(approved, bibliotheek, kb):
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True, begindatum=date(2024, 1, 1))
    end_licence(licentie, kb)

    first = letters.letters_of(approved).get()
    second = letters.letters_of(licentie).get()
    year = timezone.localdate().year
    assert (first.kenmerk, second.kenmerk) == (f"KB/DS/{year}/0001", f"KB/DS/{year}/0002")


# The objection clause -----------------------------------------------------------------------


def test_the_objection_clause_is_in_the_letter_by_default_with_six_weeks_and_the_address(
    approved,
):
    letter = letters.letters_of(approved).get()

    assert letter.bezwaarclausule
    text = text_of(letter)
    assert "bezwaar" in text and "zes weken" in text
    assert "Postbus 90407, 2509 LK Den Haag" in text


def test_kb_may_leave_the_objection_clause_out(settings, ingediend, kb):
    settings.DECISION_LETTER_OBJECTION = False
    advise(ingediend, kb, Advies.NEGATIEF, "KB: de begroting ontbreekt.")

    letter = letters.letters_of(ingediend).get()
    assert not letter.bezwaarclausule
    assert "bezwaar" not in text_of(letter).lower()


def test_the_objection_period_and_address_follow_the_settings(settings, ingediend, kb):
    settings.DECISION_LETTER_OBJECTION_WEEKS = 8
    settings.DECISION_LETTER_OBJECTION_ADDRESS = "KB, Postbus 1, 1000 AA Amsterdam"
    advise(ingediend, kb, Advies.NEGATIEF, "KB: de begroting ontbreekt.")

    text = text_of(letters.letters_of(ingediend).get())
    assert "acht weken" in text and "zes weken" not in text
    assert "KB, Postbus 1, 1000 AA Amsterdam" in text


def test_a_letter_keeps_the_clause_it_was_made_with(settings, approved):
    letter = letters.letters_of(approved).get()
    settings.DECISION_LETTER_OBJECTION = False

    assert "zes weken" in text_of(fresh(letter))


# What never goes into a letter --------------------------------------------------------------


def test_a_letter_never_contains_an_internal_note(ingediend, kb, digisterker):
    from kbregeling.conversation import service as conversation

    note = "INTERN: niet voor de bibliotheek bestemd."
    conversation.post(ingediend, ingediend.bibliotheek_id, kb, note, "/", intern=True)
    advise(ingediend, kb, Advies.POSITIEF, KB_MOTIVATION)
    advise(ingediend, digisterker, Advies.POSITIEF, DIGISTERKER_MOTIVATION)

    letter = letters.letters_of(ingediend).get()
    assert KB_MOTIVATION in letter.html
    assert note not in letter.html
