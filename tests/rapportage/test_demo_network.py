"""The demo of `make run` shows a national picture: about forty libraries over the provinces
with five years of licences and year reports in every state, a history the pages can show
(each state reached by a logged step), and it loads once: a second run finds it there."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from aanmelding.models import Aanmelding, Bibliotheek
from kbregeling.workflow.models import TransitionLog
from licenties.constants import LicentieStatus
from licenties.models import Licentie
from rapportage.constants import RapportageStatus as S
from rapportage.models import Rapportage

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
COMMANDS = ["load_demo", "load_demo_licenties", "load_demo_rapportage"]


def load():
    out = StringIO()
    for command in COMMANDS:
        call_command(command, "--force", stdout=out)
    return out.getvalue()


def last_steps(model):
    """The target of each object's newest logged step."""
    steps = TransitionLog.objects.filter(content_type=ContentType.objects.get_for_model(model))
    return dict(steps.order_by("object_id", "at", "pk").values_list("object_id", "target"))


# In December this year's reports are open; in March last year's are still being assessed.
@pytest.mark.parametrize("today", [datetime(2026, 12, 2, 9), datetime(2027, 3, 10, 9)])
def test_demo_has_forty_libraries_with_five_years_of_history_and_loads_once(today):
    call_command("load_gemeenten", stdout=StringIO())
    with time_machine.travel(today.replace(tzinfo=AMSTERDAM), tick=False):
        load()

        libraries = Bibliotheek.objects.count()
        provinces = Bibliotheek.objects.values("werkgebied__provincie").distinct().count()
        licence_years = set(Licentie.objects.values_list("begindatum__year", flat=True))
        report_years = set(Rapportage.objects.values_list("licentie__begindatum__year", flat=True))
        states = set(Rapportage.objects.values_list("status", flat=True))
        assert 38 <= libraries <= 45
        assert provinces == 12
        assert len(licence_years) >= 5 and len(report_years) >= 4
        assert {S.OPEN, S.INGEDIEND, S.VERLENGD, S.NIET_VERLENGD} <= states
        assert len(states) >= 6

        # What the pages show agrees with the logged history.
        for model in (Aanmelding, Licentie, Rapportage):
            logged = last_steps(model)
            for pk, status in model.objects.values_list("pk", "status"):
                if pk in logged or status not in ("concept", "open", "gepland"):
                    assert logged[pk] == status, (model.__name__, pk, status)
        renewed = Licentie.objects.filter(status=LicentieStatus.VERLENGD)
        assert not renewed.filter(volgende__isnull=True).exists()
        assert not Rapportage.objects.filter(status=S.VERLENGD, licentie__volgende=None).exists()

        counts = [m.objects.count() for m in (Bibliotheek, Licentie, Rapportage, TransitionLog)]
        second = load()
        assert second.count("already there") == 3
        assert counts == [
            m.objects.count() for m in (Bibliotheek, Licentie, Rapportage, TransitionLog)
        ]
