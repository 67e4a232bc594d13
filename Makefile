# The two commands of the README. Both set up everything they need.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test install messages messages-compiled check

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Compile the catalogue when gettext is here; the compiled .mo is committed for machines without it.
messages-compiled: install
	@if command -v msgfmt >/dev/null; then $(PY) manage.py compilemessages -l vi --ignore '.venv/*' >/dev/null; fi

# The signed copies of the demo print this address as where to check them.
run: export DJANGO_PUBLIC_BASE_URL ?= http://127.0.0.1:$(PORT)
# DEBUG is off (config/settings/local.py): WhiteNoise serves the static files, our 404 and 500 pages answer.
run: install messages-compiled
	mkdir -p var/static
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install messages-compiled
	$(VENV)/bin/ruff check .
	bin/with-postgres bin/with-s3 $(PY) -m pytest -n auto -m "not multi_server" $(PYTEST_ARGS)
# The two-server tests start real server processes on the test database: they run alone, after the rest
# (exit status 5 is "none selected", when PYTEST_ARGS narrows the run to other tests).
	bin/with-postgres bin/with-s3 $(PY) -m pytest -n 0 -m multi_server $(PYTEST_ARGS) || [ $$? -eq 5 ]

messages: install
	$(PY) manage.py makemessages -l vi --no-obsolete --ignore '.venv/*' --ignore 'var/*'
	$(PY) manage.py compilemessages -l vi --ignore '.venv/*'

check: install
	DJANGO_SECRET_KEY=check-only-$$(date +%s)-a8f7d6s5a4f3d2s1a0p9o8i7u6y5t4r3e2w1q DATABASE_URL=postgres://x@localhost/x \
	DJANGO_ALLOWED_HOSTS=example.org DJANGO_PUBLIC_BASE_URL=https://example.org DJANGO_AUDIT_SEAL_KEY=check-only \
	DJANGO_SETTINGS_MODULE=config.settings.production \
	$(PY) manage.py check --deploy --fail-level WARNING
