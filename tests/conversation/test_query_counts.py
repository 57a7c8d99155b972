"""The detail pages of a plan and a year report run a fixed number of queries, however long
the conversation: 5 messages or 200, by authors of all three sides, with internal notes."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kbregeling.conversation.models import Bericht

from ..accounts.factories import UserFactory, staff_of
from .conftest import page_of, submitted_plan, submitted_report

pytestmark = pytest.mark.django_db


def subject_library(subject):
    from aanmelding.models import Bibliotheek

    return Bibliotheek.objects.get(pk=subject.bibliotheek_id)


def conversation(subject, n):
    """``n`` messages by turns of six authors; every third reviewer's message is a note."""
    authors = [
        (staff_of(subject_library(subject)), "bibliotheek"),
        (UserFactory(kb=True), "kb"),
        (UserFactory(digisterker=True), "digisterker"),
    ]
    content_type = ContentType.objects.get_for_model(subject)
    Bericht.objects.bulk_create(
        Bericht(
            content_type=content_type,
            object_id=subject.pk,
            bibliotheek_id=subject.bibliotheek_id,
            auteur=authors[i % 3][0],
            kant=authors[i % 3][1],
            intern=i % 3 != 0 and i % 2 == 0,
            tekst=f"Bericht {i}",
            pagina=page_of(subject),
        )
        for i in range(n)
    )
    return subject


def count_queries(client, url) -> int:
    """The queries of a second visit (the first fills the process-wide caches and marks the
    messages read, as every later visit does again)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("make", [submitted_plan, submitted_report], ids=["plan", "report"])
@pytest.mark.parametrize("viewer", ["owner", "kb", "coordinator"])
def test_the_detail_page_runs_the_same_queries_at_5_and_200_messages(
    client, bibliotheek, medewerker, kb, coordinator, viewer, make
):
    client.force_login({"owner": medewerker, "kb": kb, "coordinator": coordinator}[viewer])
    few = conversation(make(bibliotheek), 5)
    many = conversation(
        make(bibliotheek, **({"jaar": 2023} if make is submitted_report else {})), 200
    )

    assert (
        Bericht.objects.filter(object_id=many.pk, content_type__model=many._meta.model_name).count()
        == 200
    )
    assert count_queries(client, page_of(few)) == count_queries(client, page_of(many))
