# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: install run test lint format messages makemessages openapi lock browser clean

install: $(VENV)/.installed .env messages

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $@

# A developer's settings: DEBUG on, so no secret key is needed. Production sets its own env.
.env:
	printf 'DEBUG=1\n' > .env

messages: $(VENV)/.installed
	$(PY) bin/compile_messages.py

run: install
	$(PY) manage.py migrate --verbosity 0
	$(PY) manage.py load_gemeenten
	$(PY) manage.py load_demo
	$(PY) manage.py load_demo_licenties
	$(PY) manage.py load_demo_rapportage
	$(PY) manage.py runserver $(HOST)

# Browser tests drive Debian's Chromium; install it when we may (root), else they are skipped.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
		&& (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null) \
		|| echo "chromium not installed: browser tests will be skipped"; }

test: install browser
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.installed
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

makemessages: $(VENV)/.installed
	$(PY) manage.py makemessages --locale nl --ignore '.venv/*' --ignore 'var/*'

# The API's OpenAPI schema, committed beside the code: tests/api/test_schema.py fails when an
# endpoint changed and this was not run.
openapi: $(VENV)/.installed
	$(PY) manage.py spectacular --lang nl --validate --fail-on-warn --file kbregeling/api/openapi.yaml

lock:
	$(PY) -m pip install --quiet -r requirements.in
	$(PY) -m pip freeze --exclude-editable > requirements.lock

clean:
	rm -rf $(VENV) var/db.sqlite3 var/staticfiles
