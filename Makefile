# Rungs: `make run` serves the site, `make test` checks everything. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell sha1sum requirements.lock | cut -c1-12)
# axe-core for the accessibility browser test, from package-lock.json (npm ci); test-only.
JS_STAMP := node_modules/.installed-$(shell sha1sum package-lock.json | cut -c1-12)
export PYTHONDONTWRITEBYTECODE := 1
# Ports of bench-scale's own throwaway PostgreSQL and Redis (the tests use 5433).
BENCH_PG_PORT    ?= 5434
BENCH_REDIS_PORT ?= 6390
# Ports of the fault drills' own PostgreSQL and Redis (drills/run.py: DRILLS_PORT, DRILLS_SMTP_PORT).
DRILLS_PG_PORT    ?= 5445
DRILLS_REDIS_PORT ?= 6398

.PHONY: help install install-js run serve worker migrate ladder demo lint format test test-sqlite test-postgres \
        screenshots bench bench-markdown bench-scale drills lock clean

help:  ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.lock
	@if [ ! -x $(PY) ]; then \
	  python=$$(scripts/find-python); \
	  echo "Creating $(VENV) with $$python"; \
	  "$$python" -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	rm -f $(VENV)/.installed-*; touch $@

install: $(STAMP)  ## Create the virtualenv and install the pinned dependencies

$(JS_STAMP): package-lock.json
	@command -v npm >/dev/null || scripts/ensure-system-packages
	npm ci --no-audit --no-fund
	rm -f node_modules/.installed-*; touch $@

install-js: $(JS_STAMP)  ## Install the test-only npm packages (axe-core) when missing or the lock changed

migrate: install
	$(PY) manage.py migrate --noinput

ladder: migrate  ## Load (or refresh) the career ladder from ladder/data/ladder.yaml
	$(PY) manage.py load_ladder

demo: ladder  ## Load the demo people and questions
	$(PY) manage.py load_demo

run: demo  ## Set everything up and serve on http://127.0.0.1:8000
	$(PY) manage.py runserver 127.0.0.1:8000

serve: demo  ## Serve with gunicorn, production style (set DJANGO_SETTINGS_MODULE etc. first)
	$(PY) manage.py createcachetable
	$(PY) manage.py collectstatic --noinput
	$(VENV)/bin/gunicorn config.wsgi --bind 127.0.0.1:8000 --workers 3 --access-logfile -

worker: install  ## Run the background task worker (sends e-mails)
	$(PY) manage.py db_worker

lint: install  ## ruff lint + format check, app layers (lint-imports), Django checks, migrations up to date
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run >/dev/null

format: install  ## Fix formatting and the fixable lint
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: lint  ## Lint, the whole suite on SQLite and on PostgreSQL, then a quick load test
	scripts/ensure-system-packages
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres
	$(MAKE) --no-print-directory bench-scale BENCH_QUICK=1
	@echo "All tests passed on SQLite and PostgreSQL, and every page answered under load."

test-sqlite: install install-js
	@echo "=== Test suite on SQLite ==="
	env -u DATABASE_URL $(VENV)/bin/pytest $(PYTEST_ARGS)

test-postgres: install install-js
	@echo "=== Test suite on PostgreSQL ==="
	scripts/with-postgres $(VENV)/bin/pytest $(PYTEST_ARGS)

screenshots: install install-js  ## Refresh the README screenshots in docs/img/
	env -u DATABASE_URL $(VENV)/bin/pytest tests/browser -m screenshot --screenshots

bench: install  ## Print the speed figures (see bench/README.md)
	$(PY) bench/run.py

bench-markdown: install  ## Time the worst markdown we know of; fails over 50 ms a body (bench/README.md)
	$(PY) -m bench.markdown

bench-scale: install  ## Load-test every page: PostgreSQL, Redis, gunicorn, wrk (bench/README.md)
	scripts/ensure-system-packages
	@echo "=== Load test (bench/scale.py) ==="
	RUNGS_PG_PORT=$(BENCH_PG_PORT) RUNGS_REDIS_PORT=$(BENCH_REDIS_PORT) \
	  scripts/with-postgres scripts/with-redis $(PY) -m bench.scale

drills: install  ## Fault drills, concurrency and a soak on the real stack (docs/operations.md)
	scripts/ensure-system-packages
	@echo "=== Fault drills (drills/run.py) ==="
	RUNGS_PG_PORT=$(DRILLS_PG_PORT) RUNGS_REDIS_PORT=$(DRILLS_REDIS_PORT) \
	  scripts/with-postgres scripts/with-redis $(PY) -m drills.run

lock:  ## Re-resolve pyproject.toml's ranges into requirements.lock
	rm -rf /tmp/rungs-lock && "$$(scripts/find-python)" -m venv /tmp/rungs-lock
	/tmp/rungs-lock/bin/python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; \
	  print("\n".join(p["dependencies"] + p["optional-dependencies"]["dev"]))' > /tmp/rungs-lock/wanted.txt
	/tmp/rungs-lock/bin/pip install --quiet --disable-pip-version-check -r /tmp/rungs-lock/wanted.txt
	{ echo "# Exact versions for a reproducible install; regenerate with 'make lock'."; \
	  /tmp/rungs-lock/bin/pip freeze --all --exclude-editable | grep -vE '^(pip|setuptools)==' ; } > requirements.lock

clean:  ## Remove the virtualenv and local data (var/)
	rm -rf $(VENV) var .pytest_cache .ruff_cache
