"""gunicorn, as production runs it (from the repository root, so it reads gunicorn.conf.py),
names no software in its ``Server`` header."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gunicorn_sends_a_server_header_that_names_no_software():
    port = free_port()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    env = {**os.environ, "DEBUG": "1"}
    server = subprocess.Popen(  # noqa: S603 (our own virtualenv's gunicorn)
        [gunicorn, "kbregeling.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{port}/static/css/site.css")
                with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                    headers = response.headers
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)

    assert headers["Server"]
    assert "gunicorn" not in headers["Server"].lower()
    assert not any(ch.isdigit() for ch in headers["Server"])  # no version either
