"""The PostgreSQL store (issue 25): a connection that answers what museum.store.db asks of DuckDB's.

`MUSEUM_DB=postgresql://…` (or `--db postgresql://…`) selects it; museum.store.db then hands
callers a PgConnection where it would hand a DuckDB cursor, and every caller stays as it is:

- a named query's `$name` parameters become psycopg's `%(name)s` once per query text, and are
  bound on the client (psycopg's ClientCursor): a value then reaches the server as a literal whose
  type the statement decides, as DuckDB decides it. Bound on the server, `$year is null or year =
  $year` with None fails ("could not determine data type of parameter"), and the queries use
  that form for every optional filter;
- the SQL is the query's PostgreSQL file where one exists (queries/postgresql/NAME.sql), else the
  DuckDB text through museum.store.dialect — callers never see the difference;
- `register(name, frame)` (DuckDB scans a DataFrame in place) becomes a temporary table of that
  name filled with COPY, dropped by `unregister`; inside a transaction it goes with it;
- results come back as DuckDB returns them: `.df()` with the same column types (int32 or
  nullable Int32, float64 for sums, datetime64 for dates), `.fetchall()` as tuples.

The connection runs in autocommit: museum.store.db's `transaction` sends BEGIN / COMMIT itself,
as it does to DuckDB. A read-only connection sets `default_transaction_read_only`, so a write
through it fails as DuckDB's read-only file does (db.read_only). Statements are limited by the
server (`statement_timeout`), not by a timer thread.
"""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache
from typing import Iterator
from urllib.parse import urlsplit, urlunsplit

import numpy as np
import pandas as pd
import psycopg
from psycopg import pq, sql

from museum import settings
from museum.errors import DatabaseBusy, DatabaseError

Error = psycopg.Error

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@lru_cache(maxsize=1024)
def translate(text: str) -> tuple[str, tuple[str, ...]]:
    """(`text` with `$name` as `%(name)s` and every other `%` doubled, the names it uses)."""
    names = tuple(dict.fromkeys(_PARAM.findall(text)))
    return _PARAM.sub(r"%(\1)s", text.replace("%", "%%")), names


def redacted(url: str) -> str:
    """The URL without its password: it goes into messages and logs."""
    parts = urlsplit(str(url))
    if parts.password is None:
        return str(url)
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


# --- errors -------------------------------------------------------------------------------------

_READ_ONLY = ("25006",)                         # read-only transaction
_NOT_PERMITTED = "42501"                        # insufficient privilege, or a row-level security check
_INSTITUTION_UNSET = "MU001"                    # migration 0021's museum_institution(): none named
# lock wait past MUSEUM_DB_WAIT_SECONDS, too many connections, starting up. A serialization
# failure (40001) is not "busy": it is DuckDB's write-write conflict, a failed query whose caller
# decides (ingest then finds the other commit's batch and says so).
_BUSY = ("55P03", "53300", "57P03")
_TIMEOUT = ("57014",)                           # statement_timeout or a cancel
_DISK = ("53100",)                              # disk full on the server


def database_error(exc: BaseException, url: str, *, query: str | None = None) -> DatabaseError:
    """The project's error for a PostgreSQL failure, under the keys DuckDB's failures use."""
    where = redacted(url)
    state = getattr(exc, "sqlstate", None)
    params = {"path": where, "file": where, "directory": where}
    if state in _BUSY:
        return DatabaseBusy("db.busy", path=where, holder=f"PostgreSQL {state}")
    if state in _TIMEOUT and query is not None:
        return DatabaseError("db.query_timeout", name=query, seconds=settings.query_timeout_seconds())
    detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]
    if state == _INSTITUTION_UNSET:
        return DatabaseError("db.institution_unset", visitor_key="db.write_failed_visitor", detail=detail, **params)
    if state == _NOT_PERMITTED:
        key = "db.institution_refused" if "row-level security" in detail else "db.role_refused"
        return DatabaseError(key, visitor_key="db.write_failed_visitor", detail=detail, **params)
    if state in _READ_ONLY:  # a role's or a connection's limit, not a file's mode (DuckDB's db.read_only talks of files)
        return DatabaseError("db.role_refused", visitor_key="db.write_failed_visitor", detail=detail, **params)
    if state in _DISK:
        return DatabaseError("db.disk_full", visitor_key="db.write_failed_visitor", **params)
    if query is not None:
        return DatabaseError("db.query_failed", visitor_key="db.failed_visitor", name=query, detail=detail, **params)
    if state is None and isinstance(exc, psycopg.OperationalError):  # no server, wrong role, refused authentication
        return DatabaseError("db.pg_connect_failed", visitor_key="db.failed_visitor", detail=detail, **params)
    return DatabaseError("db.open_failed", visitor_key="db.failed_visitor", detail=detail, **params)


