# coopnet: `make run` serves the demo site, `make test` runs the whole test suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test install migrate demo superuser backup restore lint check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput

demo: migrate
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo

run: demo
	@echo
	@echo "coopnet: http://$(HOST):$(PORT)/  ·  admin: http://$(HOST):$(PORT)/admin/"
	@echo "To log into the admin, create a user first (in another terminal):"
	@echo "  DJANGO_DEBUG=1 DJANGO_SUPERUSER_PASSWORD=<password> .venv/bin/python manage.py load_demo --superuser admin"
	@echo "  or interactively: make superuser"
	@echo
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production stack: gunicorn (gunicorn.conf.py), static files collected and served by WhiteNoise, debug off.
# PostgreSQL by DATABASE_URL; without it the SQLite file is used, which is fine for a trial. Without
# DJANGO_SECRET_KEY a random key is made once and kept in .secret-key. It speaks plain HTTP unless told otherwise:
# behind HTTPS set DJANGO_SECURE_COOKIES=1 DJANGO_SSL_REDIRECT=1 DJANGO_HSTS_SECONDS=31536000 (README, Production).
SECRET_FILE := .secret-key
serve: install
	@test -s $(SECRET_FILE) || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $(SECRET_FILE)
	@chmod 600 $(SECRET_FILE)
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat $(SECRET_FILE))}" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-$(HOST),localhost,127.0.0.1}" \
	SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}" \
	DJANGO_SECURE_COOKIES="$${DJANGO_SECURE_COOKIES:-0}" DJANGO_SSL_REDIRECT="$${DJANGO_SSL_REDIRECT:-0}" \
	DJANGO_HSTS_SECONDS="$${DJANGO_HSTS_SECONDS:-0}" \
	sh -c '$(BIN)/python manage.py migrate --noinput && \
	       $(BIN)/python manage.py collectstatic --noinput --verbosity 0 && \
	       HOST=$(HOST) PORT=$(PORT) exec $(BIN)/gunicorn --config gunicorn.conf.py'

superuser: migrate
	DJANGO_DEBUG=1 $(BIN)/python manage.py createsuperuser

# Backups (README, Production): `make backup` writes backups/coopnet-backup-<date>_<time>.tar.gz (BACKUP_DIR=… for
# elsewhere); `make restore FILE=…` brings one back into an empty database. Both use the environment's DATABASE_URL.
BACKUP_DIR ?= backups
backup: install
	$(BIN)/python manage.py backup --output $(BACKUP_DIR)

restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/coopnet-backup-….tar.gz" >&2; exit 2; }
	$(BIN)/python manage.py restore "$(FILE)"

# The suite runs on every core (pytest-xdist), each worker with a test database of its own; WORKERS=0 runs it in
# one process, WORKERS=2 on two. `--dist load` hands the tests out in the order pytest-django sorted them, so on
# every worker the transactional and browser tests, which empty its database at the end, still come last.
# More pytest options: make test PYTEST_ARGS="…".
WORKERS ?= auto
test: install
	$(BIN)/python -m pytest -n $(WORKERS) --dist load $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

check: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py check
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
