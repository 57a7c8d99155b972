import pytest
from django.core import mail

from aanmelding import service
from aanmelding.constants import Advies, Status

pytestmark = pytest.mark.django_db


def test_plan_needs_both_positive_advices(
    concept, medewerker, kb, digisterker, django_capture_on_commit_callbacks
):
    service.submit(concept, medewerker)
    concept.refresh_from_db()
    assert concept.status == Status.INGEDIEND
    service.advise(concept, kb, Advies.POSITIEF, "Goed plan.", Status.INGEDIEND)
    concept.refresh_from_db()
    assert concept.status == Status.WACHT_OP_DIGISTERKER
    with django_capture_on_commit_callbacks(execute=True):
        service.advise(
            concept, digisterker, Advies.POSITIEF, "Akkoord.", Status.WACHT_OP_DIGISTERKER
        )
    concept.refresh_from_db()
    assert concept.status == Status.GOEDGEKEURD
    assert [m.to for m in mail.outbox] == [
        sorted([concept.bibliotheek.contact_email, medewerker.email])
    ]
