"""Backups: a consistent snapshot of the whole database as a directory, and a rebuild from one.

A snapshot is DuckDB's `EXPORT DATABASE … (FORMAT parquet)` (schema.sql, load.sql, one parquet
file per table; parquet keeps blobs, timestamps and doubles exactly) plus `manifest.json` with
each file's SHA-256 and each table's row count. Restore checks the manifest, imports into a new
file beside the target, verifies the row counts, and only then moves it into place; the database
it replaces is kept as `<name>.before-restore-<time>.duckdb`, so nothing is silently lost.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import datetime
from pathlib import Path

import duckdb

from museum import audit, db
from museum.auth import utc_now
from museum.errors import DatabaseError, InputRejected

MANIFEST = "manifest.json"
FORMAT_VERSION = 1

# EXPORT DATABASE and IMPORT DATABASE take the directory as a string literal in the statement
# itself; DuckDB's parser refuses a bound $parameter there ("syntax error at or near $"). So the
# path is the one value we must put into SQL text. It is made absolute and must consist only of
# letters (any script), digits, space and . _ - + : / — no quote, backslash, semicolon or control
# character can reach the statement, so it cannot end the literal or start another statement.
_SAFE_PATH = re.compile(r"[\w ./:+\-]+")


def sql_path_literal(path: str | os.PathLike) -> str:
    """`path` (made absolute) as a single-quoted SQL literal, or InputRejected if it has any
    character outside the allow-list above."""
    text = str(Path(path).absolute())
    if not _SAFE_PATH.fullmatch(text):
        raise InputRejected("backup.unsafe_path", path=text)
    return "'" + text + "'"


def export_statement(directory: str | os.PathLike) -> str:
    """EXPORT DATABASE into `directory`; the path is the allow-listed literal above."""
    return "export database " + sql_path_literal(directory) + " (format parquet)"


def import_statement(directory: str | os.PathLike) -> str:
    """IMPORT DATABASE from `directory`; the path is the allow-listed literal above."""
    return "import database " + sql_path_literal(directory)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def table_counts(con) -> dict[str, int]:
    return {name: db.scalar(con, "backup_table_rows", table_name=name) for (name,) in db.rows(con, "backup_tables")}


def backup(con, directory: str | os.PathLike, *, actor: str = "system", now: datetime | None = None) -> dict:
    """Write a snapshot of the database behind `con` into `directory` (new or empty) and return
    its manifest. The export runs in one transaction, so it is consistent even while others write."""
    target = Path(directory).absolute()
    statement = export_statement(target)  # refuses an unsafe path before anything is created
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InputRejected("backup.dir_not_empty", path=str(target))
    now = now or utc_now()
    target.mkdir(parents=True, exist_ok=True)
    try:
        with db.transaction(con):
            counts = table_counts(con)
            con.execute(statement)
    except duckdb.Error as exc:
        raise DatabaseError("backup.export_failed", path=str(target), detail=str(exc).splitlines()[0]) from exc
    files = {p.name: _sha256(p) for p in sorted(target.iterdir()) if p.is_file()}
    manifest = {
        "format": FORMAT_VERSION,
        "created_at": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "created_by": actor,
        "tables": counts,
        "files": files,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    audit.record(con, "backup", actor, f"{target} ({sum(counts.values())} rows)", now=now)
    return manifest


def read_manifest(directory: str | os.PathLike) -> dict:
    """The manifest of a snapshot, after checking every file against its recorded SHA-256."""
    source = Path(directory).absolute()
    manifest_file = source / MANIFEST
    if not manifest_file.is_file():
        raise InputRejected("backup.no_manifest", path=str(source))
    try:
        manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputRejected("backup.bad_manifest", path=str(manifest_file)) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        raise InputRejected("backup.bad_manifest", path=str(manifest_file))
    for name, expected in manifest.get("files", {}).items():
        path = source / name
        if Path(name).name != name or not path.is_file():
            raise InputRejected("backup.file_missing", path=str(path))
        if _sha256(path) != expected:
            raise InputRejected("backup.file_changed", path=str(path))
    return manifest


def _set_aside(path: Path, stamp: str) -> Path | None:
    """Rename an existing database file (and its WAL) out of the way; return the new name."""
    if not path.exists():
        return None
    kept = path.with_name(f"{path.stem}.before-restore-{stamp}{path.suffix}")
    os.replace(path, kept)
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        os.replace(wal, kept.with_name(kept.name + ".wal"))
    return kept


def restore(directory: str | os.PathLike, db_path: str | os.PathLike, *, actor: str = "system", now: datetime | None = None) -> dict:
    """Rebuild the database at `db_path` from a snapshot directory.

    Returns {"path", "kept_previous" (or None), "tables"}. Raises DatabaseBusy if another
    process has the current database open, InputRejected if the snapshot is damaged.
    """
    source = Path(directory).absolute()
    statement = import_statement(source)
    manifest = read_manifest(source)
    target = Path(db_path).absolute()
    now = now or utc_now()
    staging = target.with_name(target.name + ".restoring")
    for leftover in (staging, staging.with_name(staging.name + ".wal")):
        leftover.unlink(missing_ok=True)
    if target.exists():
        # Fails with DatabaseBusy (naming the holder) while the dashboard or a command has it open.
        db.connect(target).close()
    try:
        with db.session(staging) as con:
            try:
                con.execute(statement)
            except duckdb.Error as exc:
                raise DatabaseError("backup.import_failed", path=str(source), detail=str(exc).splitlines()[0]) from exc
            counts = table_counts(con)
            if counts != manifest["tables"]:
                raise InputRejected("backup.counts_differ", path=str(source))
            audit.record(con, "restore", actor, f"{source} (snapshot {manifest['created_at']} by {manifest['created_by']})", now=now)
    except BaseException:
        staging.unlink(missing_ok=True)
        staging.with_name(staging.name + ".wal").unlink(missing_ok=True)
        raise
    kept = _set_aside(target, now.strftime("%Y%m%dT%H%M%SZ"))
    os.replace(staging, target)
    return {"path": str(target), "kept_previous": None if kept is None else str(kept), "tables": counts}
