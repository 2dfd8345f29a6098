# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make run   – install, migrate, load demo data if the database is new, serve on 127.0.0.1:$(PORT)
#                with the background worker (stimulans worker) beside the server
#   make test  – install, lint, then run the whole test suite (DATABASE_URL chooses the database)
#   make test-fast – the suite without the slow and browser tests, for quick feedback
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
# The suite runs in this many processes (pytest-xdist; `auto` = one per core, 0 = one process).
# Each process gets whole test modules and classes (loadscope), so a class's setUpTestData
# runs once.
TEST_PROCESSES ?= auto
PYTEST_PARALLEL := -n $(TEST_PROCESSES) --dist loadscope

.PHONY: run test test-fast install lint messages clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/stimulans init
	$(BIN)/stimulans demo --if-new
	@# The worker runs beside the server and stops with it; the address is printed only once
	@# the server answers (the health check).
	@$(BIN)/stimulans worker & worker=$$!; \
	$(BIN)/stimulans runserver 127.0.0.1:$(PORT) & pid=$$!; \
	trap 'kill $$worker $$pid 2>/dev/null' EXIT INT TERM; \
	until $(BIN)/python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$(PORT)/healthz/')" 2>/dev/null; do \
		kill -0 $$pid 2>/dev/null || exit 1; sleep 0.3; \
	done; \
	echo "Stimulans körs på http://127.0.0.1:$(PORT)/ (bakgrundsjobben i stimulans worker)"; \
	wait $$pid

test: lint
	$(BIN)/pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

test-fast: install
	$(BIN)/pytest $(PYTEST_PARALLEL) -m "not slow and not browser" $(PYTEST_ARGS)

# The same checks as .pre-commit-config.yaml. makemigrations compares the models with the
# migrations only, so it runs on an in-memory database (no db.sqlite3 is created). mypy checks
# the files named in pyproject.toml's [tool.mypy] (stimulans/lib strictly).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DATABASE_URL=sqlite://:memory: $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/mypy

messages: install
	cd stimulans && ../$(BIN)/django-admin makemessages -l en --ignore "*/tests/*" && ../$(BIN)/django-admin compilemessages

clean:
	rm -rf $(VENV) staticfiles
