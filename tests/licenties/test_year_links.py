"""The coordinator's licence overview links to the years that have licences and the year after
them, not to a window of five years around any year typed in the address."""

from datetime import date

import pytest
from django.urls import reverse

from .factories import LicentieFactory

pytestmark = pytest.mark.django_db


def test_licence_overview_links_the_years_with_licences_and_the_next(client, coordinator):
    LicentieFactory(begindatum=date(2024, 1, 1))
    LicentieFactory(begindatum=date(2026, 3, 1))
    LicentieFactory(begindatum=date(2020, 1, 1), beeindigd=True)  # ended early: no data
    client.force_login(coordinator)

    years = client.get(reverse("licenties:overview") + "?jaar=2026").context["years"]
    far_away = client.get(reverse("licenties:overview") + "?jaar=2031").context["years"]

    assert years == [2024, 2026, 2027]
    assert far_away == [2024, 2026, 2027, 2031]  # the chosen year stays reachable
