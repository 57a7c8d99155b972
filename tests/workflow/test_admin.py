"""The Django admin takes transitions the one way (``kbregeling.workflow.runner.perform``):
buttons for the steps an administrator may take, a read-only status, every step logged, and
an audit trail nobody deletes.
"""

import re

import pytest
from django import forms
from django.urls import reverse

from aanmelding.constants import Status
from aanmelding.models import Aanmelding
from kbregeling.workflow.models import TransitionLog

from ..aanmelding.factories import AanmeldingFactory
from ..accounts.factories import UserFactory

# The Django admin ---------------------------------------------------------------------------


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True, username="beheerder")


def change_url(aanmelding):
    return reverse("admin:aanmelding_aanmelding_change", args=[aanmelding.pk])


def change_form_data(response) -> dict:
    """The POST the admin's change form would send as it stands, inlines included."""
    data = {}

    def add(form):
        for field in form:
            if isinstance(field.field, forms.FileField):
                continue
            value = field.value()
            if isinstance(field.field, forms.BooleanField):
                if value:
                    data[field.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[field.html_name] = [str(v) for v in value]
            else:
                data[field.html_name] = "" if value is None else value

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def transition_buttons(response) -> set[str]:
    return set(
        re.findall(r'name="_fsm_transition_to"\s+value="([^"]+)"', response.content.decode())
    )


@pytest.mark.django_db
def test_admin_change_page_shows_the_transition_buttons_and_a_read_only_status(
    client, superuser, ingediend
):
    client.force_login(superuser)

    response = client.get(change_url(ingediend))

    assert response.status_code == 200
    assert transition_buttons(response) == {"intrekken"}
    assert "status" not in response.context["adminform"].form.fields
    assert 'name="status"' not in response.content.decode()
    assert str(Status(ingediend.status).label) in response.content.decode()


@pytest.mark.django_db
def test_admin_offers_submission_only_for_a_complete_draft(client, superuser, concept):
    client.force_login(superuser)
    incomplete = AanmeldingFactory(bibliotheek=concept.bibliotheek)

    assert transition_buttons(client.get(change_url(concept))) == {"indienen", "intrekken"}
    assert transition_buttons(client.get(change_url(incomplete))) == {"intrekken"}


@pytest.mark.django_db
def test_admin_transition_button_withdraws_a_plan_and_logs_the_superuser(
    client, superuser, ingediend
):
    client.force_login(superuser)
    data = change_form_data(client.get(change_url(ingediend)))
    data["_fsm_transition_to"] = "intrekken"

    response = client.post(change_url(ingediend), data)

    assert response.status_code == 302
    ingediend.refresh_from_db()
    assert ingediend.status == Status.INGETROKKEN
    entry = TransitionLog.objects.get(object_id=ingediend.pk, transition="intrekken")
    assert entry.by == superuser
    assert (entry.source, entry.target) == (Status.INGEDIEND, Status.INGETROKKEN)
    assert entry.remark


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["kb_positief", "digisterker_positief", "afwijzen"])
def test_admin_cannot_force_an_advice_transition_that_has_no_button(
    client, superuser, ingediend, name
):
    """An advice needs a Beoordeling with a motivation: only the review page gives one.
    Posting the transition's name by hand must not move the plan."""
    client.force_login(superuser)
    data = change_form_data(client.get(change_url(ingediend)))
    data["_fsm_transition_to"] = name

    client.post(change_url(ingediend), data)

    ingediend.refresh_from_db()
    assert ingediend.status == Status.INGEDIEND
    assert not TransitionLog.objects.filter(object_id=ingediend.pk, transition=name).exists()
    assert not ingediend.beoordelingen.exists()


@pytest.mark.django_db
def test_admin_change_page_is_closed_to_reviewers(client, kb, ingediend):
    client.force_login(kb)

    response = client.get(change_url(ingediend))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert Aanmelding.objects.get(pk=ingediend.pk).status == Status.INGEDIEND


@pytest.mark.django_db
def test_nobody_deletes_the_audit_trail_in_the_admin(admin_client, ingediend, medewerker):
    from aanmelding import service

    service.withdraw(ingediend, medewerker)
    entry = TransitionLog.objects.get(transition="intrekken")
    response = admin_client.post(
        reverse("admin:workflow_transitionlog_delete", args=[entry.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert TransitionLog.objects.filter(pk=entry.pk).exists()
