# The two commands a newcomer types: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-postgres test-sqlite system-packages system-packages-test demo clean bench

run: $(VENV)/.runtime-installed system-packages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "打开 http://$(HOST):$(PORT)/ ，用上面的演示账号登录（密码 unionreports）。"
	$(PY) manage.py runserver $(HOST):$(PORT)

# The whole suite on a throwaway PostgreSQL, then the suite again on SQLite (without the browser
# tests, which need nothing database-specific). Ends with pytest's summary line.
test: $(VENV)/.test-installed system-packages-test
	$(MAKE) --no-print-directory test-postgres
	$(MAKE) --no-print-directory test-sqlite

test-postgres: $(VENV)/.test-installed
	@echo "== test suite on PostgreSQL =="
	scripts/with_postgres.sh $(VENV)/bin/pytest $(PYTEST_ARGS)

test-sqlite: $(VENV)/.test-installed
	@echo "== test suite on SQLite (browser tests run on PostgreSQL only) =="
	DATABASE_URL=sqlite:///$(CURDIR)/var/test.sqlite3 $(VENV)/bin/pytest -m "not browser" $(PYTEST_ARGS)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { scripts/install_system_packages.sh venv && rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(VENV)/bin/pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt requirements.txt $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -r requirements-test.txt
	touch $(VENV)/.runtime-installed $@

system-packages:
	scripts/install_system_packages.sh runtime

system-packages-test:
	scripts/install_system_packages.sh test

clean:
	rm -rf $(VENV) var db.sqlite3 db.sqlite3-wal db.sqlite3-shm

# The benchmark: a throwaway PostgreSQL, every measured figure, a table and JSON lines.
bench: $(VENV)/.test-installed system-packages-test
	scripts/with_postgres.sh $(PY) bench/run.py
