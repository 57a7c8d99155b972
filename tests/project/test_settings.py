"""Guard rails of the configuration: settings, deploy checks, where uploads go and the beat
schedule. (Roles and login: tests/accounts; reference data: tests/aanmelding; the Django
admin's transitions: tests/workflow.)"""

import importlib
import inspect
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from celery import schedules
from django.conf import settings

from kbregeling.celery import app as celery_app

BASE_DIR = Path(settings.BASE_DIR)


def run_python(*args, **env_changes):
    """Run the project's Python in a fresh process, without pytest loaded (so the settings
    do not think they are under test) and without SECRET_KEY, EMAIL_URL or TLS_PROXY
    unless given."""
    unset = {"SECRET_KEY", "EMAIL_URL", "TLS_PROXY", "CELERY_BROKER_URL"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
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
    assert module.AUTH_USER_MODEL == "accounts.Gebruiker"


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


def test_settings_load_with_debug_off_a_secret_key_and_a_mail_server():
    result = run_python(
        "-c",
        "import kbregeling.settings as s; print(s.DEBUG, s.SECURE_SSL_REDIRECT)",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        EMAIL_URL="smtp://mail.kb.example:25",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True"


START_WEB = "from gunicorn_conf import on_starting; on_starting(None)"
START_WORKER = "from kbregeling.celery import refuse_to_start_unready; refuse_to_start_unready()"


@pytest.mark.parametrize("start", ["manage.py check", START_WEB, START_WORKER])
def test_production_refuses_to_start_with_debug_off_and_no_mail_server(start):
    """Production never prints its mail on a console nobody reads: the check, the web server
    (gunicorn's on_starting), the worker and beat refuse to start."""
    result = run_start(start, DEBUG="0", SECRET_KEY=secrets.token_urlsafe(64))

    assert result.returncode != 0
    assert "EMAIL_URL" in result.stdout + result.stderr


@pytest.mark.parametrize("start", ["manage.py check", START_WEB, START_WORKER])
def test_production_refuses_to_start_with_debug_off_and_no_broker(start):
    """Production never sends mail inside the request for want of a worker."""
    result = run_start(
        start,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        EMAIL_URL="smtp://mail.kb.example:25",
    )

    assert result.returncode != 0
    assert "CELERY_BROKER_URL" in result.stdout + result.stderr


@pytest.mark.parametrize("start", ["manage.py check", START_WEB, START_WORKER])
def test_production_refuses_to_start_with_debug_off_and_no_shared_cache(start):
    """Limits on wrong codes and the guard against a code used twice hold for all workers."""
    result = run_start(
        start,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        EMAIL_URL="smtp://mail.kb.example:25",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
    )

    assert result.returncode != 0
    assert "CACHE_URL" in result.stdout + result.stderr


def run_start(start, **env):
    if start.startswith("manage.py"):
        return run_python(*start.split(), **env)
    # gunicorn reads gunicorn.conf.py by path; import it under a name Python accepts.
    load = (
        "import importlib.util, sys; "
        "spec = importlib.util.spec_from_file_location('gunicorn_conf', 'gunicorn.conf.py'); "
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module); "
        "sys.modules['gunicorn_conf'] = module; "
        "import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'kbregeling.settings'); "
    )
    return run_python("-c", load + start, **env)


def test_production_trusts_proxy_headers_only_when_told_so():
    show = "import kbregeling.settings as s; print(getattr(s, 'SECURE_PROXY_SSL_HEADER', None))"
    production = {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "EMAIL_URL": "smtp://mail.kb.example:25",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    }

    plain = run_python("-c", show, **production)
    proxied = run_python("-c", show, TLS_PROXY="1", **production)

    assert plain.stdout.strip() == "None", plain.stderr
    assert proxied.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')", proxied.stderr


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
        EMAIL_URL="smtp://mail.kb.example:25",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        CACHE_URL="redis://127.0.0.1:6379/1",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_sessions_are_read_from_the_shared_cache_only_when_there_is_one():
    show = "from django.conf import settings as s; print(s.SESSION_ENGINE)"
    setup = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='kbregeling.settings'; "
    shared = run_python(
        "-c", setup + "django.setup(); " + show, DEBUG="1", CACHE_URL="redis://127.0.0.1:6379/1"
    )
    own = run_python("-c", setup + "django.setup(); " + show, DEBUG="1", CACHE_URL="")

    assert shared.stdout.strip() == "django.contrib.sessions.backends.cached_db", shared.stderr
    assert own.stdout.strip() == "django.contrib.sessions.backends.db", own.stderr


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
        EMAIL_URL="smtp://mail.kb.example:25",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
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


# Celery beat --------------------------------------------------------------------------------


def registered_tasks():
    celery_app.loader.import_default_modules()  # autodiscovery of every app's tasks.py
    return celery_app.tasks


def test_task_registry_knows_the_project_tasks():
    """The check below means something: discovery finds the project's tasks."""
    assert "kbregeling.mail.tasks.send_email" in registered_tasks()


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
