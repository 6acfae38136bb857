"""Database access: connect (waiting for a busy file), transactions, and run named queries (the migrations
are museum.store.migrations, the tests' fault points museum.store.faults).

Every SQL statement the project runs lives in `queries/NAME.sql` and is run by name with bound
`$parameters`; nothing here builds SQL from values.

Connections come from museum.store.pool: one DuckDB instance per file per process, a cursor per
caller, so that any number of threads may open the database at once. `connect`/`session` open it
for writing (holding the write lock, `<db>.lock`, while open); `reading`/`read` are the shared
read path of the dashboard (read-only, kept open for a moment between reads, handed over at once
to a writer of another process). DuckDB's and the system's failures become DatabaseError /
DatabaseBusy with a message in the user's language (museum.store.errors).

A `postgresql://` URL in place of the path selects the PostgreSQL store (museum.store.pg): the
same functions take and return its connections, so no caller knows which engine it talks to.
"""

from __future__ import annotations

import os
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
from museum.store import dialect, faults, files as db_files, pg, pool as db_pool, views
from museum.store.errors import database_error
from museum.errors import DatabaseBusy, DatabaseError

QUERIES_DIR = settings.ROOT / "queries"
MIGRATIONS_DIR = QUERIES_DIR / "migrations"

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

Connection = db_pool.Connection
# what a statement of either engine raises before it becomes the project's own error
ENGINE_ERRORS = (duckdb.Error, pg.Error)
# the PostgreSQL migration that brings the data version (after it, every migration's tables are tracked)
PG_DATA_VERSION_SINCE = 19
# the PostgreSQL migration that brings row-level security (after it, every migration's unit tables get it)
PG_ROW_SECURITY_SINCE = 21


def _deadline(wait_seconds: float | None) -> float:
    return time.monotonic() + (settings.db_wait_seconds() if wait_seconds is None else wait_seconds)


def connect(path: str | Path | None = None, *, wait_seconds: float | None = None, read_only: bool = False) -> Connection:
    """Open the database (for writing unless `read_only`), waiting up to `wait_seconds` while
    another process holds it, then DatabaseBusy. The caller closes the connection.

    Refuses (DatabaseError) to create a new database where an interrupted restore left its traces.
    """
    db_file = settings.db_path(path).absolute()
    if isinstance(db_file, settings.DatabaseUrl):
        return pg.connect(db_file, read_only=read_only, wait_seconds=wait_seconds)
    return db_pool.entry(db_file).acquire(not read_only, _deadline(wait_seconds), linger=False)


@contextmanager
def session(path: str | Path | None = None, *, wait_seconds: float | None = None, read_only: bool = False) -> Iterator[Connection]:
    """A connection that is closed (releasing the file lock) when the block ends."""
    con = connect(path, wait_seconds=wait_seconds, read_only=read_only)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def reading(path: str | Path | None = None, *, wait_seconds: float | None = None) -> Iterator[Connection]:
    """A read-only connection from the process's shared read path (the dashboard's cache misses).

    Any number of threads may read at once; the instance stays open for
    MUSEUM_DB_READER_IDLE_SECONDS after the last read, and closes sooner when a writer of
    another process is waiting. Writing through it fails with db.read_only.
    """
    db_file = settings.db_path(path).absolute()
    if isinstance(db_file, settings.DatabaseUrl):
        # a connection per read for now; the server keeps no pool yet (docs/notes/postgresql.md). As the
        # read-only role (MUSEUM_DB_READER) when one is configured
        con = pg.connect(settings.db_reader_url(db_file), read_only=True, wait_seconds=wait_seconds)
    else:
        con = db_pool.entry(db_file).acquire(False, _deadline(wait_seconds), linger=True)
    try:
        yield con
    finally:
        con.close()


def read(path: str | Path | None, query_name: str, **params) -> pd.DataFrame:
    """A named query's rows through the shared read path (see `reading`)."""
    with reading(path) as con:
        return query(con, query_name, **params)


