"""Bad input on the year-report pages: a clear message, never a server error, and a draft
that is checked at once."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from kbregeling.mail.models import OutgoingMail
from rapportage.constants import RapportageStatus as S
from rapportage.constants import Soort
from rapportage.forms import RapportageForm
from rapportage.models import Herinnering, Rapportage
from rapportage.rules import consistency_errors

from ..licenties.factories import LicentieFactory
from .factories import RapportageFactory

pytestmark = pytest.mark.django_db


# The reminder log's library filter -----------------------------------------------------------


def reminder_of(bibliotheek, n=1):
    licentie = LicentieFactory(bibliotheek=bibliotheek, actief=True, begindatum=date(2026, 1, 1))
    return Herinnering.objects.create(
        rapportage=RapportageFactory(licentie=licentie),
        soort=Soort.HERINNERING,
        vervaldatum=date(2026, 12, 1),
        volgnummer=n,
        mail=OutgoingMail.objects.create(subject="Herinnering", body="Tekst", to="a@b.example"),
    )


@pytest.mark.parametrize(
    "value", ["99999999999999999999", "123456789", "²", "-1", "abc", "1 OR 1=1"]
)
def test_an_unknown_or_too_large_library_in_the_reminder_log_shows_all_with_a_message(
    client, coordinator, bibliotheek, andere_medewerker, value
):
    reminder_of(bibliotheek)
    reminder_of(andere_medewerker.bibliotheek)
    client.force_login(coordinator)

    response = client.get(reverse("rapportage:reminders"), {"bibliotheek": value})

    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 2
    assert response.context["chosen"] == ""
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "warning"
    assert str(message) in response.content.decode()


def test_a_known_library_in_the_reminder_log_still_filters_without_a_message(
    client, coordinator, bibliotheek, andere_medewerker
):
    mine = reminder_of(bibliotheek)
    reminder_of(andere_medewerker.bibliotheek)
    client.force_login(coordinator)

    response = client.get(reverse("rapportage:reminders"), {"bibliotheek": str(bibliotheek.pk)})

    assert list(response.context["page"].object_list) == [mine]
    assert not list(get_messages(response.wsgi_request))


# Completed against registered while "started" is still empty ---------------------------------


def numbers(aangemeld, gestart, afgerond):
    return Rapportage(
        deelnemers_aangemeld=aangemeld, deelnemers_gestart=gestart, deelnemers_afgerond=afgerond
    )


def test_completed_may_not_exceed_registered_when_started_is_empty():
    errors = consistency_errors(numbers(10, None, 500))

    assert list(errors) == ["deelnemers_afgerond"]
    assert "500" in errors["deelnemers_afgerond"] and "10" in errors["deelnemers_afgerond"]
    assert consistency_errors(numbers(10, None, 10)) == {}
    assert consistency_errors(numbers(None, None, 500)) == {}


def test_too_many_started_is_one_error_not_two():
    assert list(consistency_errors(numbers(10, 20, 15))) == ["deelnemers_gestart"]


def post_data(report, **changes):
    form = RapportageForm(instance=report)
    data = {"opslaan": ""}
    for bound in form:
        value = bound.value()
        if value not in (None, ""):
            data[bound.name] = [str(v) for v in value] if isinstance(value, list) else value
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


@pytest.mark.parametrize("status", [S.OPEN, S.CONCEPT])
def test_a_draft_with_started_empty_refuses_more_completed_than_registered_at_once(
    client, medewerker, status
):
    licentie = LicentieFactory(
        bibliotheek=medewerker.bibliotheek, actief=True, begindatum=date(2026, 1, 1)
    )
    report = RapportageFactory(licentie=licentie, status=status)
    client.force_login(medewerker)
    data = post_data(
        report,
        deelnemers_aangemeld="10",
        deelnemers_gestart=None,
        deelnemers_afgerond="500",
        wat_ging_goed="De cursisten hielpen elkaar.",
    )

    response = client.post(reverse("rapportage:edit", args=[report.pk]), data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["deelnemers_afgerond"]
    html = response.content.decode()
    assert 'id="id_deelnemers_afgerond_error"' in html  # beside the field
    assert 'href="#id_deelnemers_afgerond"' in html  # and in the summary at the top
    form = response.context["form"]
    assert form["deelnemers_afgerond"].value() == "500"
    assert form["wat_ging_goed"].value() == "De cursisten hielpen elkaar."
    saved = Rapportage.objects.get(pk=report.pk)
    assert saved.status == status
    assert saved.deelnemers_afgerond is None