# --- results ------------------------------------------------------------------------------------

_INTS = {21: ("int16", "Int16"), 23: ("int32", "Int32"), 20: ("int64", "Int64")}
_FLOATS = {700, 701, 1700}
_BOOL, _DATE, _TIMESTAMP, _TIMESTAMPTZ = 16, 1082, 1114, 1184


def _column(values: list, oid: int) -> pd.Series:
    """One result column typed as DuckDB's `.df()` types it."""
    if oid in _INTS:
        plain, nullable = _INTS[oid]
        return pd.Series(values, dtype=nullable if any(v is None for v in values) else plain)
    if oid in _FLOATS:
        return pd.Series([np.nan if v is None else float(v) for v in values], dtype="float64")
    if oid == _BOOL and not any(v is None for v in values):
        return pd.Series(values, dtype="bool")
    if oid in (_DATE, _TIMESTAMP):
        return pd.Series(pd.to_datetime(values), dtype="datetime64[us]") if values else pd.Series([], dtype="datetime64[us]")
    if values and all(v is None for v in values):
        return pd.Series(values, dtype="object")
    return pd.Series(values)


class Result:
    """What `execute` returns: rows to fetch as tuples, as a DataFrame or as an Arrow table."""

    def __init__(self, cursor: psycopg.ClientCursor):
        self.description = [(d.name, d.type_code) for d in cursor.description] if cursor.description else None
        self._rows = cursor.fetchall() if cursor.description else []
        self._at = 0
        status = (cursor.statusmessage or "").split(" ", 1)[0]
        if self.description is None and status in ("INSERT", "UPDATE", "DELETE", "MERGE"):
            # DuckDB answers a change without RETURNING with one row: how many rows it changed
            # (callers test it, e.g. whether a decision was still pending)
            self.description, self._rows = [("Count", 20)], [(max(cursor.rowcount, 0),)]

    def fetchall(self) -> list[tuple]:
        rows, self._at = self._rows[self._at:], len(self._rows)
        return [tuple(_plain(v) for v in row) for row in rows]

    def fetchone(self):
        if self._at >= len(self._rows):
            return None
        self._at += 1
        return tuple(_plain(v) for v in self._rows[self._at - 1])

    def df(self) -> pd.DataFrame:
        if not self.description:
            return pd.DataFrame()
        columns = list(zip(*self._rows)) if self._rows else [[] for _ in self.description]
        return pd.DataFrame({name: _column(list(values), oid) for (name, oid), values in zip(self.description, columns)})

    def to_arrow_table(self):
        import pyarrow as pa

        return pa.Table.from_pandas(self.df(), preserve_index=False)


def _plain(value):
    """Decimal (sums and averages of integers) as float, as DuckDB's double results are."""
    return float(value) if isinstance(value, Decimal) else value


# --- frames as temporary tables -------------------------------------------------------------------

def _pg_type(arrow_type) -> str:
    import pyarrow as pa

    if pa.types.is_boolean(arrow_type):
        return "boolean"
    if pa.types.is_integer(arrow_type):
        return "bigint"
    if pa.types.is_floating(arrow_type) or pa.types.is_decimal(arrow_type):
        return "double precision"
    if pa.types.is_timestamp(arrow_type):
        return "timestamptz" if arrow_type.tz else "timestamp"
    if pa.types.is_date(arrow_type):
        return "date"
    if pa.types.is_binary(arrow_type) or pa.types.is_large_binary(arrow_type):
        return "bytea"
    if pa.types.is_dictionary(arrow_type):
        return _pg_type(arrow_type.value_type)
    return "text"  # strings, and columns with no value at all (DuckDB reads those as NULL of any type)


def _arrow(frame):
    import pyarrow as pa

    if isinstance(frame, pa.Table):
        return frame
    if isinstance(frame, pa.RecordBatch):
        return pa.Table.from_batches([frame])
    return pa.Table.from_pandas(frame, preserve_index=False)  # NaN becomes NULL, as DuckDB reads it


def _identifier(name: str) -> sql.Identifier:
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise ValueError(f"not a relation name: {name!r}")
    return sql.Identifier(name)


# --- the connection -----------------------------------------------------------------------------

class PgConnection:
    """A caller's connection to the PostgreSQL store; `close()` ends it."""

    engine = "postgresql"

    def __init__(self, raw: psycopg.Connection, url: str, write: bool):
        self._raw, self._url, self.write, self.closed = raw, url, write, False
        self._lock = threading.Lock()  # psycopg connections are thread-safe; results are not interleaved

    @property
    def path(self) -> str:
        return self._url

    @property
    def read_only(self) -> bool:
        return not self.write

    def _cursor(self) -> psycopg.ClientCursor:
        return psycopg.ClientCursor(self._raw)

    def execute(self, statement: str, params: dict | list | tuple | None = None) -> Result:
        """Run one statement (or, without parameters, a script) with DuckDB-style `$name` parameters
        (or `?` ones and a list, as tests write ad-hoc statements)."""
        if isinstance(params, (list, tuple)):
            with self._lock, self._cursor() as cursor:
                cursor.execute(statement.replace("%", "%%").replace("?", "%s"), [_value(v) for v in params])
                return Result(cursor)
        text, names = translate(statement)
        with self._lock, self._cursor() as cursor:
            if names:
                cursor.execute(text, {name: _value((params or {})[name]) for name in names})
            else:
                cursor.execute(statement)  # no placeholders: the text as written (a migration's script)
            return Result(cursor)

    def table(self, name: str) -> Result:
        """Every row of the table `name` (a name, never SQL text), as DuckDB's `con.table(name)`."""
        with self._lock, self._cursor() as cursor:
            cursor.execute(sql.SQL("select * from {}").format(_identifier(name)))
            return Result(cursor)

    def executemany(self, statement: str, records: list[dict]) -> None:
        text, names = translate(statement)
        with self._lock, self._cursor() as cursor:
            cursor.executemany(text, [{name: _value(record[name]) for name in names} for record in records])

    def register(self, name: str, frame) -> None:
        """`name` is a temporary table holding the frame's rows (COPY), until `unregister(name)`."""
        table = _arrow(frame)
        relation = sql.SQL("pg_temp.{}").format(_identifier(name))
        columns = sql.SQL(", ").join(sql.SQL("{} {}").format(_identifier(f.name), sql.SQL(_pg_type(f.type)))
                                     for f in table.schema)
        names = sql.SQL(", ").join(_identifier(f) for f in table.column_names)
        with self._lock, self._cursor() as cursor, self._temporary_writes(cursor):
            cursor.execute(sql.SQL("drop table if exists {}").format(relation))
            cursor.execute(sql.SQL("create temporary table {} ({})").format(_identifier(name), columns))
            if table.num_rows:
                with cursor.copy(sql.SQL("copy {} ({}) from stdin").format(relation, names)) as copy:
                    for row in zip(*(column.to_pylist() for column in table.columns)):
                        copy.write_row([_value(v) for v in row])
            cursor.execute(sql.SQL("analyze {}").format(relation))  # the planner sees its size, as DuckDB a frame's

    def unregister(self, name: str) -> None:
        with self._lock, self._cursor() as cursor, self._temporary_writes(cursor):
            cursor.execute(sql.SQL("drop table if exists pg_temp.{}").format(_identifier(name)))

    @contextmanager
    def _temporary_writes(self, cursor) -> Iterator[None]:
        """A read-only connection may still make its temporary tables, outside a transaction.

        PostgreSQL refuses even CREATE TEMPORARY TABLE in a read-only transaction; DuckDB reads a
        frame on a read-only connection. So between transactions the default is lifted for the
        temporary table's own statements. (A read-only role, which may create temporary tables
        but write nothing else, will replace this: docs/notes/postgresql.md.)"""
        idle = self._raw.info.transaction_status == pq.TransactionStatus.IDLE
        if self.write or not idle:
            yield
            return
        cursor.execute("set default_transaction_read_only = off")
        try:
            yield
        finally:
            cursor.execute("set default_transaction_read_only = on")

    def interrupt(self) -> None:
        self._raw.cancel_safe()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self._raw.close()

    def __enter__(self) -> "PgConnection":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _value(value):
    """A parameter as psycopg binds it: numpy scalars as Python's, pandas' missing values as NULL
    (DuckDB binds NaT and NA as NULL)."""
    if value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, str) and "\x00" in value:
        # PostgreSQL's text cannot hold NUL (DuckDB's can): it becomes U+FFFD, so that a hostile
        # name looks nothing up instead of failing the query; nothing the product writes holds one
        return value.replace("\x00", "\ufffd")
    if isinstance(value, np.datetime64):
        return None if np.isnat(value) else pd.Timestamp(value).to_pydatetime()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def connect(url: str, *, read_only: bool = False, wait_seconds: float | None = None) -> PgConnection:
    """A new connection to the database at `url` (read-only when asked)."""
    timeout_ms = int(settings.query_timeout_seconds() * 1000)
    wait = settings.db_wait_seconds() if wait_seconds is None else wait_seconds
    # a statement waits for another writer's locks as long as a DuckDB writer waits for the
    # file (MUSEUM_DB_WAIT_SECONDS), then fails as busy (55P03 → DatabaseBusy)
    options = f"-c statement_timeout={timeout_ms} -c lock_timeout={max(1, int(wait * 1000))} -c TimeZone=UTC"
    if read_only:
        options += " -c default_transaction_read_only=on"
    try:
        raw = psycopg.connect(str(url), autocommit=True, options=options, connect_timeout=max(2, int(wait) + 1))
    except psycopg.Error as exc:
        raise database_error(exc, url) from exc
    return PgConnection(raw, str(url), not read_only)


