"""The access-log page: for the coordinator and the technical administrator only, searchable
by person, library, kind and period, in a fixed number of queries; the admin only reads."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.models import AccessLogEntry

from ..aanmelding.factories import BibliotheekFactory
from ..accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("accesslog:entries")


def entry(user=None, kind=Kind.PLAN_PDF, library=None, when=None, **fields):
    return AccessLogEntry.objects.create(
        user=user,
        username=fields.pop("username", user.username if user else ""),
        kind=kind,
        library=library,
        when=when or timezone.now(),
        what=fields.pop("what", "Aanmelding 1"),
        **fields,
    )


def login(client, user):
    """Log in, and leave out the entry of that login: the tests look at their own entries."""
    client.force_login(user)
    AccessLogEntry.objects.filter(user=user, kind=Kind.LOGIN).delete()


def shown(client, query=""):
    response = client.get(URL + query)
    assert response.status_code == 200
    return list(response.context["page"].object_list)


def at(day):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=12))


# Who reaches the page ----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["coordinator", "superuser"])
def test_the_coordinator_and_superusers_reach_the_page(client, coordinator, who):
    user = coordinator if who == "coordinator" else UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)

    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{URL}"' in html  # the menu links to it


@pytest.mark.parametrize("who", ["medewerker", "kb", "digisterker"])
def test_library_staff_and_reviewers_are_refused(client, medewerker, kb, digisterker, who):
    client.force_login({"medewerker": medewerker, "kb": kb, "digisterker": digisterker}[who])

    response = client.get(URL)

    assert response.status_code == 403
    assert f'href="{URL}"' not in client.get(reverse("rapportage:good_practices")).content.decode()


def test_a_visitor_is_sent_to_the_login_page(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# The filters -------------------------------------------------------------------------------


@pytest.fixture
def log(coordinator):
    """Four entries: two people, two libraries, three kinds, three days."""
    anne = UserFactory(username="anne", first_name="Anne", last_name="de Vries")
    piet = UserFactory(username="piet", first_name="Piet", last_name="Jansen")
    noord = BibliotheekFactory(naam="Bibliotheek Noord")
    zuid = BibliotheekFactory(naam="Bibliotheek Zuid")
    return {
        "anne-noord": entry(anne, Kind.PLAN_PDF, noord, at(datetime(2026, 3, 1))),
        "anne-zuid": entry(anne, Kind.PLAN_VIEWED, zuid, at(datetime(2026, 3, 10))),
        "piet-noord": entry(piet, Kind.ATTACHMENT, noord, at(datetime(2026, 3, 20))),
        "failed": entry(None, Kind.LOGIN_FAILED, None, at(datetime(2026, 3, 10)), username="x"),
        "noord": noord,
        "zuid": zuid,
    }


def test_without_filters_every_entry_shows_newest_first(client, coordinator, log):
    login(client, coordinator)

    # The failed login and Anne's view happened at the same time: the later entry first.
    assert shown(client) == [log["piet-noord"], log["failed"], log["anne-zuid"], log["anne-noord"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?persoon=anne", ["anne-zuid", "anne-noord"]),
        ("?persoon=Jansen", ["piet-noord"]),
        ("?persoon=anne+vries", ["anne-zuid", "anne-noord"]),
        ("?persoon=x", ["failed"]),
        ("?soort=plan_viewed", ["anne-zuid"]),
        ("?soort=login_failed", ["failed"]),
        ("?van=2026-03-10", ["piet-noord", "failed", "anne-zuid"]),
        ("?tot=2026-03-10", ["failed", "anne-zuid", "anne-noord"]),
        ("?van=2026-03-02&tot=2026-03-19", ["failed", "anne-zuid"]),
        ("?van=02-03-2026&tot=19-03-2026", ["failed", "anne-zuid"]),
        ("?persoon=anne&soort=plan_pdf", ["anne-noord"]),
    ],
)
def test_the_filters_narrow_the_entries(client, coordinator, log, query, expected):
    login(client, coordinator)

    assert shown(client, query) == [log[name] for name in expected]


def test_the_library_filter_narrows_the_entries(client, coordinator, log):
    login(client, coordinator)

    assert shown(client, f"?bibliotheek={log['noord'].pk}") == [
        log["piet-noord"],
        log["anne-noord"],
    ]
    assert shown(client, f"?bibliotheek={log['zuid'].pk}") == [log["anne-zuid"]]


@pytest.mark.parametrize(
    "query",
    ["?bibliotheek=99999999999999999999", "?soort=onzin", "?van=gisteren", "?tot=2026-13-45"],
)
def test_a_bad_filter_is_shown_as_an_error_and_not_applied(client, coordinator, log, query):
    login(client, coordinator)

    response = client.get(URL + query)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert 'aria-invalid="true"' in response.content.decode()
    assert len(response.context["page"].object_list) == 4


def test_a_period_that_ends_before_it_starts_is_an_error(client, coordinator, log):
    login(client, coordinator)

    response = client.get(URL + "?van=2026-03-20&tot=2026-03-01")

    assert "tot" in response.context["form"].errors


def test_every_field_has_a_label_and_the_table_a_caption(client, coordinator, log):
    login(client, coordinator)

    html = client.get(URL).content.decode()

    for name in ["persoon", "bibliotheek", "soort", "van", "tot"]:
        assert f'<label for="id_{name}"' in html
        assert f'id="id_{name}"' in html
    assert html.count("dd-mm-jjjj") == 2  # typed the Dutch way, with a visible hint
    assert 'type="date"' not in html
    assert "<caption" in html
    assert '<th scope="col">' in html


# A fixed number of queries -----------------------------------------------------------------


def count_queries(client, url) -> int:
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def entries(n):
    """``n`` entries, each of its own person and library (a query per row would show)."""
    users = UserFactory.create_batch(n)
    libraries = BibliotheekFactory.create_batch(n)
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(user=u, username=u.username, kind=Kind.PLAN_PDF, library=b, what="x")
        for u, b in zip(users, libraries, strict=True)
    )


@pytest.mark.parametrize("query", ["", "?persoon=user&soort=plan_pdf&van=2020-01-01"])
def test_the_page_runs_a_fixed_number_of_queries_however_many_entries(client, coordinator, query):
    login(client, coordinator)

    entries(10)
    few = count_queries(client, URL + query)
    entries(490)
    many = count_queries(client, URL + query)

    assert AccessLogEntry.objects.count() == 500
    assert few == many == 6


# The admin only reads ----------------------------------------------------------------------


def test_the_admin_shows_the_log_but_cannot_add_change_or_delete(client):
    admin_user = UserFactory(is_superuser=True, is_staff=True)
    login(client, admin_user)
    logged = entry(admin_user)

    changelist = client.get(reverse("admin:accesslog_accesslogentry_changelist"))
    add = client.get(reverse("admin:accesslog_accesslogentry_add"))
    change = client.post(
        reverse("admin:accesslog_accesslogentry_change", args=[logged.pk]),
        {"what": "changed", "kind": Kind.LOGIN},
    )
    delete = client.post(
        reverse("admin:accesslog_accesslogentry_delete", args=[logged.pk]), {"post": "yes"}
    )

    assert changelist.status_code == 200
    assert logged.what in changelist.content.decode()
    assert add.status_code == 403
    assert change.status_code == 403
    assert delete.status_code == 403
    assert AccessLogEntry.objects.get().what == logged.what
