#!/usr/bin/env bash
# The whole suite on both store engines (issue 25), what `make test` and so CI (`.ci/run`) run:
#   1. DuckDB, as always: unit, app and e2e (`pytest`);
#   2. PostgreSQL: a private cluster started here by scripts/pg.sh (as `postgres` when run as
#      root, on a unix socket only, fsync off), the whole suite (e2e included) run against it
#      (`--engine postgresql`) as the app's role museum_writer,
#      and the cluster stopped by the EXIT trap — also when the tests fail or the run is
#      interrupted — so no server outlives the run.
# MUSEUM_TEST_PG_MARKERS is the PostgreSQL run's marker expression (default "": everything; the
# e2e layer costs the same on both engines, docs/notes/postgresql.md has the measured times; "not e2e"
# skips it). Both runs always run; the exit status is the DuckDB run's failure, else the
# PostgreSQL run's.
set -uo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}

"$python" -m pytest "$@"
duckdb_status=$?

dir=$(mktemp -d /tmp/museum-test-pg-XXXXXX)
stop_cluster() { scripts/pg.sh stop "$dir" >/dev/null 2>&1; rm -rf "$dir"; }
trap stop_cluster EXIT
trap 'exit 130' INT TERM  # the EXIT trap still runs
MUSEUM_PG_FSYNC=off scripts/pg.sh start "$dir" >/dev/null || exit 1
# the tests' databases are built by the admin step (`museum db roles`) and used as museum_writer, the
# app's role (MUSEUM_TEST_PG_ROLE=writer, tests/conftest.py): every write path must name its unit for
# row-level security, and nothing of the app runs as the tables' owner
MUSEUM_TEST_PG_ROLE=${MUSEUM_TEST_PG_ROLE-writer} MUSEUM_TEST_PG_DIR=$dir \
    "$python" -m pytest --engine postgresql -m "${MUSEUM_TEST_PG_MARKERS-}" "$@"
pg_status=$?

if [ "$duckdb_status" -ne 0 ]; then exit "$duckdb_status"; fi
exit "$pg_status"
