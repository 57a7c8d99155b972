"""Guard rails of the configuration: settings, deploy checks, roles, reference data, the beat
schedule, the Django admin and the pages of django.contrib.auth."""

import importlib
import inspect
import os
import re
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from celery import schedules
from django import forms
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from aanmelding.constants import Rol, Status
from aanmelding.models import Aanmelding, Gemeente, TransitionLog
from kbregeling.celery import app as celery_app

from .factories import AanmeldingFactory, UserFactory

BASE_DIR = Path(settings.BASE_DIR)


def run_python(*args, **env_changes):
    """Run the project's Python in a fresh process, without pytest loaded (so the settings
    do not think they are under test) and without SECRET_KEY unless given."""
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update(env_changes)
    return subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


# Settings -----------------------------------------------------------------------------------


def test_settings_import():
    module = importlib.import_module("kbregeling.settings")

    assert module.LANGUAGE_CODE == "nl"
    assert module.AUTH_USER_MODEL == "aanmelding.Gebruiker"


def test_settings_load_for_development_without_a_secret_key():
    result = run_python("-c", "import kbregeling.settings as s; print(s.DEBUG)", DEBUG="1")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_settings_refuse_to_load_with_debug_off_and_no_secret_key():
    # DEBUG=0 in the environment wins over DEBUG=1 in a developer's .env file.
    result = run_python("-c", "import kbregeling.settings", DEBUG="0")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_settings_load_with_debug_off_and_a_secret_key():
    result = run_python(
        "-c",
        "import kbregeling.settings as s; print(s.DEBUG, s.SECURE_SSL_REDIRECT)",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True"


def test_production_settings_pass_the_deploy_check():
    result = run_python(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="digisterker.kb.nl",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_fails_on_a_weak_secret_key():
    """The deploy check is really run with warnings as failures: a weak key fails it."""
    result = run_python(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="geheim",
        ALLOWED_HOSTS="digisterker.kb.nl",
    )

    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_uploads_are_stored_outside_the_static_files():
    media = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    collected = settings.STATIC_ROOT or settings.VAR_DIR / "staticfiles"  # set in production
    for public in (collected, *settings.STATICFILES_DIRS):
        public = Path(public).resolve()
        assert not media.is_relative_to(public)
        assert not public.is_relative_to(media)


# Roles and reference data -------------------------------------------------------------------


@pytest.mark.django_db
def test_the_four_role_groups_exist_after_migrations():
    names = set(Group.objects.values_list("name", flat=True))

    assert len(Rol.values) == 4
    assert set(Rol.values) <= names


@pytest.mark.django_db
def test_load_gemeenten_loads_the_342_municipalities_and_running_it_twice_changes_nothing():
    out = StringIO()
    call_command("load_gemeenten", stdout=out)
    assert "342 created, 0 updated" in out.getvalue()
    assert Gemeente.objects.count() == 342
    assert Gemeente.objects.values("provincie").distinct().count() == 12
    assert Gemeente.objects.filter(cbs_code="GM0363", naam="Amsterdam").exists()
    before = sorted(Gemeente.objects.values_list("pk", "cbs_code", "naam", "provincie", "inwoners"))

    out = StringIO()
    call_command("load_gemeenten", stdout=out)

    assert "0 created, 0 updated" in out.getvalue()
    after = sorted(Gemeente.objects.values_list("pk", "cbs_code", "naam", "provincie", "inwoners"))
    assert after == before


@pytest.mark.django_db
def test_load_gemeenten_restores_a_changed_number_of_inhabitants():
    call_command("load_gemeenten", stdout=StringIO())
    groningen = Gemeente.objects.get(cbs_code="GM0014")
    inwoners = groningen.inwoners
    Gemeente.objects.filter(pk=groningen.pk).update(inwoners=1)

    out = StringIO()
    call_command("load_gemeenten", stdout=out)

    assert "0 created, 1 updated" in out.getvalue()
    groningen.refresh_from_db()
    assert groningen.inwoners == inwoners
    assert Gemeente.objects.count() == 342


# Celery beat --------------------------------------------------------------------------------


def registered_tasks():
    celery_app.loader.import_default_modules()  # autodiscovery of every app's tasks.py
    return celery_app.tasks


def test_task_registry_knows_the_project_tasks():
    """The check below means something: discovery finds the project's tasks."""
    assert "aanmelding.tasks.send_email" in registered_tasks()


@pytest.mark.parametrize("name", sorted(settings.CELERY_BEAT_SCHEDULE) or ["(empty)"])
def test_every_beat_schedule_entry_points_to_a_registered_task_with_matching_arguments(name):
    if name == "(empty)":
        pytest.skip("CELERY_BEAT_SCHEDULE has no entries yet")
    entry = settings.CELERY_BEAT_SCHEDULE[name]
    tasks = registered_tasks()

    assert entry["task"] in tasks, f"{name}: {entry['task']} is not a registered task"
    signature = inspect.signature(tasks[entry["task"]].run)
    signature.bind(*entry.get("args", ()), **entry.get("kwargs", {}))  # TypeError if not
    schedule = entry["schedule"]
    assert isinstance(schedule, schedules.BaseSchedule | int | float) or hasattr(
        schedule, "total_seconds"
    )


# The Django admin ---------------------------------------------------------------------------


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True, username="beheerder")


def change_url(aanmelding):
    return reverse("admin:aanmelding_aanmelding_change", args=[aanmelding.pk])


def change_form_data(response) -> dict:
    """The POST the admin's change form would send as it stands, inlines included."""
    data = {}

    def add(form):
        for field in form:
            if isinstance(field.field, forms.FileField):
                continue
            value = field.value()
            if isinstance(field.field, forms.BooleanField):
                if value:
                    data[field.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[field.html_name] = [str(v) for v in value]
            else:
                data[field.html_name] = "" if value is None else value

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def transition_buttons(response) -> set[str]:
    return set(
        re.findall(r'name="_fsm_transition_to"\s+value="([^"]+)"', response.content.decode())
    )


@pytest.mark.django_db
def test_admin_change_page_shows_the_transition_buttons_and_a_read_only_status(
    client, superuser, ingediend
):
    client.force_login(superuser)

    response = client.get(change_url(ingediend))

    assert response.status_code == 200
    assert transition_buttons(response) == {"intrekken"}
    assert "status" not in response.context["adminform"].form.fields
    assert 'name="status"' not in response.content.decode()
    assert str(Status(ingediend.status).label) in response.content.decode()


@pytest.mark.django_db
def test_admin_offers_submission_only_for_a_complete_draft(client, superuser, concept):
    client.force_login(superuser)
    incomplete = AanmeldingFactory(bibliotheek=concept.bibliotheek)

    assert transition_buttons(client.get(change_url(concept))) == {"indienen", "intrekken"}
    assert transition_buttons(client.get(change_url(incomplete))) == {"intrekken"}


@pytest.mark.django_db
def test_admin_transition_button_withdraws_a_plan_and_logs_the_superuser(
    client, superuser, ingediend
):
    client.force_login(superuser)
    data = change_form_data(client.get(change_url(ingediend)))
    data["_fsm_transition_to"] = "intrekken"

    response = client.post(change_url(ingediend), data)

    assert response.status_code == 302
    ingediend.refresh_from_db()
    assert ingediend.status == Status.INGETROKKEN
    entry = TransitionLog.objects.get(object_id=ingediend.pk, transition="intrekken")
    assert entry.by == superuser
    assert (entry.source, entry.target) == (Status.INGEDIEND, Status.INGETROKKEN)
    assert entry.remark


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["kb_positief", "digisterker_positief", "afwijzen"])
def test_admin_cannot_force_an_advice_transition_that_has_no_button(
    client, superuser, ingediend, name
):
    """An advice needs a Beoordeling with a motivation: only the review page gives one.
    Posting the transition's name by hand must not move the plan."""
    client.force_login(superuser)
    data = change_form_data(client.get(change_url(ingediend)))
    data["_fsm_transition_to"] = name

    client.post(change_url(ingediend), data)

    ingediend.refresh_from_db()
    assert ingediend.status == Status.INGEDIEND
    assert not TransitionLog.objects.filter(object_id=ingediend.pk, transition=name).exists()
    assert not ingediend.beoordelingen.exists()


@pytest.mark.django_db
def test_admin_change_page_is_closed_to_reviewers(client, kb, ingediend):
    client.force_login(kb)

    response = client.get(change_url(ingediend))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert Aanmelding.objects.get(pk=ingediend.pk).status == Status.INGEDIEND


# Logging in and resetting a password --------------------------------------------------------


def project_translation(msgid):
    """The project's own Dutch translation of ``msgid``; skips when not compiled yet."""
    polib = pytest.importorskip("polib")
    mo = Path(settings.LOCALE_PATHS[0]) / "nl" / "LC_MESSAGES" / "django.mo"
    if not mo.exists():
        pytest.skip("locale/nl is not compiled yet: run `make messages`")
    entry = polib.mofile(str(mo)).find(msgid)
    if entry is None or not entry.msgstr:
        pytest.skip(f"{msgid!r} is not translated in locale/nl yet")
    return entry.msgstr


@pytest.mark.django_db
def test_login_page_is_labelled_inloggen(client):
    # The English msgid "Log in" must come out as "Inloggen" (Django's own catalogue
    # would say "Aanmelden", which here means signing up for the scheme).
    assert project_translation("Log in") == "Inloggen"

    html = client.get(reverse("login")).content.decode()

    assert '<html lang="nl">' in html
    assert re.search(r"<h1[^>]*>\s*Inloggen\s*</h1>", html)
    assert re.search(r'<button type="submit"[^>]*>\s*Inloggen\s*</button>', html)
    assert "Log in" not in html


@pytest.mark.django_db
def test_logging_in_works_with_the_login_page(client):
    user = UserFactory(medewerker=True)

    response = client.post(
        reverse("login"), {"username": user.username, "password": "demo-wachtwoord-2026"}
    )

    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302  # on to the role's own page


@pytest.mark.django_db
def test_password_reset_sends_an_email_with_a_link(client):
    user = UserFactory(email="anne@bibliotheek.example")

    response = client.post(reverse("password_reset"), {"email": "anne@bibliotheek.example"})

    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anne@bibliotheek.example"]
    assert user.username in message.body
    link = re.search(r"https?://testserver(/account/reset/[^/\s]+/[^/\s]+/)", message.body)
    assert link, message.body
    # The link opens the form for a new password.
    follow = client.get(link.group(1), follow=True)
    assert follow.status_code == 200
    assert "new_password1" in follow.content.decode()


@pytest.mark.django_db
def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client):
    response = client.post(reverse("password_reset"), {"email": "onbekend@example.org"})

    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []
