# Samenspel: `make run` installs everything and serves the site; `make test` runs every check.
# Both can be run again at any time; steps whose inputs did not change are skipped.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
# Test processes: one per core of the 2-core CI machine; each loads the data sets itself.
TEST_WORKERS ?= 2
export DJANGO_SETTINGS_MODULE ?= samenspel.conf.settings

.PHONY: run serve serve-check bench loadtest install system-libraries compiled-messages test lint format migrations-check pytest browser-test messages clean

# The background worker (documents, reports, mail: docs/adr/0008-background-jobs.md) runs
# beside the server; Ctrl-C stops both, and the worker stops too when the server exits.
run: install
	$(BIN)/samenspel setup --demo
	$(BIN)/samenspel worker --reload & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(BIN)/samenspel runserver 127.0.0.1:$(PORT)

# Production-like (docs/adr/0007-production-server.md): production settings under gunicorn
# (src/samenspel/conf/gunicorn.py; WORKERS=, default 2 per core + 1), static files
# collected into var/static and served by WhiteNoise, on PostgreSQL when DATABASE_URL is
# set, else the embedded SQLite in var/; Redis as cache and session store when REDIS_URL
# is set. DEMO=1 loads the demo layer too (with development settings: production refuses
# demo accounts). Plain HTTP on 127.0.0.1 only (samenspel.conf.local_http); behind a proxy
# that terminates TLS: SERVE_SETTINGS=samenspel.conf.production ALLOWED_HOSTS=….
# One background worker (`samenspel worker`) runs beside gunicorn and stops with it.
SERVE_SETTINGS ?= samenspel.conf.local_http
WORKERS ?=
DEMO ?=
SERVE_DATABASE = DATABASE_URL="$${DATABASE_URL:-sqlite:///$(CURDIR)/var/samenspel.sqlite3}"
SERVE_ENV = DJANGO_SETTINGS_MODULE=$(SERVE_SETTINGS) $(SERVE_DATABASE) \
	SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret-key)}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost,.localhost}"

serve: install var/secret-key
ifeq ($(DEMO),1)
	DJANGO_SETTINGS_MODULE=samenspel.conf.settings $(SERVE_DATABASE) $(BIN)/samenspel setup --demo
else
	$(SERVE_ENV) $(BIN)/samenspel setup
endif
	$(SERVE_ENV) $(BIN)/samenspel collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(BIN)/samenspel worker & worker=$$!; \
	trap 'kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(SERVE_ENV) PORT=$(PORT) WORKERS=$(WORKERS) $(BIN)/gunicorn -c python:samenspel.conf.gunicorn

# A random SECRET_KEY for `make serve`, kept so that sessions survive a restart (var/ is
# not committed). A deployment sets its own SECRET_KEY.
var/secret-key:
	@mkdir -p var
	@umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(64))' > $@

# Starts `make serve` on a free port, signs in and fetches pages and a static file, then
# stops it (by hand, not part of `make test`: it takes a minute).
serve-check: install
	bash scripts/serve_check.sh

# Page times, query counts, documents and memory on SQLite and PostgreSQL at scale 1 and 50,
# into docs/performance.md (by hand, not part of `make test`; the databases are made once,
# under var/bench/ and as samenspel_bench_N). A subset: make bench DB=sqlite SCALE=1.
DB ?= sqlite,postgres
SCALE ?= 1,50
bench: install
	$(BIN)/python scripts/bench.py --db $(DB) --scale $(SCALE)

# `make serve` on PostgreSQL with (a copy of) the scale-50 data, driven by wrk while writers
# post forms; figures into docs/performance.md (by hand; about 3 minutes plus the data).
loadtest: install var/secret-key
	bash scripts/loadtest.sh

install: $(VENV)/.installed node_modules/.installed compiled-messages system-libraries

# WeasyPrint (PDF documents and reports) needs Pango; Debian installs it with its fonts.
system-libraries:
	@ldconfig -p | grep -q libpangoft2-1.0 || { echo "Pango installeren (voor PDF's)…"; apt-get install -y -q libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; }

# Python packages, with the project itself installed editable.
$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is nodig ($(PYTHON) niet gevonden)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# Front-end packages exactly as the committed lock file says.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Translations are compiled from the committed .po files (the .mo files are not committed).
compiled-messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || { echo "GNU gettext installeren (msgfmt)…"; apt-get install -y -q gettext >/dev/null; }
	cd src/samenspel && ../../$(BIN)/samenspel compilemessages --verbosity 0

test: install lint migrations-check pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

migrations-check:
	$(BIN)/samenspel makemigrations --check --dry-run

pytest:
	$(BIN)/pytest -n $(TEST_WORKERS)

browser-test: install
	$(BIN)/pytest -m browser

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the .po files after changing texts (needs GNU gettext).
messages:
	cd src/samenspel && ../../$(BIN)/samenspel makemessages --locale en --no-obsolete --ignore 'tests/*'

clean:
	rm -rf $(VENV) node_modules var/static
