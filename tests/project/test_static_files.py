"""The production build: static files collect with DEBUG off from the repository's own files,
and whitenoise serves them by their hashed names."""

import re
import secrets
import textwrap

from .test_settings import run_python

SERVE = textwrap.dedent(
    """
    import re
    import django
    django.setup()
    from django.test import Client
    client = Client()
    page = client.get("/inloggen/", secure=True)
    assert page.status_code == 200, page.status_code
    html = page.content.decode()
    href = re.search(r'href="(/static/css/bootstrap\\.min\\.[0-9a-f]+\\.css)"', html)
    assert href, "the page does not link the hashed stylesheet"
    css = client.get(href.group(1), secure=True)
    body = b"".join(css.streaming_content) if css.streaming else css.content
    assert css.status_code == 200 and b".btn" in body, css.status_code
    print("served", href.group(1))
    """
)


def test_static_files_collect_with_debug_off_and_whitenoise_serves_a_page(tmp_path):
    """As an image build does: a secret key and DEBUG off, no mail server and no broker."""
    production = {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "STATIC_ROOT": str(tmp_path / "static"),
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "kbregeling.settings",
    }

    collected = run_python("manage.py", "collectstatic", "--noinput", **production)
    assert collected.returncode == 0, collected.stdout + collected.stderr
    assert (tmp_path / "static" / "staticfiles.json").exists()

    served = run_python("-c", SERVE, **production)
    assert served.returncode == 0, served.stdout + served.stderr
    assert re.search(r"served /static/css/bootstrap\.min\.[0-9a-f]+\.css", served.stdout)
