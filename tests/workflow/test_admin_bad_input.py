"""Names typed by hand into the admin's transition URLs: an unknown or hidden step is a 404
(or, posted from the change form, a Dutch message), never a server error; a step with a page
still runs through the one runner."""

import pytest
from django import forms
from django.contrib import admin
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from aanmelding.constants import Status
from aanmelding.models import Aanmelding
from kbregeling.workflow.models import TransitionLog

from ..accounts.factories import UserFactory
from .test_admin import change_form_data, change_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(db):
    client = Client(raise_request_exception=False)  # a server error shows as a 500, as live
    client.force_login(UserFactory(is_superuser=True, is_staff=True, username="beheerder"))
    return client


def transition_url(aanmelding, name):
    return reverse(
        "admin:aanmelding_aanmelding_transition",
        kwargs={"object_id": aanmelding.pk, "transition_name": name},
    )


UNKNOWN = ["bestaat_niet", "__init__", "save", "delete", "status", "ontbrekende_onderdelen"]
HIDDEN = ["kb_positief", "afwijzen", "indienen"]  # no button for a submitted plan


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", UNKNOWN + HIDDEN)
def test_an_unknown_or_hidden_transition_name_in_the_admin_url_is_a_404(
    superuser_client, ingediend, name, method
):
    logged = TransitionLog.objects.count()

    response = getattr(superuser_client, method)(transition_url(ingediend, name))

    assert response.status_code == 404
    assert Aanmelding.objects.get(pk=ingediend.pk).status == Status.INGEDIEND
    assert TransitionLog.objects.count() == logged


def test_a_transition_without_a_form_has_no_page_of_its_own(superuser_client, ingediend):
    response = superuser_client.post(transition_url(ingediend, "intrekken"))

    assert response.status_code == 404
    assert Aanmelding.objects.get(pk=ingediend.pk).status == Status.INGEDIEND


@pytest.mark.parametrize("name", UNKNOWN)
def test_an_unknown_transition_posted_from_the_change_form_is_refused_with_a_message(
    superuser_client, ingediend, name
):
    data = change_form_data(superuser_client.get(change_url(ingediend)))
    data["_fsm_transition_to"] = name

    response = superuser_client.post(change_url(ingediend), data)

    assert response.status_code == 302
    assert response["Location"] == change_url(ingediend)
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "error"
    assert Aanmelding.objects.get(pk=ingediend.pk).status == Status.INGEDIEND


class ConfirmForm(forms.Form):
    """A transition page with nothing to fill in but the button."""


def test_a_known_transition_with_a_page_still_runs_through_perform(
    superuser_client, ingediend, monkeypatch
):
    model_admin = admin.site._registry[Aanmelding]
    monkeypatch.setattr(model_admin, "fsm_forms", {"intrekken": ConfirmForm})

    assert superuser_client.get(transition_url(ingediend, "intrekken")).status_code == 200
    response = superuser_client.post(transition_url(ingediend, "intrekken"))

    assert response.status_code == 302
    assert Aanmelding.objects.get(pk=ingediend.pk).status == Status.INGETROKKEN
    entry = TransitionLog.objects.get(object_id=ingediend.pk, transition="intrekken")
    assert entry.by.username == "beheerder"
    assert entry.remark  # "via the admin": the runner's log, not django-fsm's own save
