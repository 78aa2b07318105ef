# OCOP Portal — the two commands a newcomer needs:
#   make run    set up everything and serve the demo site at http://127.0.0.1:8000
#   make test   run the whole suite (lint, Django checks, migrations check, pytest)

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: run install assets migrate demo serve test lint check bench lock clean

run: install assets migrate demo serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the lock files change.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# The 360° viewer and <model-viewer> come from npm (package-lock.json) and are bundled into
# static/dist by esbuild; rebuilt only when the lock file or the entry points change.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

static/dist/.built: node_modules/.installed frontend/build.mjs $(wildcard frontend/*.js frontend/*.css frontend/lib/*)
	node frontend/build.mjs
	touch $@

assets: static/dist/.built

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: install
	$(BIN)/python manage.py load_demo

# The web server and, next to it, the background worker (webhook deliveries, Wagtail's index
# updates); Ctrl-C stops both. The worker is killed however the server ends; it does not reload
# on code changes (its reloader would outlive the kill), so restart `make run` after editing a task.
serve: install
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .

check: install
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

test: lint check assets
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python bench/run.py

lock:
	$(BIN)/python -m pip freeze --exclude pip --exclude setuptools

clean:
	rm -rf $(VENV) node_modules static/dist db.sqlite3 media staticfiles .pytest_cache
