"""People deactivated longer than ``RETENTION_DEACTIVATED_MONTHS`` are anonymised, never deleted:
what identified them goes, what they did stays and reads "voormalig medewerker"."""

import pytest
from allauth.mfa.models import Authenticator
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from aanmelding.constants import Status
from aanmelding.models import Beoordeling
from kbregeling.accesslog.constants import Kind
from kbregeling.accesslog.models import AccessLogEntry
from kbregeling.accounts.constants import Rol
from kbregeling.accounts.models import Gebruiker, Uitnodiging
from kbregeling.mail.models import OutgoingMail
from kbregeling.privacy import retention
from kbregeling.workflow.models import TransitionLog
from rapportage.constants import RapportageStatus
from rapportage.models import Rapportage

from ..aanmelding.factories import AanmeldingFactory
from ..accounts.factories import UserFactory
from ..rapportage.factories import RapportageFactory

pytestmark = pytest.mark.django_db

FORMER = "voormalig medewerker"


def deactivate(person, months_ago):
    Gebruiker.objects.filter(pk=person.pk).update(
        is_active=False, gedeactiveerd_op=timezone.now() - relativedelta(months=months_ago)
    )
    return person


def fresh(person):
    return Gebruiker.objects.get(pk=person.pk)


def test_a_person_deactivated_longer_than_the_period_loses_name_email_phone_and_login():
    person = deactivate(
        UserFactory(medewerker=True, first_name="Anne", last_name="Jansen", telefoon="0612345678"),
        months_ago=25,
    )

    assert retention.apply()["accounts"] == 1

    person = fresh(person)
    assert (person.first_name, person.last_name, person.telefoon, person.email) == ("", "", "", "")
    assert person.username == f"voormalig-{person.pk}"
    assert not person.has_usable_password()
    assert person.geanonimiseerd_op is not None
    assert str(person) == person.get_full_name() == FORMER


def test_only_people_deactivated_longer_than_the_period_are_anonymised(settings):
    settings.RETENTION_DEACTIVATED_MONTHS = 24
    old = deactivate(UserFactory(medewerker=True), months_ago=25)
    recent = deactivate(UserFactory(medewerker=True), months_ago=23)
    active = UserFactory(medewerker=True)

    retention.apply()

    assert fresh(old).geanonimiseerd_op is not None
    for kept in (recent, active):
        assert fresh(kept).geanonimiseerd_op is None
        assert fresh(kept).email == kept.email


def test_the_period_is_a_setting(settings):
    settings.RETENTION_DEACTIVATED_MONTHS = 3
    person = deactivate(UserFactory(medewerker=True), months_ago=4)

    assert retention.apply()["accounts"] == 1
    assert fresh(person).geanonimiseerd_op is not None


def test_an_anonymised_reviewers_advice_stays_and_reads_voormalig_medewerker():
    plan = AanmeldingFactory(compleet=True, status=Status.WACHT_OP_DIGISTERKER)
    advice = Beoordeling.objects.get(aanmelding=plan)
    deactivate(advice.beoordelaar, months_ago=25)

    retention.apply()

    advice = Beoordeling.objects.get(pk=advice.pk)
    assert advice.motivering == "Gemotiveerd."
    assert str(advice.beoordelaar) == FORMER
    log = TransitionLog.objects.get(object_id=plan.pk, by=advice.beoordelaar)
    assert str(log.by) == FORMER


def test_an_anonymised_library_staff_members_year_report_and_its_log_stay():
    report = RapportageFactory(ingevuld=True, status=RapportageStatus.INGEDIEND)
    submit = TransitionLog.objects.get(object_id=report.pk, target=RapportageStatus.INGEDIEND)
    deactivate(submit.by, months_ago=25)

    retention.apply()

    assert Rapportage.objects.get(pk=report.pk).status == RapportageStatus.INGEDIEND
    assert str(TransitionLog.objects.get(pk=submit.pk).by) == FORMER


def test_their_address_leaves_invitations_access_log_outbox_and_second_factor():
    person = UserFactory(kb=True, username="anne", email="anne@kb.example")
    other = UserFactory(kb=True, email="piet@kb.example")
    invitation = Uitnodiging.objects.create(
        email="anne@kb.example",
        voornaam="Anne",
        achternaam="Jansen",
        rol=Rol.KB_BEOORDELAAR,
        token_hash="x" * 64,
        verloopt_op=timezone.now(),
        gebruiker=person,
    )
    looked = AccessLogEntry.objects.create(user=person, username="anne", kind=Kind.LOGIN)
    failed = AccessLogEntry.objects.create(username="anne", kind=Kind.LOGIN_FAILED)
    others = AccessLogEntry.objects.create(user=other, username=other.username, kind=Kind.LOGIN)
    mail = OutgoingMail.objects.create(
        subject="Advies", body="Beste Anne", to="piet@kb.example\nANNE@kb.example", cc=""
    )
    copy = OutgoingMail.objects.create(
        subject="Herinnering", body="…", to="bieb@example.org", cc="anne@kb.example"
    )
    assert Authenticator.objects.filter(user=person).exists()
    deactivate(person, months_ago=25)

    retention.apply()

    invitation.refresh_from_db()
    assert (invitation.email, invitation.voornaam, invitation.achternaam) == (
        f"voormalig-{person.pk}@example.invalid",
        "",
        "",
    )
    assert AccessLogEntry.objects.get(pk=looked.pk).username == FORMER
    assert AccessLogEntry.objects.get(pk=failed.pk).username == FORMER
    assert AccessLogEntry.objects.get(pk=others.pk).username == other.username
    assert OutgoingMail.objects.get(pk=mail.pk).to == f"piet@kb.example\n{FORMER}"
    assert OutgoingMail.objects.get(pk=copy.pk).cc == FORMER
    assert not Authenticator.objects.filter(user=person).exists()
    assert Authenticator.objects.filter(user=other).exists()
    assert Gebruiker.objects.filter(pk=person.pk).exists()  # never deleted


def test_a_second_run_changes_nothing():
    deactivate(UserFactory(medewerker=True), months_ago=25)

    assert retention.apply()["accounts"] == 1
    assert retention.apply()["accounts"] == 0


def test_their_name_and_address_leave_the_librarys_contact_interest_requests_and_subjects():
    from aanmelding.models import Belangstelling

    person = UserFactory(medewerker=True, email="anne@bieb.example", first_name="Anne")
    library = person.bibliotheek
    type(library).objects.filter(pk=library.pk).update(
        contactpersoon="Anne Jansen", contact_email="Anne@bieb.example"
    )
    request = Belangstelling.objects.create(
        naam="Anne Jansen", organisatie="Bieb", email="anne@bieb.example", telefoon="06"
    )
    mail = OutgoingMail.objects.create(
        subject="anne@bieb.example vraagt om een nieuwe uitnodiging", body="", to="kb@kb.example"
    )
    deactivate(person, months_ago=25)

    retention.apply()

    library.refresh_from_db()
    request.refresh_from_db()
    mail.refresh_from_db()
    assert (library.contactpersoon, library.contact_email) == (FORMER, "")
    assert (request.naam, request.email, request.telefoon) == (FORMER, "", "")
    assert "anne@" not in mail.subject.lower() and FORMER in mail.subject
