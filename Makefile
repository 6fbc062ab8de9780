# The two commands of the project: `make run` and `make test` (README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?= -n 2 --durations=25

.PHONY: run test check install install-dev migrate demo worker beat lint clean

# Two stamps: .installed (what the portal runs on, requirements.txt) and .installed-dev (that plus the
# test, lint, browser and benchmark tools, requirements-dev.txt). A venv made by `make run` gets the dev
# packages at the first `make test`; either file changing reinstalls what depends on it.
$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

migrate: install
	mkdir -p var
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

# The QR codes and the links in e-mails point where the portal runs: SITE_URL, by default this address.
run: demo
	@echo "Cổng thi đua – khen thưởng: http://$(HOST):$(PORT)/"
	SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(PY) manage.py runserver $(HOST):$(PORT)

# What CI runs (.ci/run): the linter, no model change without its migration, then the tests.
test: check
	$(PY) -m pytest $(PYTEST_ARGS)

check: install-dev
	$(VENV)/bin/ruff check .
	mkdir -p var
	$(PY) manage.py makemigrations --check --dry-run

worker: install
	$(VENV)/bin/celery -A portal worker -l info

beat: install
	$(VENV)/bin/celery -A portal beat -l info

lint: install-dev
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) var .pytest_cache
