"""Database access: connect (waiting for a busy file), migrate, and run named queries.

Every SQL statement the project runs lives in `queries/NAME.sql` and is run by name with bound
`$parameters`; nothing here builds SQL from values.
"""

from __future__ import annotations

import re
import threading
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import duckdb
import pandas as pd

from museum import settings
from museum.errors import DatabaseBusy, DatabaseError

QUERIES_DIR = settings.ROOT / "queries"
MIGRATIONS_DIR = QUERIES_DIR / "migrations"

# Extension downloads stall and fail offline (DESIGN §6); nothing here needs one.
_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<holder>.+?)(?:\. See also|$)")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def connect(path: str | Path | None = None, *, wait_seconds: float | None = None) -> duckdb.DuckDBPyConnection:
    """Open the database, retrying while another process holds its lock, then raise DatabaseBusy."""
    db_file = settings.db_path(path)
    db_file.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + (settings.db_wait_seconds() if wait_seconds is None else wait_seconds)
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(db_file), config=_CONFIG)
        except duckdb.IOException as exc:
            match = _LOCK_HOLDER.search(str(exc))
            if not match:
                raise DatabaseError("db.open_failed", path=str(db_file), detail=str(exc)) from exc
            if time.monotonic() >= deadline:
                raise DatabaseBusy("db.busy", path=str(db_file), holder=match["holder"]) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


@contextmanager
def session(path: str | Path | None = None, *, wait_seconds: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection that is closed (releasing the file lock) when the block ends."""
    con = connect(path, wait_seconds=wait_seconds)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All statements in the block commit together or not at all."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def query_names() -> list[str]:
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


@lru_cache(maxsize=None)
def load_query(name: str) -> str:
    """The text of `queries/NAME.sql`; an unknown name fails loudly."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise DatabaseError("db.unknown_query", name=name)
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise DatabaseError("db.unknown_query", name=name)
    return path.read_text(encoding="utf-8")


def parameters_of(sql: str) -> set[str]:
    return set(_PARAM.findall(sql))


def _bind(name: str, sql: str, params: dict) -> dict:
    wanted = parameters_of(sql)
    missing = wanted - params.keys()
    if missing:
        raise DatabaseError("db.missing_parameter", name=name, parameters=", ".join(sorted(missing)))
    return {key: params[key] for key in wanted}


@contextmanager
def _guarded(con: duckdb.DuckDBPyConnection, query_name: str) -> Iterator[None]:
    """Interrupt the statement after the time limit; turn DuckDB errors into the project's own."""
    timer = threading.Timer(settings.query_timeout_seconds(), con.interrupt)
    timer.start()
    try:
        yield
    except duckdb.InterruptException as exc:
        raise DatabaseError("db.query_timeout", name=query_name, seconds=settings.query_timeout_seconds()) from exc
    except duckdb.Error as exc:
        raise DatabaseError("db.query_failed", name=query_name, detail=str(exc).splitlines()[0]) from exc
    finally:
        timer.cancel()


def _run(con: duckdb.DuckDBPyConnection, query_name: str, params: dict):
    sql = load_query(query_name)
    bound = _bind(query_name, sql, params)
    with _guarded(con, query_name):
        return con.execute(sql, bound)


def query(con: duckdb.DuckDBPyConnection, query_name: str, **params) -> pd.DataFrame:
    """Run the named query with bound parameters and return its rows as a DataFrame."""
    return _run(con, query_name, params).df()


def arrow(con: duckdb.DuckDBPyConnection, query_name: str, **params):
    """The named query's rows as a pyarrow Table (large results that need no Python objects).

    Runs through the relation API: DuckDB 2 copies every row once more for Arrow output of an
    executed statement.
    """
    sql = load_query(query_name)
    bound = _bind(query_name, sql, params)
    with _guarded(con, query_name):
        return con.sql(sql, params=bound).to_arrow_table()


def rows(con: duckdb.DuckDBPyConnection, query_name: str, **params) -> list[tuple]:
    return _run(con, query_name, params).fetchall()


def scalar(con: duckdb.DuckDBPyConnection, query_name: str, **params):
    # fetchall, not fetchone: DuckDB 2 refuses further work on a connection whose result is unfinished
    found = _run(con, query_name, params).fetchall()
    return found[0][0] if found else None


def execute(con: duckdb.DuckDBPyConnection, query_name: str, **params) -> None:
    _run(con, query_name, params)


def executemany(con: duckdb.DuckDBPyConnection, query_name: str, records: list[dict]) -> None:
    """Run a named statement once per record (inside the caller's transaction)."""
    if not records:
        return
    sql = load_query(query_name)
    wanted = sorted(parameters_of(sql))
    try:
        con.executemany(sql, [{key: record[key] for key in wanted} for record in records])
    except duckdb.Error as exc:
        raise DatabaseError("db.query_failed", name=query_name, detail=str(exc).splitlines()[0]) from exc


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, frame, name: str = "frame") -> Iterator[None]:
    """Make a DataFrame or Arrow table visible to named queries as the relation `name` for a block."""
    con.register(name, frame)
    try:
        yield
    finally:
        try:
            con.unregister(name)
        except duckdb.TransactionException:
            # a failed statement aborted the caller's transaction and DuckDB refuses any further
            # call until it is rolled back; the error that aborted it is the one to report
            pass


def insert_frame(con: duckdb.DuckDBPyConnection, query_name: str, frame) -> None:
    """Run a named `insert … select … from frame` statement over a DataFrame or Arrow table (bulk loads)."""
    with registered(con, frame):
        _run(con, query_name, {})


def migrations() -> list[tuple[int, str, Path]]:
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        match = re.fullmatch(r"(\d{4})_([a-z0-9_]+)\.sql", path.name)
        if not match:
            raise DatabaseError("db.bad_migration_name", name=path.name)
        found.append((int(match[1]), match[2], path))
    return found


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every migration not yet recorded, in order, each in its own transaction."""
    execute(con, "schema_migrations_create")
    applied = {row[0] for row in rows(con, "schema_migrations_applied")}
    done = []
    for version, name, path in migrations():
        if version in applied:
            continue
        with transaction(con):
            con.execute(path.read_text(encoding="utf-8"))
            execute(con, "schema_migrations_record", version=version, name=name)
        done.append(path.name)
    return done
