"""gunicorn's settings: it reads this file from its working directory when it starts (the
Dockerfile's and docker-compose's ``gunicorn kbregeling.wsgi`` run from the repository root).

The ``Server`` header names no software and no version, so a response tells an attacker
nothing of the stack. gunicorn writes the header from ``gunicorn.http.wsgi.SERVER``, a copy
of ``gunicorn.SERVER`` taken at import, so both are set.
"""

import gunicorn
from gunicorn.http import wsgi

SERVER_NAME = "webserver"

gunicorn.SERVER = wsgi.SERVER = SERVER_NAME
gunicorn.SERVER_SOFTWARE = wsgi.SERVER_SOFTWARE = SERVER_NAME


def on_starting(server):
    """Production without a mail server or broker does not start (kbregeling/mail/checks.py)."""
    from kbregeling.mail.checks import refuse_to_start_unready

    refuse_to_start_unready()
