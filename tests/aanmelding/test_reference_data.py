"""Reference data of the sign-up app: the 342 municipalities, loaded idempotently."""

from io import StringIO

import pytest
from django.core.management import call_command

from aanmelding.models import Gemeente


@pytest.mark.django_db
def test_load_gemeenten_loads_the_342_municipalities_and_running_it_twice_changes_nothing():
    out = StringIO()
    call_command("load_gemeenten", stdout=out)
    assert "342 created, 0 updated" in out.getvalue()
    assert Gemeente.objects.count() == 342
    assert Gemeente.objects.values("provincie").distinct().count() == 12
    assert Gemeente.objects.filter(cbs_code="GM0363", naam="Amsterdam").exists()
    before = sorted(Gemeente.objects.values_list("pk", "cbs_code", "naam", "provincie", "inwoners"))

    out = StringIO()
    call_command("load_gemeenten", stdout=out)

    assert "0 created, 0 updated" in out.getvalue()
    after = sorted(Gemeente.objects.values_list("pk", "cbs_code", "naam", "provincie", "inwoners"))
    assert after == before


@pytest.mark.django_db
def test_load_gemeenten_restores_a_changed_number_of_inhabitants():
    call_command("load_gemeenten", stdout=StringIO())
    groningen = Gemeente.objects.get(cbs_code="GM0014")
    inwoners = groningen.inwoners
    Gemeente.objects.filter(pk=groningen.pk).update(inwoners=1)

    out = StringIO()
    call_command("load_gemeenten", stdout=out)

    assert "0 created, 1 updated" in out.getvalue()
    groningen.refresh_from_db()
    assert groningen.inwoners == inwoners
    assert Gemeente.objects.count() == 342
