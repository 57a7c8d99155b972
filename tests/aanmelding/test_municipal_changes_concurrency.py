"""Two people confirming the same municipal change at once: one wins, the other is refused
after reading the committed change under its row lock; nothing is overwritten silently."""

import threading
import time
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from aanmelding import permissions, werkgebied_changes
from aanmelding.reference_data import load_gemeenten
from kbregeling.accounts.constants import Rol
from kbregeling.workflow.runner import WorkflowError

from ..accounts.factories import staff_of
from .factories import BibliotheekFactory
from .test_municipal_changes_werkgebied import GOIRLE, TILBURG, apply, change_of, gemeente


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_two_colleagues_confirming_one_change_at_once_only_one_wins(tmp_path):
    for rol in Rol.values:  # a transactional test starts from a flushed database
        Group.objects.get_or_create(name=rol)
    load_gemeenten()
    bibliotheek = BibliotheekFactory(werkgebied=[gemeente(GOIRLE)])
    day = f"{timezone.localdate().year}-01-01"
    apply(tmp_path, [(day, GOIRLE, "Goirle", "Noord-Brabant", TILBURG, "")])
    colleagues = [staff_of(bibliotheek), staff_of(bibliotheek)]
    start = threading.Barrier(len(colleagues))
    outcomes = []
    real_check = permissions.can_confirm_werkgebied_change

    def slow_check(*args, **kwargs):
        verdict = real_check(*args, **kwargs)
        time.sleep(0.3)  # hold the row lock while the colleague tries
        return verdict

    def confirm(person):
        try:
            start.wait()
            werkgebied_changes.confirm(change_of(bibliotheek), person, [gemeente(TILBURG)])
            outcomes.append(("confirmed", person))
        except WorkflowError as error:
            outcomes.append(("refused", error))
        finally:
            connection.close()

    with mock.patch.object(permissions, "can_confirm_werkgebied_change", slow_check):
        threads = [threading.Thread(target=confirm, args=(p,)) for p in colleagues]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

    assert sorted(kind for kind, _x in outcomes) == ["confirmed", "refused"]
    winner = next(person for kind, person in outcomes if kind == "confirmed")
    refusal = next(error for kind, error in outcomes if kind == "refused")
    assert "al bevestigd" in str(refusal)
    wijziging = change_of(bibliotheek)
    assert wijziging.bevestigd_door == winner
    assert sorted(bibliotheek.werkgebied.values_list("cbs_code", flat=True)) == [TILBURG]
