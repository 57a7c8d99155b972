"""After a request for more information, the library reads first which party asked what and
when, then how to submit again; the e-mail says which party asked and quotes its question."""

import re
from html import escape

import pytest
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from aanmelding import service
from aanmelding.constants import Advies, Status

from .factories import AanmeldingFactory

pytestmark = pytest.mark.django_db

QUESTION = "Hoeveel docenten zijn er in 2028 gecertificeerd? Graag per vestiging."
PARTY = {"kb": "KB", "digisterker": "Stichting Digisterker"}


@pytest.fixture(params=["kb", "digisterker"])
def asking(request, kb, digisterker):
    """The party that asks, and its reviewer."""
    return request.param, {"kb": kb, "digisterker": digisterker}[request.param]


def ask(plan, reviewer, question=QUESTION):
    plan.refresh_from_db()
    service.advise(plan, reviewer, Advies.AANVULLING_NODIG, question, plan.status)
    plan.refresh_from_db()


def test_the_plan_page_shows_who_asked_what_before_the_submit_again_button(
    client, bibliotheek, medewerker, kb, digisterker, asking
):
    party, reviewer = asking
    other = digisterker if party == "kb" else kb
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    service.advise(plan, other, Advies.POSITIEF, "Prima plan.", plan.status)  # the other first
    ask(plan, reviewer)
    assert plan.status == Status.AANVULLING_GEVRAAGD
    client.force_login(medewerker)

    html = client.get(reverse("aanmelding:detail", args=[plan.pk])).content.decode()

    heading = _("%(party)s asks for more information") % {"party": _(PARTY[party])}
    asked_on = formats.date_format(timezone.localdate(), "j F Y")
    banner = html.index(escape(heading))
    question = html.index(escape(QUESTION), banner)
    assert escape(_("Asked on %(date)s") % {"date": asked_on}) in html[banner:question]
    # The question comes before the way to submit again, which no longer says "complete".
    submit_again = html.index(escape(_("Submit again")))
    assert banner < question < submit_again
    assert escape(_("Submit the plan again")) in html[submit_again:]
    assert (
        escape(_("Your plan is complete. After submitting, KB and Digisterker assess it."))
        not in html
    )
    # Only the question, not the other party's positive advice, is in the banner.
    assert "Prima plan." not in html[:submit_again]


def test_the_edit_page_shows_the_question_too(client, bibliotheek, medewerker, asking):
    party, reviewer = asking
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    ask(plan, reviewer)
    client.force_login(medewerker)

    html = client.get(reverse("aanmelding:edit", args=[plan.pk])).content.decode()

    heading = _("%(party)s asks for more information") % {"party": _(PARTY[party])}
    assert (
        html.index(escape(heading))
        < html.index(escape(QUESTION))
        < html.index('enctype="multipart/form-data"')
    )


def test_a_plan_without_a_question_shows_no_banner(client, bibliotheek, medewerker):
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    client.force_login(medewerker)

    response = client.get(reverse("aanmelding:detail", args=[plan.pk]))

    assert response.context["question"] is None
    assert 'id="vraag-kop"' not in response.content.decode()


def test_after_resubmission_the_question_is_no_longer_shown_at_the_top(
    client, bibliotheek, medewerker, kb
):
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    ask(plan, kb)
    service.submit(plan, medewerker)
    client.force_login(medewerker)

    response = client.get(reverse("aanmelding:detail", args=[plan.pk]))

    assert response.context["question"] is None
    assert 'id="vraag-kop"' not in response.content.decode()


def test_the_mail_names_the_party_that_asked_and_quotes_its_question(
    mailoutbox, mail_on_commit, bibliotheek, asking
):
    party, reviewer = asking
    plan = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    with mail_on_commit():
        ask(plan, reviewer)

    [mail] = mailoutbox
    name = _(PARTY[party])
    assert mail.subject == _("%(party)s needs more information about your plan") % {"party": name}
    assert f'"{QUESTION}"' in mail.body
    assert re.search(rf"^{re.escape(name)} ", mail.body, re.M)
    assert _("KB or Stichting Digisterker") not in mail.body
