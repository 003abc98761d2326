# Fineprint: `make run` serves the demo site; `make test` runs the whole test suite.
# Both create .venv on first use and are safe to run again.

PYTHON ?= $(shell for p in python3.13 python3.12 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test venv lint bench score clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (python3.13 / python3.12 / python3)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(VENV)/.installed

node_modules/axe-core/axe.min.js: package.json
	@if command -v npm >/dev/null 2>&1; then npm install --no-audit --no-fund --silent; \
	else echo "npm not found: accessibility checks in the browser tests will be skipped"; fi

run: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py reparse
	DJANGO_SUPERUSER_PASSWORD=fineprint-demo $(PY) manage.py createsuperuser --noinput \
		--username admin --email admin@fineprint.example 2>/dev/null || true
	@echo "Demo admin: http://127.0.0.1:$(PORT)/admin/ (admin / fineprint-demo, for local use only)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: venv node_modules/axe-core/axe.min.js
	$(PY) -m pytest $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

bench: venv
	$(PY) bench/bench_parser.py
	$(PY) bench/bench_classify.py

score: venv
	$(PY) ../shared/eval/score.py

clean:
	rm -rf $(VENV) node_modules db.sqlite3* test-db*.sqlite3* media staticfiles artifacts
