# Two commands do all the set-up on a fresh Debian machine:
#   make run   install what is missing, build the database, start the dashboard on 127.0.0.1
#   make test  install what is missing, run the whole suite (unit, app, e2e) on DuckDB, then on
#              PostgreSQL in a private cluster that scripts/test.sh starts and always stops
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt scripts/install-system-deps.sh | sha256sum | cut -c1-12)
PORT   ?= 8501

.PHONY: run test test-pg install db demo bench clean

install: $(STAMP)

$(STAMP): requirements.txt scripts/install-system-deps.sh
	./scripts/install-system-deps.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

db: $(STAMP)
	$(BIN)/python -m museum init

# `streamlit run dashboard.py`, with the imports and the database (museum.seed.init, idempotent)
# prepared while the server starts (ui/serve.py)
run: $(STAMP)
	$(BIN)/python -m ui.serve --server.address 127.0.0.1 --server.port $(PORT)

test: $(STAMP)
	PYTHON=$(BIN)/python ./scripts/test.sh

# Only the PostgreSQL half of `make test` (issue 25): one private cluster per run, started and
# stopped by the tests themselves through scripts/pg.sh.
test-pg: $(STAMP)
	$(BIN)/python -m pytest --engine postgresql -m "not e2e"

demo: db
	$(BIN)/python -m museum demo

bench: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/export.py

clean:
	rm -f data/museum.duckdb data/museum.duckdb.wal
