"""The daily digest: for those who chose one mail a day, at most one a day, listing only the
new messages they may see and have not read."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kbregeling.accounts.constants import BerichtenMail
from kbregeling.conversation import service
from kbregeling.conversation.digest import send_daily_digests
from kbregeling.conversation.models import Samenvatting
from kbregeling.conversation.tasks import send_daily_digests as task
from kbregeling.mail.models import OutgoingMail

from .conftest import say

pytestmark = pytest.mark.django_db


def daily(user):
    user.berichten_mail = BerichtenMail.DAGELIJKS
    user.save(update_fields=["berichten_mail"])
    return user


def mails_to(user):
    return list(OutgoingMail.objects.filter(to__contains=user.email))


def test_a_daily_reader_gets_no_mail_per_message_but_one_digest(plan, medewerker, digisterker):
    daily(digisterker)
    say(plan, medewerker, "Eerste vraag")
    say(plan, medewerker, "Tweede vraag")
    assert mails_to(digisterker) == []

    assert task.delay().get() == 1

    [digest] = mails_to(digisterker)
    assert "Eerste vraag" in digest.body and "Tweede vraag" in digest.body


def test_running_the_digest_twice_sends_nothing_twice(plan, medewerker, digisterker):
    daily(digisterker)
    say(plan, medewerker, "Een vraag")
    send_daily_digests()
    say(plan, medewerker, "Later op de dag")
    assert send_daily_digests() == 0
    assert len(mails_to(digisterker)) == 1
    assert Samenvatting.objects.filter(gebruiker=digisterker).count() == 1


def test_the_next_days_digest_lists_only_what_came_since(plan, medewerker, digisterker):
    daily(digisterker)
    say(plan, medewerker, "Gisteren")
    send_daily_digests()
    say(plan, medewerker, "Vandaag")
    send_daily_digests(now=timezone.now() + timedelta(days=1))
    latest = OutgoingMail.objects.filter(to__contains=digisterker.email).latest("pk")
    assert "Vandaag" in latest.body and "Gisteren" not in latest.body


def test_the_librarys_digest_never_lists_an_internal_note(plan, medewerker, kb):
    daily(medewerker)
    say(plan, kb, "Openbaar antwoord")
    say(plan, kb, "Alleen voor de beoordelaars", intern=True)
    send_daily_digests()
    [digest] = mails_to(medewerker)
    assert "Openbaar antwoord" in digest.body
    assert "Alleen voor de beoordelaars" not in digest.body


def test_what_was_read_already_is_left_out(plan, medewerker, digisterker):
    daily(digisterker)
    say(plan, medewerker, "Al gelezen")
    service.mark_read(plan, digisterker)
    assert send_daily_digests() == 0
    assert mails_to(digisterker) == []


def test_direct_readers_get_no_digest(plan, medewerker, digisterker):
    say(plan, medewerker, "Een vraag")
    assert len(mails_to(digisterker)) == 1
    assert send_daily_digests() == 0


def test_each_person_chooses_mail_per_message_or_daily_on_their_profile(client, medewerker):
    from django.urls import reverse

    client.force_login(medewerker)
    data = {
        "first_name": "An",
        "last_name": "Jansen",
        "telefoon": "",
        "berichten_mail": "dagelijks",
    }
    assert client.post(reverse("accounts:profile"), data).status_code == 302
    medewerker.refresh_from_db()
    assert medewerker.berichten_mail == BerichtenMail.DAGELIJKS
    assert 'value="dagelijks"' in client.get(reverse("accounts:profile")).content.decode()
