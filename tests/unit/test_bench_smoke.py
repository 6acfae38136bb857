"""The benches' small mode on the test's engine: correctness only, never a timing (bench/ measures those).

- bench/uploads.py with 4 units: on PostgreSQL the 4 batches run at once in 4 processes, on
  DuckDB one after the other in this process; every unit's values are its second upload's
  afterwards, and the check itself sees a unit whose values are not.
- bench/scale_pg.py: a tiny synthetic DuckDB database copied into PostgreSQL holds the same rows,
  and the comparison page reads the same rows from both.
"""

from __future__ import annotations

import sys

import duckdb
import pytest

from museum import settings

sys.path.insert(0, str(settings.ROOT / "bench"))

import uploads  # noqa: E402


def records_from(rows, first: int) -> int:
    """How many rows of a record table (every row, read by table name) belong to the synthetic units."""
    return int((rows["institution_id"] >= first).sum())

def test_uploads_at_once_leave_every_unit_exactly_right(empty_db_path, engine):
    ids = uploads.prepare(empty_db_path, 4)
    wrong_before = uploads.verify(empty_db_path, ids)  # still the first upload's values: the check must say so
    assert [line.split(":")[0] for line in wrong_before] == [f"unit {n}" for n in range(4) for _ in range(2)]
    assert "0 of 120 right" in wrong_before[0] and "0 retired values" in wrong_before[1]
    if engine == "postgresql":
        wall, rows = uploads.concurrent(empty_db_path, ids)
    else:
        wall, rows = uploads.sequential(empty_db_path, ids)
    assert sorted(r[0] for r in rows) == [0, 1, 2, 3]
    assert {r[1] for r in rows} == {"committed"}, rows
    assert uploads.verify(empty_db_path, ids) == []
    result = uploads.summary(engine, "smoke", wall, rows, [])
    assert result["committed"] == 4 and result["p50"] <= result["p95"]


def test_scale_copy_holds_the_same_rows(tmp_path, empty_db_path, engine):
    if engine != "postgresql":
        pytest.skip("copies a DuckDB build into PostgreSQL: needs --engine postgresql")
    import scale_build
    import scale_pg
    from scale import compare_page

    from museum.store import db

    duck_path = tmp_path / "scale.duckdb"
    built = scale_build.build(duck_path, institutions=3, years=1, metrics=20, progress=lambda _: None)
    first = built["first_institution"]
    scale_pg.load(duck_path, empty_db_path, tmp_path / "load", first=first, last=first + 2, metrics=20,
                  progress=lambda _: None)
    totals = "select count(*), sum(value), count(retired_by_batch) from observation where institution_id >= $first"
    with duckdb.connect(str(duck_path), read_only=True) as duck:
        expected = duck.execute(totals.replace("$first", "?"), [first]).fetchall()[0]
        expected_records = {table: records_from(duck.table(table).df(), first) for table in scale_build.RECORDS}
    with db.session(empty_db_path, read_only=True) as con:
        got = con.execute(totals, {"first": first}).fetchone()
        got_records = {table: records_from(con.table(table).df(), first) for table in scale_build.RECORDS}
        units = [(first + k, f"{scale_build.NAME_PREFIX}{k + 1:04d}") for k in range(3)]
        pg_rows = compare_page(con, units, scale_build.FIRST_YEAR)
    assert got[0] == expected[0] > 0 and got[1] == pytest.approx(expected[1]) and got[2] == expected[2] > 0
    assert got_records == expected_records
    with db.session(duck_path, read_only=True) as con:
        assert compare_page(con, units, scale_build.FIRST_YEAR) == pg_rows > 0
