# Kommunal souverän — everyday commands. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WEB_CONCURRENCY ?= 2
export DJANGO_ENV ?= dev

.DEFAULT_GOAL := help

.PHONY: help run worker dev setup test test-fast lint lint-deploy format migrations-check cluster-test bench clean

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-18s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the dependency declaration changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

setup: $(VENV)/.installed ## Create .venv, migrate the database, collect static files, load demo content
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	$(BIN)/python manage.py load_demo

# gunicorn and the task worker (e-mail, search index, schedule) as one command: a
# signal to make or the shell stops both, and the worker stops when gunicorn ends.
run: setup ## Set everything up and serve the demo portal as it will be used (DEBUG off), with its task worker
	@echo "Portal: http://$(HOST):$(PORT)/  –  Verwaltung: http://$(HOST):$(PORT)/admin/"
	@$(BIN)/python manage.py db_worker & worker=$$!; \
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --workers $(WEB_CONCURRENCY) \
		--access-logfile - --env DJANGO_ENV=$(DJANGO_ENV) & web=$$!; \
	trap 'stopping=1; kill -TERM $$web $$worker 2>/dev/null' INT TERM HUP; \
	wait $$web; status=$$?; \
	while kill -0 $$web 2>/dev/null; do wait $$web; status=$$?; done; \
	[ -n "$$stopping" ] || kill -TERM $$worker 2>/dev/null; wait $$worker; exit $$status

worker: $(VENV)/.installed ## Run the task worker alone, e.g. beside `make dev` (e-mail, search index, schedule)
	$(BIN)/python manage.py db_worker

dev: setup ## Serve with DEBUG on and autoreload (never on a network address)
	DEBUG=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

# One test process per core (tests/conftest.py says how they are dealt out).
TEST_WORKERS ?= auto

test: $(VENV)/.installed-dev ## Set up .venv with test tools and run the whole test suite
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

test-fast: $(VENV)/.installed-dev ## Run the tests without the browser journeys
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup -m "not browser"

lint: $(VENV)/.installed-dev ## Check code style (ruff) and missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MAKE) migrations-check

lint-deploy: $(VENV)/.installed-dev ## Validate Dockerfile (hadolint) and compose.yaml (docker-compose config)
	$(BIN)/hadolint Dockerfile
	SECRET_KEY=validate-only docker-compose -f compose.yaml config --quiet

format: $(VENV)/.installed-dev ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: $(VENV)/.installed ## Fail if a model change has no migration
	$(BIN)/python manage.py makemigrations --check --dry-run

cluster-test: $(VENV)/.installed-dev ## Two instances behind nginx, one killed under load: nothing may be lost
	$(BIN)/python scripts/cluster_test.py --seconds $(or $(CLUSTER_SECONDS),30)

bench: $(VENV)/.installed-dev ## Benchmark public pages with wrk (demo data ×10)
	$(BIN)/python bench/run_bench.py

.PHONY: backup-check
backup-check: $(VENV)/.installed-dev ## Back up PostgreSQL + media, restore into a fresh database, compare
	scripts/backup_restore_check.sh

clean: ## Remove the virtual environment, database, static and media files
	rm -rf $(VENV) var