_VERSION_CONNECTIONS: dict[str, PgConnection] = {}
_VERSION_LOCK = threading.Lock()


def data_version(url: str, read):
    """`read(con)` on the process's one connection for data-version checks (a page checks it
    before each cached read: a new connection each time would cost more than the read). Opened
    again once after a failure (a restarted server); a database before migration 0019 has no
    version yet and reads as None, which never matches a later version."""
    with _VERSION_LOCK:
        for attempt in (1, 2):
            con = _VERSION_CONNECTIONS.get(url)
            if con is None or con.closed:
                con = _VERSION_CONNECTIONS[url] = connect(url, read_only=True)
            try:
                return read(con)
            except DatabaseError as exc:
                con.close()
                _VERSION_CONNECTIONS.pop(url, None)
                if "data_version_seq" in str(exc.params.get("detail", "")):
                    return None
                if attempt == 2:
                    raise


def is_pg(con) -> bool:
    # by attribute, not class: a wrapper of a connection (a test's failing commit) counts as it
    return getattr(con, "engine", None) == "postgresql"


def close_version_connections() -> None:
    """Close this process's kept data-version connections (a database with a session cannot be renamed)."""
    with _VERSION_LOCK:
        for con in _VERSION_CONNECTIONS.values():
            con.close()
        _VERSION_CONNECTIONS.clear()
