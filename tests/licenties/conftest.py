"""Fixtures shared by the licence tests (plain helpers live in ``tests/helpers.py``)."""

import pytest


@pytest.fixture
def dienst_ids(db):
    from licenties.models import Dienst

    return list(Dienst.objects.values_list("pk", flat=True)[:2])
