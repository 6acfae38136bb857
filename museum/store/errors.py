"""DuckDB's and the operating system's failures as the project's own errors, in the user's language.

A commit that fails on a full disk, under a file-size limit (`ulimit -f`) or in a read-only
directory leaves the database as it was (DuckDB writes the commit to its WAL and a failed write
is rolled back); the message says so, names the file and says what to do. A database file whose
block checksum does not match is damaged: the message says to restore a backup.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from museum.errors import DatabaseError

_QUOTED_FILE = re.compile(r'file "(?P<file>[^"]+)"')

# (key, the visitor-safe key, patterns in DuckDB's text, errno values of an OSError)
_KINDS = (
    ("db.disk_full", "db.write_failed_visitor", ("No space left on device",), (errno.ENOSPC, errno.EDQUOT)),
    ("db.file_too_large", "db.write_failed_visitor", ("File too large",), (errno.EFBIG,)),
    (
        "db.read_only",
        "db.write_failed_visitor",
        ("Read-only file system", "Permission denied", "attached in read-only mode", "read-only mode"),
        (errno.EROFS, errno.EACCES, errno.EPERM),
    ),
    ("db.corrupt", "db.corrupt_visitor", ("does not match stored checksum", "Corrupt database file"), ()),
    ("db.not_a_database", "db.corrupt_visitor", ("not a valid DuckDB database file",), ()),
    ("db.invalidated", "db.failed_visitor", ("database has been invalidated",), ()),
)


def first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__


def kind_of(exc: BaseException) -> tuple[str, str] | None:
    """(key, visitor key) for a failure we can explain, else None."""
    text = str(exc)
    number = getattr(exc, "errno", None)
    for key, visitor, patterns, numbers in _KINDS:
        if number in numbers or any(p in text for p in patterns):
            return key, visitor
    return None


def database_error(exc: BaseException, db_file: Path, *, query: str | None = None) -> DatabaseError:
    """The project's error for a DuckDB or OS failure on `db_file` (during the named `query`, if any)."""
    kind = kind_of(exc)
    match = _QUOTED_FILE.search(str(exc))
    failed_file = match["file"] if match else (getattr(exc, "filename", None) or str(db_file))
    params = {"path": str(db_file), "file": str(failed_file), "directory": str(Path(failed_file).parent)}
    if kind is not None:
        return DatabaseError(kind[0], visitor_key=kind[1], **params)
    if query is not None:
        return DatabaseError("db.query_failed", visitor_key="db.failed_visitor", name=query, detail=first_line(exc), **params)
    return DatabaseError("db.open_failed", visitor_key="db.failed_visitor", detail=first_line(exc), **params)


def is_fatal(exc: BaseException) -> bool:
    """Whether DuckDB has given up on the instance (it must be closed and opened again)."""
    import duckdb

    return isinstance(exc, duckdb.FatalException) or "database has been invalidated" in str(exc)