@contextmanager
def exclusive(path: str | Path | None = None, *, wait_seconds: float | None = None) -> Iterator[Path]:
    """Hold the database's write lock for the block: no other writer or reader (of this process or
    another that goes through this module) opens it meanwhile; connections this thread opens
    inside the block work as usual. A restore holds it from its first check to its last rename."""
    db_file = settings.db_path(path).absolute()
    if isinstance(db_file, settings.DatabaseUrl):
        # PostgreSQL's own locks serialise writers; a restore there swaps databases by name (museum.backup.pg)
        yield db_file
        return
    with db_pool.entry(db_file).exclusive(_deadline(wait_seconds)):
        yield db_file


@contextmanager
def serialised(con, name: str) -> Iterator[None]:
    """Processes sharing one database take turns at the block named `name`: on PostgreSQL a
    session-level advisory lock, taken before the block's transactions begin (a repeatable-read
    transaction begun before the wait would not see what the previous holder committed) and held
    until the block ends; a wait past MUSEUM_DB_WAIT_SECONDS raises DatabaseBusy. On DuckDB nothing
    to do: one process has the file open for writing at a time."""
    if not pg.is_pg(con):
        yield
        return
    scalar(con, "advisory_lock", name=name)
    try:
        yield
    finally:
        try:
            scalar(con, "advisory_unlock", name=name)
        except DatabaseError:
            pass  # the connection is gone (and the lock with it), or the block's own error is the one to report


def serve(path: str | Path | None = None, *, wait_seconds: float | None = None) -> None:
    """Mark this process as the dashboard serving the database until it exits; `restore` refuses
    while any server is marked. Call once at start-up (idempotent). DatabaseBusy while a restore runs."""
    db_file = settings.db_path(path).absolute()
    if isinstance(db_file, settings.DatabaseUrl):
        return  # no file to guard: the server is PostgreSQL's
    db_files.private_dir(db_file.parent)
    try:
        served = db_files.serve(db_file, _deadline(wait_seconds))
    except OSError as exc:
        raise database_error(exc, db_file) from exc
    if not served:
        raise DatabaseBusy("db.restoring", path=str(db_file))


def data_version(path: str | Path | None = None) -> tuple:
    """What changes whenever the data may have: the database file's and its WAL's identity, size
    and modification time (a restore swaps in a new file, so the inode is part of it)."""
    db_file = settings.db_path(path).absolute()
    if isinstance(db_file, settings.DatabaseUrl):
        return (pg.data_version(settings.db_reader_url(db_file), lambda con: scalar(con, "data_version")),)
    stamps = []
    for candidate in (db_file, db_files.wal_path(db_file)):
        try:
            info = os.stat(candidate)
            stamps.append((info.st_ino, info.st_size, info.st_mtime_ns))
        except FileNotFoundError:
            stamps.append(None)
    return tuple(stamps)


def _path_of(con) -> Path | None:
    return con.path if isinstance(con, Connection) else None


def _failure(con, exc: BaseException, query_name: str | None = None) -> DatabaseError:
    if pg.is_pg(con):
        return pg.database_error(exc, con.path, query=query_name)
    db_pool.fatal(con, exc)
    return database_error(exc, _path_of(con) or Path("?"), query=query_name)


def set_institution(con, institution: int | None) -> None:
    """The unit whose rows the rest of the current transaction writes (PostgreSQL: the setting
    `museum.institution`, local to the transaction, that migration 0021's row-level security checks
    for the writer role; DuckDB: nothing). A transaction that writes several units' rows calls it
    again before each unit's writes."""
    if institution is None or not pg.is_pg(con):
        return
    scalar(con, "institution_set", institution=str(int(institution)))


