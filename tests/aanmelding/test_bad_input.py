"""Bad input on the sign-up pages: refused beside the field with what was typed kept, or
handled once however often it arrives; never a server error, never a silent drop."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from aanmelding import service
from aanmelding.constants import Status
from aanmelding.models import Aanmelding
from kbregeling.workflow import audit

from .factories import AanmeldingFactory

pytestmark = pytest.mark.django_db

TOO_LONG = "Wij stoppen omdat de docenten vertrekken. " * 50  # 2,100 characters


# Withdrawing with a reason over 2,000 characters ---------------------------------------------


@pytest.mark.parametrize("status", [Status.CONCEPT, Status.INGEDIEND])
def test_a_withdrawal_reason_over_2000_characters_is_refused_and_nothing_is_withdrawn(
    client, medewerker, bibliotheek, status
):
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=status)
    history = len(audit.history(plan))
    client.force_login(medewerker)

    response = client.post(reverse("aanmelding:withdraw", args=[plan.pk]), {"remark": TOO_LONG})

    assert response.status_code == 200
    assert response.templates[0].name == "aanmelding/detail.html"
    form = response.context["intrekken_form"]
    assert list(form.errors) == ["remark"]
    html = response.content.decode()
    assert 'id="id_remark_error"' in html  # beside the field
    assert 'href="#id_remark"' in html  # and in the error summary
    assert form["remark"].value() == TOO_LONG  # what was typed is kept
    assert TOO_LONG.strip() in html
    assert Aanmelding.objects.get(pk=plan.pk).status == status
    assert len(audit.history(plan)) == history


def test_a_withdrawal_reason_of_exactly_2000_characters_withdraws_with_it(
    client, medewerker, bibliotheek
):
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    client.force_login(medewerker)
    reason = "x" * 2000

    response = client.post(reverse("aanmelding:withdraw", args=[plan.pk]), {"remark": reason})

    assert response.status_code == 302
    assert Aanmelding.objects.get(pk=plan.pk).status == Status.INGETROKKEN
    assert audit.history(plan)[-1].remark == reason


def test_a_too_long_reason_from_someone_who_may_not_withdraw_is_still_refused(
    client, kb, bibliotheek
):
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    client.force_login(kb)

    response = client.post(reverse("aanmelding:withdraw", args=[plan.pk]), {"remark": TOO_LONG})

    assert response.status_code == 403
    assert Aanmelding.objects.get(pk=plan.pk).status == Status.INGEDIEND


# Starting a new sign-up twice ----------------------------------------------------------------

CONFIRMED = {"bevestigd": "ja"}  # the button of the confirmation page


def test_a_double_click_on_start_a_new_sign_up_makes_one_draft(client, medewerker, bibliotheek):
    client.force_login(medewerker)
    url = reverse("aanmelding:create")

    first = client.post(url, CONFIRMED)
    second = client.post(url, CONFIRMED)

    draft = Aanmelding.objects.get(bibliotheek=bibliotheek)
    assert draft.status == Status.CONCEPT
    assert first["Location"] == second["Location"] == reverse("aanmelding:edit", args=[draft.pk])
    levels = [m.level_tag for m in get_messages(second.wsgi_request)]
    assert levels == ["success", "info"]


def test_a_library_with_a_draft_continues_it_instead_of_starting_another(
    client, medewerker, bibliotheek
):
    draft = service.start(bibliotheek, by=medewerker)
    client.force_login(medewerker)

    response = client.post(reverse("aanmelding:create"), CONFIRMED, follow=True)

    assert response.redirect_chain == [(reverse("aanmelding:edit", args=[draft.pk]), 302)]
    assert Aanmelding.objects.filter(bibliotheek=bibliotheek).count() == 1
    [message] = response.context["messages"]
    assert message.level_tag == "info"
    assert str(message) in response.content.decode()  # shown on the draft's page


def test_the_service_refuses_a_second_draft_and_names_the_first(medewerker, bibliotheek):
    draft = service.start(bibliotheek, by=medewerker)

    with pytest.raises(service.DraftExists) as refused:
        service.start(bibliotheek, by=medewerker)

    assert refused.value.aanmelding == draft
    assert Aanmelding.objects.filter(bibliotheek=bibliotheek).count() == 1


@pytest.mark.parametrize("status", [Status.AFGEWEZEN, Status.INGETROKKEN, Status.GOEDGEKEURD])
def test_a_library_without_an_open_sign_up_may_start_another_plan(
    client, medewerker, bibliotheek, status
):
    AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=status)
    client.force_login(medewerker)

    response = client.post(reverse("aanmelding:create"), CONFIRMED)

    new = Aanmelding.objects.get(bibliotheek=bibliotheek, status=Status.CONCEPT)
    assert response["Location"] == reverse("aanmelding:edit", args=[new.pk])
    assert Aanmelding.objects.filter(bibliotheek=bibliotheek).count() == 2


def test_another_librarys_draft_does_not_stop_a_start(client, medewerker, andere_medewerker):
    service.start(andere_medewerker.bibliotheek, by=andere_medewerker)
    client.force_login(medewerker)

    client.post(reverse("aanmelding:create"), CONFIRMED)

    assert Aanmelding.objects.filter(bibliotheek=medewerker.bibliotheek).count() == 1
