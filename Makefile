# Portal Kabupaten Ketapang. `make help` lists the targets.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
DEV := DJANGO_SETTINGS_MODULE=portal.settings.dev
TEST := DJANGO_SETTINGS_MODULE=portal.settings.test

.DEFAULT_GOAL := help
.PHONY: help install run migrate seed test lint format clean messages makemessages i18n-report backup restore browser browser-deps bench profile

help: ## Show this list of targets
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned requirements

migrate: install ## Apply database migrations (SQLite unless DATABASE_URL is set)
	$(DEV) $(PY) manage.py migrate --no-input

seed: migrate ## Load the demo portal, OPD subsites, people and content (idempotent)
	$(DEV) $(PY) manage.py seed_demo --port $(PORT)

run: seed messages ## Set everything up and serve the demo on http://$(HOST):$(PORT)
	@echo "Buka http://ketapangkab.localhost:$(PORT)/ (admin: /admin/)"
	$(DEV) $(PY) manage.py runserver $(HOST):$(PORT)

test: install messages browser-deps ## Run checks and the whole test suite (SQLite, or PostgreSQL via DATABASE_URL)
	$(TEST) $(PY) manage.py check --fail-level WARNING
	$(TEST) $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports  # the layers in pyproject.toml: dependencies point one way
	$(PY) -m pytest -p randomly $(PYTEST_ARGS)

# The browser tests drive Debian's Chromium. Installed here when missing and we are root; otherwise
# those tests are skipped with a message (CI sets PORTAL_REQUIRE_BROWSER=1: there they must run).
browser-deps: ## Install Debian's Chromium for the browser tests if it is missing (needs root)
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "== apt-get install chromium (browser tests) =="; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			chromium fonts-dejavu-core; } || echo "Chromium could not be installed: the browser tests will be skipped."; \
	else echo "No /usr/bin/chromium (sudo apt-get install chromium): the browser tests will be skipped."; fi

browser: install messages browser-deps ## Run only the browser tests; screenshots go to tests/screenshots/
	$(PY) -m pytest -p randomly tests/test_browser_public_site.py tests/test_journey_*.py $(PYTEST_ARGS)
	@echo "Screenshots: tests/screenshots/"

messages: install ## Compile the translation catalogues to .mo (polib; GNU gettext not needed)
	$(DEV) $(PY) manage.py compile_catalogues

# portal/catalogues/ is skipped: the strings it uses are Wagtail's, translated in locale/wagtail/.
makemessages: install ## Re-extract our strings into locale/ (needs GNU gettext), sync locale/wagtail/
	$(DEV) $(PY) manage.py makemessages -l id -l en --add-location=file \
		--ignore=staticfiles --ignore=media --ignore='tests/*' --ignore='portal/catalogues/*'
	$(DEV) $(PY) manage.py sync_catalogues

i18n-report: install ## Show the share of translated strings: ours, Wagtail, wagtail-localize
	$(DEV) $(PY) manage.py catalogue_report

lint: install ## Lint and check formatting with ruff
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install ## Format the code with ruff
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Backups use the environment's settings (production: DJANGO_SETTINGS_MODULE from /etc/portal/portal.env).
SETTINGS_ENV := DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-portal.settings.dev}
BACKUP_DIR ?= backups

backup: install ## Back up PostgreSQL (pg_dump) and media into $(BACKUP_DIR)/portal-<date>/
	$(SETTINGS_ENV) $(PY) manage.py backup_portal --output-dir $(BACKUP_DIR)

restore: install ## Restore BACKUP=<folder> into the (empty) database of DATABASE_URL and MEDIA_ROOT
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/portal-YYYYMMDD-HHMMSS"; exit 2; }
	$(SETTINGS_ENV) $(PY) manage.py restore_portal $(BACKUP) $(RESTORE_ARGS)

clean: ## Remove the virtualenv, the SQLite database and uploaded media
	rm -rf $(VENV) db.sqlite3 media staticfiles

# Not part of `make test`: it needs PostgreSQL filled by seed_bench, Redis, Varnish and wrk, and takes minutes.
bench: install messages ## Benchmark the production-like stack (wrk, Varnish); tables in demo/bench/results/ (docs/performance.md)
	$(PY) demo/bench/run.py

profile: install messages ## Where each public page's time goes (pyinstrument, in-process, on the bench database)
	$(PY) demo/bench/profile.py
