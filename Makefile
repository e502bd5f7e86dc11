# Samenspel: `make run` installs everything and serves the site; `make test` runs every check.
# Both can be run again at any time; steps whose inputs did not change are skipped.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
# Test processes: one per core of the 2-core CI machine; each loads the data sets itself.
TEST_WORKERS ?= 2
export DJANGO_SETTINGS_MODULE ?= samenspel.conf.settings

.PHONY: run install system-libraries compiled-messages test lint format migrations-check pytest browser-test messages clean

run: install
	$(BIN)/samenspel setup --demo
	$(BIN)/samenspel runserver 127.0.0.1:$(PORT)

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
