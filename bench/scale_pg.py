"""The synthetic database of bench/scale_build.py, copied into PostgreSQL: the same rows, loaded with COPY.

DuckDB writes each table's synthetic rows to a CSV file (COPY … TO), and PostgreSQL reads it with
COPY … FROM STDIN, streamed in 1 MB blocks (no Python loop over rows). The PostgreSQL database
gets its schema, catalog and embedded report from seed.init and the bench's catalog from
metrics.sync, exactly as scale_build does on DuckDB, so both engines hold the same rows under
the same ids. The exclusion constraint that keeps one current value per key (migration 0019) is
dropped for the load and added back after it (one index build instead of 23 million index
inserts; adding it back checks every row, so a duplicate would fail the load). Sequences are set
past the copied ids; every table is analysed.

Used by bench/scale.py --engine postgresql|both.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

import scale_build

BLOCK = 1 << 20
# (table, DuckDB filter of the synthetic rows); in this order (batches before the rows that name them)
# each table's synthetic rows: its filter, with bound parameters ($first, $last: the units copied; $user)
UNITS = "institution_id between $first and $last"
TABLES = [("institution", UNITS), ("batch", "user_name = $user"), ("observation", UNITS),
          *[(table, UNITS) for table in scale_build.RECORDS]]


def _columns(duck, table: str) -> list[str]:
    return [row[0] for row in duck.execute("select column_name from information_schema.columns where table_name = ? "
                                           "order by ordinal_position", [table]).fetchall()]


def _exclusion_constraints(raw) -> list[tuple[str, str, str]]:
    """(table, name, definition) of the observation table's exclusion constraints."""
    return raw.execute("select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint "
                       "where contype = 'x' and conrelid = 'observation'::regclass").fetchall()


def load(duck_path: Path, url: str, work: Path, *, first: int, last: int, metrics: int, progress=print) -> dict:
    """Copy the synthetic rows of the DuckDB file at `duck_path` into the (new, empty) database at `url`."""
    import psycopg
    from psycopg import sql

    from museum import seed
    from museum.store import db, metrics as metric_table

    timings: dict[str, float] = {}
    started = time.perf_counter()
    with db.session(url) as con:
        seed.init(con)
        with db.transaction(con):
            metric_table.sync(con, scale_build.bench_catalog(metrics))
    timings["schema"] = time.perf_counter() - started

    work.mkdir(parents=True, exist_ok=True)
    phase = time.perf_counter()
    files = {}
    duck = duckdb.connect(str(duck_path), read_only=True)
    try:
        for table, where in TABLES:
            columns = _columns(duck, table)
            file = work / f"{table}.csv"
            params = {"user": scale_build.USER} if "$user" in where else {"first": first, "last": last}
            # a table's and its columns' names (from the schema) and the file's path cannot be bound
            duck.execute(f"copy (select {', '.join(columns)} from {table} where {where}) to '{file}' (format csv, header false)",
                         params)
            files[table] = (file, columns)
    finally:
        duck.close()
    timings["duckdb_csv_export"] = time.perf_counter() - phase
    progress(f"  CSV written by DuckDB in {timings['duckdb_csv_export']:.1f} s "
             f"({sum(f.stat().st_size for f, _ in files.values()) / 1048576:,.0f} MB)")

    with psycopg.connect(url, autocommit=True) as raw:
        constraints = _exclusion_constraints(raw)
        for table, name, _ in constraints:
            raw.execute(sql.SQL("alter table {} drop constraint {}").format(sql.Identifier(table), sql.Identifier(name)))
        for table, (file, columns) in files.items():
            phase = time.perf_counter()
            statement = sql.SQL("copy {} ({}) from stdin with (format csv)").format(
                sql.Identifier(table), sql.SQL(", ").join(sql.Identifier(c) for c in columns))
            with raw.cursor() as cursor, cursor.copy(statement) as copy, file.open("rb") as source:
                while block := source.read(BLOCK):
                    copy.write(block)
            timings[f"copy {table}"] = time.perf_counter() - phase
            file.unlink()
        progress(f"  COPY into PostgreSQL: observation {timings['copy observation']:.1f} s, the rest "
                 f"{sum(v for k, v in timings.items() if k.startswith('copy ') and k != 'copy observation'):.1f} s")
        phase = time.perf_counter()
        for table, name, definition in constraints:
            raw.execute(sql.SQL("alter table {} add constraint {} " + definition.replace("{", "{{").replace("}", "}}"))
                        .format(sql.Identifier(table), sql.Identifier(name)))
        timings["exclusion_constraint"] = time.perf_counter() - phase
        phase = time.perf_counter()
        sequences = raw.execute(
            "select table_name, column_name, substring(column_default from 'nextval\\(''([^'']+)''') from information_schema.columns "
            "where table_schema = 'public' and column_default like 'nextval(%'").fetchall()
        for table, column, sequence in sequences:
            if table in files and sequence:
                raw.execute(sql.SQL("select setval({}, greatest((select max({}) from {}), 1))").format(
                    sql.Literal(sequence), sql.Identifier(column), sql.Identifier(table)))
        raw.execute("analyze")
        timings["sequences_analyze"] = time.perf_counter() - phase
        size = raw.execute("select pg_database_size(current_database())").fetchone()[0]
    # the comparison's materialized view (migration 0020) holds the copied rows, as after a batch
    from museum.store import views

    phase = time.perf_counter()
    views.refresh(url)
    timings["compare_view_refresh"] = time.perf_counter() - phase
    timings["total"] = time.perf_counter() - started
    return {"timings": timings, "bytes": size}
