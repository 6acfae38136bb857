"""Every named query that returns rows declares its columns (`-- columns: a, b` in its file), and
returns exactly those, in that order: a renamed or dropped column fails here, not in a page."""

import re
import shutil

import pytest

from museum import batches, db
from tests.unit.test_database import OVERRIDES, PARAMS

COLUMNS = re.compile(r"^-- columns: (.+)$", re.M)


def declared(name: str) -> list[str] | None:
    found = COLUMNS.search(db.load_query(name))
    return None if found is None else [c.strip() for c in found.group(1).split(",")]


def body(name: str) -> str:
    return re.sub(r"--[^\n]*", "", db.load_query(name)).strip().lower()


@pytest.fixture(scope="module")
def shared_con(tmp_path_factory, seeded_template):
    path = tmp_path_factory.mktemp("columns") / "q.duckdb"
    shutil.copyfile(seeded_template, path)
    with db.session(path) as connection:
        frame = batches.observation_frame([{"metric_id": "posts", "year": 2024, "month": None, "value": 1.0,
                                            "qualifier": "exact", "note": None, "sentence": None}])
        connection.register("frame", frame.assign(row=2, sha256="0" * 64, size=1, content=b"x"))
        yield connection


@pytest.fixture(scope="module")
def parquet_file(tmp_path_factory):
    import duckdb

    path = tmp_path_factory.mktemp("parquet") / "metric.parquet"
    duckdb.connect().execute(f"copy (select 'posts' as metric_id) to '{path}' (format parquet)")
    return path


@pytest.mark.parametrize("name", db.query_names())
def test_a_query_returns_the_columns_it_declares(shared_con, parquet_file, name):
    sql = db.load_query(name)
    params = {**PARAMS, "path": str(parquet_file), **OVERRIDES.get(name, {})}
    shared_con.execute("begin transaction")
    try:
        cursor = shared_con.execute(sql, {k: params[k] for k in db.parameters_of(sql)})
        returned = [d[0] for d in cursor.description or []]
    finally:
        shared_con.execute("rollback")
    if body(name).startswith(("select", "with")) or re.search(r"\breturning\b", body(name)):
        assert declared(name) == returned, f"queries/{name}.sql: declare `-- columns: {', '.join(returned)}`"
    else:
        assert declared(name) is None, f"queries/{name}.sql returns no rows; remove its columns line"


def test_every_reading_query_declares_its_columns():
    undeclared = [n for n in db.query_names() if body(n).startswith(("select", "with")) and declared(n) is None]
    assert undeclared == []