@contextmanager
def transaction(con, *, institution: int | None = None) -> Iterator:
    """All statements in the block commit together or not at all.

    `institution`: the unit whose rows the block writes (see `set_institution`); on PostgreSQL, as
    the writer role, a write of unit data without it is refused by the database (migration 0021).

    A commit that fails (full disk, file-size limit, read-only directory) raises DatabaseError and
    leaves the database as it was."""
    # PostgreSQL at repeatable read: DuckDB's snapshot isolation, so that two transactions that
    # change the same rows behave alike on both (the second fails at its write and is retried or
    # told), instead of read committed's second writer silently building on the first's result
    begin = "begin transaction isolation level repeatable read" if pg.is_pg(con) else "begin transaction"
    try:
        con.execute(begin)
    except ENGINE_ERRORS as exc:
        raise _failure(con, exc) from exc
    try:
        set_institution(con, institution)
        yield con
        wrote = pg.is_pg(con) and con.write and scalar(con, "transaction_wrote")
        faults.at_commit("commit")
    except BaseException:
        try:
            con.execute("rollback")
        except ENGINE_ERRORS:
            pass  # the failure that aborted the transaction is the one to report
        raise
    try:
        con.execute("commit")
    except ENGINE_ERRORS as exc:
        try:
            con.execute("rollback")
        except ENGINE_ERRORS:
            pass  # DuckDB usually ends a failed commit itself
        raise _failure(con, exc) from exc
    path = _path_of(con)
    if path is not None:
        db_files.make_private(db_files.wal_path(path))  # DuckDB creates its WAL with the umask's mode
    if wrote:
        # a new data version after the commit, so that no process keeps a cache made from the rows
        # before it (migration 0019). Never an error once committed: the caller's change stands,
        # and the trigger already drew a version inside the transaction (before 0019 there is
        # nothing to draw from)
        try:
            scalar(con, "data_version_bump")
        except DatabaseError:
            pass
        views.after_commit(con)  # the comparison's materialized view, refreshed in the background (0020)
    faults.at_commit("committed")


def query_names() -> list[str]:
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


@lru_cache(maxsize=None)
def load_query(name: str, engine: str = "duckdb") -> str:
    """The text of `queries/NAME.sql` (for `engine="postgresql"`: its PostgreSQL text, see
    museum.store.dialect); an unknown name fails loudly."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise DatabaseError("db.unknown_query", name=name)
    path = QUERIES_DIR / f"{name}.sql"
    if engine == "postgresql":
        own = dialect.PG_QUERIES_DIR / f"{name}.sql"
        if own.is_file():  # a PostgreSQL-only query (the data-version row) has no DuckDB twin
            return own.read_text(encoding="utf-8")
    if not path.is_file():
        raise DatabaseError("db.unknown_query", name=name)
    text = path.read_text(encoding="utf-8")
    return dialect.query_text(name, text) if engine == "postgresql" else text


def engine_of(con) -> str:
    return "postgresql" if pg.is_pg(con) else "duckdb"


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
    if pg.is_pg(con):  # the server applies the time limit itself (statement_timeout)
        try:
            yield
        except pg.Error as exc:
            raise _failure(con, exc, query_name) from exc
        return
    # not a daemon: a cancelled timer ends at once, and one still alive at exit would keep a
    # DuckDB connection referenced while the interpreter shuts down
    timer = threading.Timer(settings.query_timeout_seconds(), con.interrupt)
    timer.start()
    try:
        yield
    except duckdb.InterruptException as exc:
        raise DatabaseError("db.query_timeout", name=query_name, seconds=settings.query_timeout_seconds()) from exc
    except duckdb.Error as exc:
        raise _failure(con, exc, query_name) from exc
    finally:
        timer.cancel()


def _run(con: duckdb.DuckDBPyConnection, query_name: str, params: dict):
    faults.fault_point(f"query.{query_name}")
    sql = load_query(query_name, engine_of(con))
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
    if pg.is_pg(con):
        return _run(con, query_name, params).to_arrow_table()
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
    faults.fault_point(f"query.{query_name}")
    sql = load_query(query_name, engine_of(con))
    bound = [_bind(query_name, sql, record) for record in records]
    with _guarded(con, query_name):  # the same time limit and errors as one statement
        con.executemany(sql, bound)


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, frame, name: str = "frame") -> Iterator[None]:
    """Make a DataFrame or Arrow table visible to named queries as the relation `name` for a block."""
    con.register(name, frame)
    try:
        yield
    finally:
        try:
            con.unregister(name)
        except (duckdb.TransactionException, pg.Error):
            # a failed statement aborted the caller's transaction and DuckDB refuses any further
            # call until it is rolled back; the error that aborted it is the one to report
            pass


def insert_frame(con: duckdb.DuckDBPyConnection, query_name: str, frame) -> None:
    """Run a named `insert … select … from frame` statement over a DataFrame or Arrow table (bulk loads)."""
    with registered(con, frame):
        _run(con, query_name, {})
