"""List pages run a fixed number of SQL queries, however many rows they show.

Each test renders a page with few rows and with many, and checks both ran the same number
of queries; the number itself is pinned too, so a new query per page is a conscious change.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanmelding.constants import Advies, Status
from aanmelding.models import Aanmelding, Beoordeling
from kbregeling.accounts.constants import Partij
from kbregeling.workflow.models import TransitionLog

from ..accounts.factories import UserFactory
from .factories import AanmeldingFactory, BibliotheekFactory, GemeenteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hundreds of users are made here; a slow hasher would only make the tests slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def count_queries(client, url) -> int:
    """The queries of one request, after a first request has filled the process-wide caches
    (content types), so the count does not depend on which test ran before."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def signups(n, **kwargs):
    return AanmeldingFactory.create_batch(n, compleet=True, **kwargs)


def signups_across_libraries(n, status=Status.INGEDIEND, provincie="Utrecht"):
    """``n`` sign-ups, each of its own library with its own municipality."""
    return [
        AanmeldingFactory(
            compleet=True,
            status=status,
            bibliotheek=BibliotheekFactory(werkgebied=[GemeenteFactory(provincie=provincie)]),
        )
        for _ in range(n)
    ]


def test_my_sign_ups_page_runs_a_fixed_number_of_queries(client, bibliotheek, medewerker):
    client.force_login(medewerker)
    url = reverse("aanmelding:mine")

    signups(5, bibliotheek=bibliotheek)
    few = count_queries(client, url)
    signups(195, bibliotheek=bibliotheek)
    many = count_queries(client, url)

    assert Aanmelding.objects.filter(bibliotheek=bibliotheek).count() == 200
    assert few == many == 5


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", 7),  # awaiting my advice
        ("?status=alle", 7),
        ("?status=alle&provincie=Utrecht", 7),
        ("?status=ingediend&provincie=Utrecht", 7),
    ],
)
def test_dashboard_runs_a_fixed_number_of_queries(client, kb, query, expected):
    client.force_login(kb)
    url = reverse("aanmelding:dashboard") + query
    # A library elsewhere that the province filter leaves out.
    signups_across_libraries(3, provincie="Fryslân")

    signups_across_libraries(5)
    few = count_queries(client, url)
    signups_across_libraries(195)
    many = count_queries(client, url)

    assert few == many == expected


def test_dashboard_shows_a_full_page_of_rows_with_the_same_queries(client, kb):
    """The many-rows case really renders many rows (a page holds 50)."""
    client.force_login(kb)
    signups_across_libraries(60)

    response = client.get(reverse("aanmelding:dashboard") + "?status=alle")

    assert len(response.context["page"].object_list) == 50
    assert response.context["page"].paginator.count == 60


def test_overview_runs_a_fixed_number_of_queries(client, coordinator):
    client.force_login(coordinator)
    url = reverse("aanmelding:overview")

    signups_across_libraries(5)
    few = count_queries(client, url)
    signups_across_libraries(95, status=Status.GOEDGEKEURD)
    signups(100)
    many = count_queries(client, url)

    assert few == many == 4


def history_of(aanmelding, rounds):
    """``rounds`` rounds of assessment: in each, both parties advise and the log records a
    change, each by a different user, so nothing is shared between rows."""
    content_type = ContentType.objects.get_for_model(Aanmelding)
    for ronde in range(1, rounds + 1):
        for partij, trait in ((Partij.KB, "kb"), (Partij.DIGISTERKER, "digisterker")):
            Beoordeling.objects.create(
                aanmelding=aanmelding,
                ronde=ronde,
                partij=partij,
                advies=Advies.AANVULLING_NODIG,
                motivering=f"Ronde {ronde}: graag meer over de werving.",
                beoordelaar=UserFactory(**{trait: True}),
            )
        TransitionLog.objects.bulk_create(
            [
                TransitionLog(
                    content_type=content_type,
                    object_id=aanmelding.pk,
                    transition=name,
                    source=source,
                    target=target,
                    by=UserFactory(),
                    remark=f"Ronde {ronde}",
                )
                for name, source, target in (
                    ("aanvulling_vragen", Status.INGEDIEND, Status.AANVULLING_GEVRAAGD),
                    ("opnieuw_indienen", Status.AANVULLING_GEVRAAGD, Status.INGEDIEND),
                )
            ]
        )
    Aanmelding.objects.filter(pk=aanmelding.pk).update(ronde=rounds + 1)


# A reviewer's or the coordinator's look at a library's plan also writes an access-log entry.
# The conversation adds three: what the person read, the messages, and the new read mark;
# the decision letters one.
@pytest.mark.parametrize("viewer, expected", [("owner", 15), ("kb", 15), ("coordinator", 15)])
def test_detail_page_runs_a_fixed_number_of_queries_however_long_the_history(
    client, bibliotheek, medewerker, kb, coordinator, viewer, expected
):
    users = {"owner": medewerker, "kb": kb, "coordinator": coordinator}
    client.force_login(users[viewer])
    bibliotheek.werkgebied.add(*GemeenteFactory.create_batch(4))
    few_rounds = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    history_of(few_rounds, 5)
    many_rounds = AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
    history_of(many_rounds, 50)

    few = count_queries(client, reverse("aanmelding:detail", args=[few_rounds.pk]))
    many = count_queries(client, reverse("aanmelding:detail", args=[many_rounds.pk]))

    # The submission that made the plan, and the 50 rounds after it.
    assert TransitionLog.objects.filter(object_id=many_rounds.pk).count() == 1 + 100
    assert few == many == expected


def test_detail_page_of_a_draft_runs_a_fixed_number_of_queries(client, bibliotheek, medewerker):
    """A draft also lists what is missing, per municipality of the werkgebied."""
    client.force_login(medewerker)
    small = AanmeldingFactory(bibliotheek=bibliotheek)
    bibliotheek.werkgebied.add(*GemeenteFactory.create_batch(20))
    large = AanmeldingFactory(bibliotheek=bibliotheek)

    few = count_queries(client, reverse("aanmelding:detail", args=[small.pk]))
    many = count_queries(client, reverse("aanmelding:detail", args=[large.pk]))

    assert large.samenwerkingen.count() == 21
    assert few == many == 14  # 10, 3 of the conversation and 1 of the decision letters
