"""Every named query that returns rows declares its columns (`-- columns: a, b` in its file), and
returns exactly those, in that order: a renamed or dropped column fails here, not in a page."""

import re

import pytest

from museum.store import db
from tests.unit.test_database import DUCKDB_ONLY, parquet_file, run_named, shared_con  # noqa: F401 (fixtures)

COLUMNS = re.compile(r"^-- columns: (.+)$", re.M)


def declared(name: str) -> list[str] | None:
    found = COLUMNS.search(db.load_query(name))
    return None if found is None else [c.strip() for c in found.group(1).split(",")]


def body(name: str) -> str:
    return re.sub(r"--[^\n]*", "", db.load_query(name)).strip().lower()


@pytest.mark.parametrize("name", db.query_names())
def test_a_query_returns_the_columns_it_declares(shared_con, parquet_file, name):
    if db.engine_of(shared_con) == "postgresql" and name in DUCKDB_ONLY:
        pytest.skip("the DuckDB file backup's own query")
    returned = run_named(shared_con, name, parquet_file)
    if body(name).startswith(("select", "with")) or re.search(r"\breturning\b", body(name)):
        assert declared(name) == returned, f"queries/{name}.sql: declare `-- columns: {', '.join(returned)}`"
    else:
        assert declared(name) is None, f"queries/{name}.sql returns no rows; remove its columns line"


def test_every_reading_query_declares_its_columns():
    undeclared = [n for n in db.query_names() if body(n).startswith(("select", "with")) and declared(n) is None]
    assert undeclared == []
