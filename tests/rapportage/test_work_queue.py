"""The reviewers' work queue: one list of the plans and year reports awaiting their party
(its advice, or for KB the renewal decision), with days waiting, the report's due date and
the other party's advice so far; filters and sorting; reviewers only; fixed queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aanmelding.constants import Status
from aanmelding.models import Aanmelding, Beoordeling
from rapportage import service
from rapportage.constants import RapportageStatus as S
from rapportage.models import Rapportage, RapportageBeoordeling

from ..aanmelding.factories import AanmeldingFactory, BibliotheekFactory, GemeenteFactory
from ..accounts.factories import UserFactory, stand_in
from .factories import RapportageFactory, bulk_reports

pytestmark = pytest.mark.django_db

URL = reverse("rapportage:queue")

# Which states each party finds in its queue (DOMAIN.md: the state says whose advice is
# outstanding; KB takes the renewal decision once both have advised).
AWAITING = {
    "kb": {
        "plan": {Status.INGEDIEND, Status.WACHT_OP_KB},
        "rapportage": {S.INGEDIEND, S.WACHT_OP_KB, S.BEOORDEELD},
    },
    "digisterker": {
        "plan": {Status.INGEDIEND, Status.WACHT_OP_DIGISTERKER},
        "rapportage": {S.INGEDIEND, S.WACHT_OP_DIGISTERKER},
    },
}


def library(provincie="Utrecht", naam=None):
    extra = {"naam": naam} if naam else {}
    return BibliotheekFactory(werkgebied=[GemeenteFactory(provincie=provincie)], **extra)


def plan(status, **kwargs):
    kwargs.setdefault("bibliotheek", library())
    return AanmeldingFactory(compleet=True, status=status, **kwargs)


def report(status, **kwargs):
    return RapportageFactory(ingevuld=True, status=status, **kwargs)


def shown(client, user, query=""):
    client.force_login(user)
    response = client.get(URL + query)
    assert response.status_code == 200
    return response


def keys(response):
    return [(row["rij_soort"], row["rij_pk"]) for row in response.context["rows"]]


@pytest.mark.parametrize("party", ["kb", "digisterker"])
def test_the_queue_lists_exactly_what_awaits_the_reviewers_party(client, party):
    plans = {status: plan(status) for status in Status.values}
    reports = {status: report(status) for status in S.values}

    response = shown(client, UserFactory(**{party: True}))

    expected = {("plan", plans[s].pk) for s in AWAITING[party]["plan"]}
    expected |= {("rapportage", reports[s].pk) for s in AWAITING[party]["rapportage"]}
    assert set(keys(response)) == expected
    assert len(keys(response)) == len(expected)


@pytest.mark.parametrize(
    ("party", "status", "advice"),
    [
        ("kb", Status.INGEDIEND, None),
        ("kb", Status.WACHT_OP_KB, "positief"),  # Digisterker advised positively
        ("digisterker", Status.WACHT_OP_DIGISTERKER, "positief"),
        ("digisterker", Status.INGEDIEND, None),
    ],
)
def test_a_plan_row_shows_the_other_partys_advice_so_far(client, party, status, advice):
    item = plan(status)
    (row,) = shown(client, UserFactory(**{party: True})).context["rows"]
    assert (row["rij_pk"], row["rij_ander_advies"]) == (item.pk, advice)
    assert str(row["ander_advies_label"])


def test_a_report_row_shows_whether_the_other_party_advised_renewal(client):
    renew = report(S.WACHT_OP_KB)  # Digisterker advised renewal
    submitted = report(S.INGEDIEND)
    service.advise(
        submitted,
        stand_in(digisterker=True),
        voldoende=True,
        advies_verlengen=False,
        motivering="Voldoende, maar niet verlengen.",
        seen_status=S.INGEDIEND,
    )
    decide = report(S.BEOORDEELD)  # both advised renewal: KB decides

    rows = shown(client, UserFactory(kb=True)).context["rows"]

    advice = {row["rij_pk"]: row["rij_ander_advies"] for row in rows}
    assert advice == {renew.pk: "positief", submitted.pk: "negatief", decide.pk: "positief"}
    assert {row["rij_pk"]: row["rij_deadline"] for row in rows}[renew.pk] == renew.deadline


def test_days_waiting_count_from_the_submission_or_the_last_advice(client):
    now = timezone.now()
    fresh = plan(Status.INGEDIEND)
    Aanmelding.objects.filter(pk=fresh.pk).update(ingediend_op=now - timedelta(days=10))
    advised = plan(Status.WACHT_OP_KB)
    Aanmelding.objects.filter(pk=advised.pk).update(ingediend_op=now - timedelta(days=12))
    Beoordeling.objects.filter(aanmelding=advised).update(tijdstip=now - timedelta(days=3))
    decided = report(S.BEOORDEELD)
    Rapportage.objects.filter(pk=decided.pk).update(ingediend_op=now - timedelta(days=30))
    RapportageBeoordeling.objects.filter(rapportage=decided).update(
        tijdstip=now - timedelta(days=5)
    )

    rows = shown(client, UserFactory(kb=True)).context["rows"]

    days = {(row["rij_soort"], row["rij_pk"]): row["dagen"] for row in rows}
    assert days == {("plan", fresh.pk): 10, ("plan", advised.pk): 3, ("rapportage", decided.pk): 5}
    # Longest waiting first, by default.
    assert [row["dagen"] for row in rows] == [10, 5, 3]


def test_the_filters_narrow_the_queue_and_are_summed_up_in_dutch(client):
    utrecht = plan(Status.INGEDIEND, bibliotheek=library("Utrecht", "Bibliotheek Utrecht"))
    fries = plan(Status.WACHT_OP_KB, bibliotheek=library("Fryslân", "Bibliotheek Leeuwarden"))
    year_report = report(S.WACHT_OP_KB)
    kb = UserFactory(kb=True)

    assert set(keys(shown(client, kb, "?soort=plan"))) == {("plan", utrecht.pk), ("plan", fries.pk)}
    assert keys(shown(client, kb, "?soort=rapportage")) == [("rapportage", year_report.pk)]
    assert set(keys(shown(client, kb, "?status=wacht_op_kb"))) == {
        ("plan", fries.pk),
        ("rapportage", year_report.pk),
    }
    assert keys(shown(client, kb, "?provincie=Frysl%C3%A2n")) == [("plan", fries.pk)]
    response = shown(client, kb, f"?bibliotheek={utrecht.bibliotheek_id}&soort=plan")
    assert keys(response) == [("plan", utrecht.pk)]

    summary = response.context["summary"]
    assert summary.startswith("1 ")
    assert "Bibliotheek Utrecht" in summary
    assert summary in response.content.decode()


def test_an_invalid_filter_is_ignored_rather_than_failing(client):
    item = plan(Status.INGEDIEND)
    response = shown(client, UserFactory(kb=True), "?bibliotheek=abc&sorteer=x&status=concept")
    assert keys(response) == [("plan", item.pk)]


def test_the_queue_sorts_by_library_and_by_due_date(client):
    b = plan(Status.INGEDIEND, bibliotheek=library(naam="B-bibliotheek"))
    a = plan(Status.INGEDIEND, bibliotheek=library(naam="A-bibliotheek"))
    late, early = bulk_reports(2, status=S.INGEDIEND)
    Rapportage.objects.filter(pk=early.pk).update(deadline=late.deadline - timedelta(days=7))
    kb = UserFactory(kb=True)

    by_name = [
        row["rij_bibliotheek"] for row in shown(client, kb, "?sorteer=bibliotheek").context["rows"]
    ]
    assert by_name == sorted(by_name)
    assert by_name.index("A-bibliotheek") < by_name.index("B-bibliotheek")

    by_due = keys(shown(client, kb, "?sorteer=deadline"))
    # Reports by due date first; plans have none and come last.
    assert by_due[:2] == [("rapportage", early.pk), ("rapportage", late.pk)]
    assert set(by_due[2:]) == {("plan", a.pk), ("plan", b.pk)}


def test_the_sort_links_are_keyboard_reachable_and_keep_the_filters(client):
    plan(Status.INGEDIEND)
    html = shown(client, UserFactory(kb=True), "?soort=plan").content.decode()
    assert 'href="?soort=plan&amp;sorteer=bibliotheek"' in html
    assert 'aria-sort="descending"' in html  # days waiting, the default


def test_the_queue_leaves_out_the_reviewers_own_library(client):
    item = plan(Status.INGEDIEND)
    reviewer = UserFactory(kb=True, bibliotheek=item.bibliotheek)
    assert keys(shown(client, reviewer)) == []


@pytest.mark.parametrize("who", ["medewerker", "coordinator", "beheerder"])
def test_only_reviewers_open_the_queue(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_start_page_of_a_reviewer_is_the_queue_and_the_old_queues_still_work(client):
    kb = UserFactory(kb=True)
    client.force_login(kb)
    assert client.get(reverse("home")).url == URL
    assert client.get(reverse("aanmelding:dashboard")).status_code == 200
    assert client.get(reverse("rapportage:dashboard")).status_code == 200
    html = client.get(URL).content.decode()
    assert f'href="{URL}"' in html  # in the menu


def bulk_plans(libraries, status=Status.INGEDIEND):
    return Aanmelding.objects.bulk_create(
        Aanmelding(bibliotheek=b, status=status, ronde=1, ingediend_op=timezone.now())
        for b in libraries
    )


def count_queries(client, url) -> int:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "query",
    ["", "?sorteer=deadline", "?soort=rapportage", "?provincie=Utrecht&sorteer=bibliotheek"],
)
def test_the_queue_runs_a_fixed_number_of_queries_at_10_and_1000_items(client, query):
    client.force_login(UserFactory(kb=True))
    url = URL + query

    reports = bulk_reports(5, status=S.WACHT_OP_KB)
    bulk_plans([r.licentie.bibliotheek for r in reports])
    few = count_queries(client, url)
    reports = bulk_reports(495, status=S.BEOORDEELD)
    bulk_plans([r.licentie.bibliotheek for r in reports], status=Status.WACHT_OP_KB)
    many = count_queries(client, url)

    assert Aanmelding.objects.count() + Rapportage.objects.count() == 1000
    assert few == many == QUERIES


# Session and user, the reviewer's roles, the provinces and libraries of the filters, the
# rows (all of them, paged in Python: one query rather than a count and a page), the unread
# messages of the page: pinned, so a new query per page is a conscious change.
QUERIES = 7
