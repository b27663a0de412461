# coopnet: `make run` serves the demo site, `make test` runs the whole test suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate demo superuser lint check clean

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

superuser: migrate
	DJANGO_DEBUG=1 $(BIN)/python manage.py createsuperuser

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

check: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py check
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
