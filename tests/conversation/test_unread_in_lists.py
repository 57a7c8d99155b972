"""The reviewers' work queue and the library's task list show how many messages the person
has not read on each plan or report."""

import pytest
from django.urls import reverse

from .conftest import page_of, say

pytestmark = pytest.mark.django_db


def test_the_task_list_counts_the_reviewers_unread_messages(client, subject, medewerker, kb):
    say(subject, kb, "Een vraag")
    say(subject, kb, "Intern", intern=True)
    client.force_login(medewerker)
    tasks = client.get(reverse("taken:list")).context["tasks"]
    [task] = [t for t in tasks.open if t.url == page_of(subject)]
    assert task.ongelezen == 1

    client.get(page_of(subject))
    tasks = client.get(reverse("taken:list")).context["tasks"]
    assert all(t.ongelezen == 0 for t in tasks.open)


def test_the_work_queue_counts_the_librarys_unread_messages(client, subject, medewerker, kb):
    say(subject, medewerker, "Een vraag")
    say(subject, medewerker, "En nog een")
    client.force_login(kb)
    rows = client.get(reverse("rapportage:queue")).context["rows"]
    [row] = [r for r in rows if r["rij_pk"] == subject.pk]
    assert row["ongelezen"] == 2
