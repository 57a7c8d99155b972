import time

import pytest
from django.core.cache import cache
from django.test import Client

from kbregeling.celery import app as celery_app
from kbregeling.mail import outbox

from .aanmelding.factories import AanmeldingFactory, BibliotheekFactory
from .accounts.factories import UserFactory, staff_of


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploads go to a temporary folder; tasks run in-process unless a test says otherwise."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    # Test users are made by the dozen; a slow password hash only costs time here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    celery_app.conf.task_always_eager = True
    outbox._broker_failed_at = None  # no test inherits another's broker failure
    cache.clear()  # rate limits and used one-time codes
    yield


@pytest.fixture(autouse=True)
def force_login_passes_second_factor(monkeypatch):
    """``client.force_login`` skips the login page, so it skips the second factor too: the
    session counts as having passed password and code just now. Tests of the second factor
    itself log in through the real pages (tests/accounts/test_second_factor.py)."""
    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        session = self.session
        now = time.time()
        session["account_authentication_methods"] = [
            {"method": "password", "at": now},
            {"method": "mfa", "at": now, "type": "totp"},
        ]
        session["account_authentication_methods_user"] = str(user.pk)
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def mail_on_commit(django_capture_on_commit_callbacks):
    """Run the after-commit callbacks of a block, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def bibliotheek(db):
    return BibliotheekFactory()


@pytest.fixture
def medewerker(bibliotheek):
    return staff_of(bibliotheek)


@pytest.fixture
def andere_medewerker(db):
    """Staff of another library: must never reach the first library's data."""
    return staff_of(BibliotheekFactory())


@pytest.fixture
def kb(db):
    return UserFactory(kb=True)


@pytest.fixture
def digisterker(db):
    return UserFactory(digisterker=True)


@pytest.fixture
def coordinator(db):
    return UserFactory(coordinator=True)


@pytest.fixture
def beheerder(db):
    """KB's functional administrator: libraries, people and interest requests."""
    return UserFactory(beheerder=True, email="beheer@kb.example")


@pytest.fixture
def beheer_client(client, beheerder):
    client.force_login(beheerder)
    return client


@pytest.fixture
def concept(bibliotheek):
    return AanmeldingFactory(bibliotheek=bibliotheek, compleet=True)


@pytest.fixture
def ingediend(bibliotheek):
    from aanmelding.constants import Status

    return AanmeldingFactory(bibliotheek=bibliotheek, compleet=True, status=Status.INGEDIEND)
