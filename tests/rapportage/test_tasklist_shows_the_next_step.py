"""The task list, the start page of library staff, shows the next step in each state of a
library's life: what to do, who holds it now and its date; a request for more information
comes first, with the party that asked and its question. It runs a fixed number of queries."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from aanmelding.constants import Advies, Status
from aanmelding.service import advise
from licenties.constants import LicentieStatus
from licenties.models import Licentie
from rapportage.constants import RapportageStatus as R
from rapportage.tasklist import tasks_for

from ..aanmelding.factories import AanmeldingFactory, BibliotheekFactory
from ..accounts.factories import UserFactory, staff_of
from ..licenties.factories import LicentieFactory, OvereenkomstFactory
from .factories import RapportageFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def dutch(value):
    with translation.override("nl"):
        return date_format(value, "j F Y")


def report(status=R.OPEN, deadline_in=40, **kwargs):
    """A 2025 report of a library with a signed agreement, due ``deadline_in`` days from now."""
    licentie = LicentieFactory(verlopen=True, begindatum=date(2025, 1, 1), getekend=True)
    return RapportageFactory(
        licentie=licentie,
        status=status,
        deadline=TODAY + timedelta(days=deadline_in),
        ingevuld=status not in (R.OPEN,),
        **kwargs,
    )


def plan(status):
    return AanmeldingFactory(compleet=True, status=status).bibliotheek


def approved(signed=False):
    bibliotheek = plan(Status.GOEDGEKEURD)
    if signed:
        OvereenkomstFactory(bibliotheek=bibliotheek, getekend=True)
    return bibliotheek


def active_licence_without_report():
    licentie = LicentieFactory(actief=True, begindatum=TODAY - timedelta(days=30), getekend=True)
    return licentie.bibliotheek


def first_licence_start(bibliotheek):
    return Licentie.objects.get(bibliotheek=bibliotheek, status=LicentieStatus.GEPLAND).begindatum


# Each state: how to reach it, then what the first step on the list says (in Dutch), its tag
# and who holds it now. ``{...}`` in the expected text is filled from the library's data.
STATES = {
    "no sign-up yet": (
        lambda: BibliotheekFactory(),
        ("open", "Meld je bibliotheek aan met een plan van aanpak", "todo", "Jouw bibliotheek"),
    ),
    "draft": (
        lambda: AanmeldingFactory().bibliotheek,
        ("open", "Vul je plan van aanpak in en dien het in", "busy", "Jouw bibliotheek"),
    ),
    "submitted": (
        lambda: plan(Status.INGEDIEND),
        (
            "open",
            "Je plan wacht op het advies van KB en Stichting Digisterker",
            "waiting",
            "KB en Stichting Digisterker",
        ),
    ),
    "KB advised, awaiting Digisterker": (
        lambda: plan(Status.WACHT_OP_DIGISTERKER),
        (
            "open",
            "Je plan wacht op het advies van Stichting Digisterker",
            "waiting",
            "Stichting Digisterker",
        ),
    ),
    "more information asked": (
        lambda: plan(Status.AANVULLING_GEVRAAGD),
        (
            "requests",
            "Vul je plan aan met wat er gevraagd is en dien het opnieuw in",
            "todo",
            "Jouw bibliotheek",
        ),
    ),
    "approved without agreement": (
        lambda: approved(),
        (
            "open",
            "Teken de overeenkomst met Stichting Digisterker",
            "todo",
            "Jouw bibliotheek en Stichting Digisterker",
        ),
    ),
    "agreement signed": (
        lambda: approved(signed=True),
        ("open", "Je licentiejaar {year} begint op {start}", "later", None),
    ),
    "licence active, report not yet open": (
        active_licence_without_report,
        ("open", "Je jaarrapportage {year} opent op {opens}", "later", None),
    ),
    "report open": (
        lambda: report(R.OPEN, 40).licentie.bibliotheek,
        ("open", "Vul je jaarrapportage 2025 in", "todo", "Jouw bibliotheek"),
    ),
    "report due in 9 days": (
        lambda: report(R.CONCEPT, 9).licentie.bibliotheek,
        ("open", "Vul je jaarrapportage 2025 in", "busy", "Jouw bibliotheek"),
    ),
    "report overdue": (
        lambda: report(R.CONCEPT, -3).licentie.bibliotheek,
        ("open", "Vul je jaarrapportage 2025 in", "late", "Jouw bibliotheek"),
    ),
    "report submitted": (
        lambda: report(R.INGEDIEND).licentie.bibliotheek,
        (
            "open",
            "Je jaarrapportage 2025 wacht op het advies van KB en Stichting Digisterker",
            "waiting",
            "KB en Stichting Digisterker",
        ),
    ),
    "report assessed": (
        lambda: report(R.BEOORDEELD).licentie.bibliotheek,
        (
            "open",
            "Je jaarrapportage 2025 wacht op het besluit van KB over verlenging",
            "waiting",
            "KB",
        ),
    ),
    "report asks for more information": (
        lambda: report(R.AANVULLING_GEVRAAGD).licentie.bibliotheek,
        (
            "requests",
            "Vul je jaarrapportage 2025 aan met wat er gevraagd is en dien hem opnieuw in",
            "todo",
            "Jouw bibliotheek",
        ),
    ),
    "renewed": (
        lambda: report(R.VERLENGD).licentie.bibliotheek,
        ("open", "Je licentiejaar 2026 begint op 1 januari 2026", "later", None),
    ),
}


@pytest.mark.parametrize("state", STATES)
def test_the_task_list_shows_the_next_step_in_each_state(state):
    make, (section, title, tag, holder) = STATES[state]
    bibliotheek = make()
    with translation.override("nl"):
        tasks = tasks_for(bibliotheek.pk, TODAY)
        first = getattr(tasks, section)[0]
        start = Licentie.objects.filter(bibliotheek=bibliotheek).order_by("-begindatum").first()
        expected = title.format(
            year=start and start.begindatum.year,
            start=start and dutch(start.begindatum),
            opens=start and dutch(start.einddatum - timedelta(weeks=8)),
        )
        assert str(first.title) == expected
        assert first.tag == tag
        if holder:
            assert str(first.holder) == holder


@pytest.mark.parametrize(
    ("days", "tag", "text"),
    [
        (9, "todo", "uiterlijk {date}, nog 9 dagen"),
        (1, "todo", "uiterlijk {date}, nog 1 dag"),
        (0, "todo", "uiterlijk {date}: dat is vandaag"),
        (-1, "late", "uiterlijk {date}, 1 dag te laat"),
        (-3, "late", "uiterlijk {date}, 3 dagen te laat"),
    ],
)
def test_an_open_report_says_its_deadline_and_the_days_left(days, tag, text):
    rapportage = report(R.OPEN, days)
    with translation.override("nl"):
        [task] = tasks_for(rapportage.licentie.bibliotheek_id, TODAY).open
        assert task.tag == tag
        assert task.when == text.format(date=dutch(rapportage.deadline))
        assert task.url == reverse("rapportage:edit", args=[rapportage.pk])


def test_a_request_for_more_information_names_the_party_and_its_question():
    aanmelding = AanmeldingFactory(compleet=True, status=Status.WACHT_OP_KB)
    advise(
        aanmelding,
        UserFactory(kb=True),
        Advies.AANVULLING_NODIG,
        "Welke gemeenten betalen mee aan de cursus?",
        Status.WACHT_OP_KB,
    )
    with translation.override("nl"):
        tasks = tasks_for(aanmelding.bibliotheek_id, TODAY)
    [request] = tasks.requests
    assert request.asked_by == "KB"
    assert request.question == "Welke gemeenten betalen mee aan de cursus?"
    assert request.url == reverse("aanmelding:edit", args=[aanmelding.pk])
    assert request not in tasks.open  # shown once, at the top


def test_the_page_shows_the_request_first_then_the_steps_with_their_tags(client):
    aanmelding = AanmeldingFactory(compleet=True, status=Status.INGEDIEND)
    advise(
        aanmelding,
        UserFactory(digisterker=True),
        Advies.AANVULLING_NODIG,
        "Hoeveel docenten zijn er gecertificeerd?",
        Status.INGEDIEND,
    )
    client.force_login(staff_of(aanmelding.bibliotheek))

    page = client.get(reverse("taken:list")).content.decode()

    request = page.index("Hoeveel docenten zijn er gecertificeerd?")
    assert "Stichting Digisterker vraagt:" in page
    assert request < page.index('id="taken-kop"')


def test_library_staff_land_on_the_task_list_and_reach_their_sign_ups(client, medewerker):
    client.force_login(medewerker)

    response = client.get(reverse("home"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("taken:list")
    assert reverse("aanmelding:mine") in response.content.decode()


@pytest.mark.parametrize("role", [{"kb": True}, {"digisterker": True}, {"coordinator": True}])
def test_only_library_staff_have_a_task_list(client, role):
    client.force_login(UserFactory(**role))
    response = client.get(reverse("taken:list"))
    assert response.status_code == 403
    assert "aanmelden" not in response.content.decode()


def history(bibliotheek, years):
    """A library with an approved plan, a signed agreement and ``years`` renewed licence
    years with their reports."""
    AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.GOEDGEKEURD)
    OvereenkomstFactory(bibliotheek=bibliotheek, getekend=True)
    for jaar in range(2010, 2010 + years):
        licentie = LicentieFactory(
            bibliotheek=bibliotheek, verlopen=True, begindatum=date(jaar, 1, 1)
        )
        RapportageFactory(licentie=licentie)


def test_the_task_list_runs_a_fixed_number_of_queries(client):
    small, large = BibliotheekFactory(), BibliotheekFactory()
    history(small, 1)
    history(large, 8)
    counts = []
    for bibliotheek in (small, large):
        client.force_login(staff_of(bibliotheek))
        url = reverse("taken:list")
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    # pinned: a new query is a conscious change (the last ones: the unread messages, the
    # municipal changes in the werkgebied to confirm)
    assert counts[0] == counts[1] == 11, counts


def test_a_report_whose_opening_day_has_come_never_shows_a_date_in_the_past():
    """The daily task opens the report; until it has run, the list says it opens now."""
    bibliotheek = active_licence_without_report()
    licentie = Licentie.objects.get(bibliotheek=bibliotheek)

    with translation.override("nl"):
        title = tasks_for(bibliotheek.pk, licentie.einddatum + timedelta(days=1)).open[0].title

    assert "opent vandaag of morgen" in str(title)
