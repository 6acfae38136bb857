"""Backups: a consistent, signed snapshot of the whole database as a directory, and a safe rebuild from one.

A snapshot is DuckDB's `EXPORT DATABASE … (FORMAT parquet)` (one parquet file per table; parquet
keeps blobs, timestamps and doubles exactly; EXPORT also writes schema.sql and load.sql, kept for
people and never executed) plus `manifest.json` (museum.backup.manifest): every file's SHA-256,
every table's row count, the migrations and sequences, signed with HMAC-SHA256 when a key is
configured. The directory is 0700 and its files 0600.

A restore checks everything first (museum.backup.manifest), then holds the database's write lock
from its first check to its last rename (`db.exclusive`): it refuses while a dashboard is serving
the database (`db.serve`) or another program has it open, rebuilds it beside the target as
`<name>.restoring` from the project's own migrations and the parquet files (museum.backup.load),
keeps the replaced database as `<name>.before-restore-<time>.duckdb` (a second name for the same
file, made before anything moves) and swaps the new one in with one atomic rename. At no moment
is there no live database; an interrupted restore leaves either the old database or the new one
in place (and a leftover `.restoring` file that the next restore removes).

On the PostgreSQL store (issue 25) the same functions take a pg_dump snapshot and restore it
into a new database swapped in by name (museum.backup.pg); the manifest and its checks are shared.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import datetime
from pathlib import Path

import duckdb

from museum import settings
from museum.backup import accounts as backup_accounts, load as backup_load, manifest as backup_manifest, pg as backup_pg
from museum.store import audit, db, faults, files as db_files, migrations, pg as pg_store
from museum.backup.manifest import sha256_file
from museum.store.errors import database_error, first_line, kind_of
from museum.errors import DatabaseBusy, DatabaseError, InputRejected
from museum.i18n import t

FORMAT_VERSION = backup_manifest.FORMAT_VERSION

# EXPORT DATABASE takes the directory as a string literal in the statement itself; DuckDB's
# parser refuses a bound $parameter there ("syntax error at or near $"). So the path is the one
# value we must put into SQL text. It is made absolute and must consist only of letters (any
# script), digits, space and . _ - + : / — no quote, backslash, semicolon or control character
# can reach the statement, so it cannot end the literal or start another statement.
_SAFE_PATH = re.compile(r"[\w ./:+\-]+")


def utc_now() -> datetime:
    from museum.access.auth import utc_now as now

    return now()


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


def sequence_values(con) -> dict[str, int | None]:
    return {name: (None if last is None else int(last)) for name, _start, last in db.rows(con, "backup_sequences")}


def _export_error(exc: BaseException, target: Path) -> DatabaseError:
    """The backup's own message for a failed export: a DatabaseError (from db.transaction) is
    already classified; a DuckDB or OS error is classified here."""
    if isinstance(exc, DatabaseError):
        kind, detail = exc.key, first_line(exc.__cause__ or exc)
    else:
        kind, detail = (kind_of(exc) or ("",))[0], first_line(exc)
    reason = {"db.disk_full": "backup.export_disk_full", "db.file_too_large": "backup.export_too_large",
              "db.read_only": "backup.export_read_only"}.get(kind)
    if reason:
        return DatabaseError(reason, visitor_key="db.write_failed_visitor", path=str(target))
    return DatabaseError("backup.export_failed", visitor_key="db.failed_visitor", path=str(target), detail=detail)


def write_snapshot(con, directory: str | os.PathLike, *, actor: str, now: datetime | None = None,
                   serial: int | None = None) -> dict:
    """Write a snapshot of the database behind `con` (which may be read-only) into `directory`
    (new or empty) and return its manifest. The export runs in one transaction, so it is
    consistent even while others write. Nothing is left behind when it fails. The manifest is
    written as PENDING_MANIFEST: `record_backup` writes the audit line, then publishes it."""
    target = Path(directory).absolute()
    statement = export_statement(target)  # refuses an unsafe path before anything is created
    key = backup_manifest.check_key(settings.backup_key())
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InputRejected("backup.dir_not_empty", path=str(target))
    now = now or utc_now()
    created = not target.exists()
    try:
        db_files.private_dir(target)
        os.chmod(target, db_files.PRIVATE_DIR)
        postgresql = pg_store.is_pg(con)
        with db.transaction(con):
            counts = backup_load.table_counts(con)
            applied = migrations.applied_migrations(con)
            sequences = sequence_values(con)
            if postgresql:  # pg_dump, seeing this transaction's snapshot (museum.backup.pg)
                backup_pg.dump(con, target)
            else:
                con.execute(statement)
        files = {}
        for path in sorted(target.iterdir()):
            os.chmod(path, db_files.PRIVATE_FILE)
            files[path.name] = sha256_file(path)
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "created_by": actor[:200],
            "migrations": applied,
            "tables": counts,
            "sequences": sequences,
            "files": files,
            # signed with the rest: a restore refuses a snapshot older than the database's latest backup
            "serial": backup_accounts.serial(con) if serial is None else serial,
        }
        if postgresql:  # signed with the rest; a DuckDB manifest stays as it was
            manifest["engine"] = backup_pg.ENGINE
        manifest["signature"] = backup_manifest.signature(manifest, key) if key else None
        backup_manifest.write(target, manifest, name=backup_manifest.PENDING_MANIFEST)
        db_files.fsync_dir(target)
    except (duckdb.Error, OSError, DatabaseError) as exc:
        _remove_partial(target, created)
        raise _export_error(exc, target) from exc
    except BaseException:
        _remove_partial(target, created)
        raise
    return manifest


def _remove_partial(target: Path, created: bool) -> None:
    """Remove what a failed backup wrote (the directory was new or empty, so it is all ours)."""
    if not target.is_dir():
        return
    if created:
        shutil.rmtree(target, ignore_errors=True)
        return
    for path in target.iterdir():
        if path.is_file():
            path.unlink(missing_ok=True)


def record_backup(con, directory: str | os.PathLike, manifest: dict, *, actor: str, now: datetime | None = None) -> None:
    """The audit line of a backup (in its own short transaction), then the snapshot made a backup:
    its manifest renamed into place. A process killed in between leaves a line and no backup,
    never a backup without a line."""
    signed = "signed " + manifest["signature"]["key_id"] if manifest["signature"] else "unsigned"
    with db.transaction(con):
        audit.record(con, "backup", actor, f"{Path(directory).absolute()} ({sum(manifest['tables'].values())} rows, {signed})",
                     now=now)
    faults.fault_point("backup.recorded")
    target = Path(directory).absolute()
    os.replace(target / backup_manifest.PENDING_MANIFEST, target / backup_manifest.MANIFEST)
    db_files.fsync_dir(target)


def backup(con, directory: str | os.PathLike, *, actor: str = "system", now: datetime | None = None) -> dict:
    """Snapshot + audit line on one read-write connection (the admin page's button). The manifest's
    `signature` is None when no backup key is configured: say so to the user."""
    manifest = write_snapshot(con, directory, actor=actor, now=now, serial=backup_accounts.next_serial(con))
    record_backup(con, directory, manifest, actor=actor, now=now)
    return manifest


def _inspect_current(target: Path, unchanged_since: datetime | None) -> list[tuple]:
    """Check that nobody else has the current database open (DatabaseBusy) and that nothing was
    written to it since `unchanged_since` (DatabaseBusy), flush its WAL into it, and return its
    batches. A damaged or foreign file is replaced all the same (and kept)."""
    if not target.exists():
        return []
    try:
        with db.session(target) as con:
            con.execute("checkpoint")
            if not migrations.applied_migrations(con):
                return []
            if unchanged_since is not None:
                changes, first_at = db.rows(con, "backup_audit_since", since=unchanged_since)[0]
                if changes:
                    raise DatabaseBusy("backup.changed_during_restore", path=str(target), changes=changes,
                                       first=first_at.strftime("%H:%M:%S"))
            return [(int(b), c) for b, c in db.rows(con, "backup_batch_ids")]
    except DatabaseError as exc:
        if exc.key in ("db.corrupt", "db.not_a_database", "db.invalidated", "db.query_failed"):
            return []
        raise


def _keep_previous(target: Path, stamp: str) -> Path | None:
    """Give the current database a second name (hard link, else a copy) before anything moves."""
    if not target.exists():
        return None
    kept = db_files.kept_path(target, stamp)
    number = 2
    while kept.exists():
        kept = db_files.kept_path(target, f"{stamp}-{number}")
        number += 1
    wal = db_files.wal_path(target)
    try:
        os.link(target, kept)
    except OSError:
        partial = kept.with_name(kept.name + ".partial")
        shutil.copy2(target, partial)
        os.replace(partial, kept)
    db_files.make_private(kept)
    if wal.exists():  # left only when the old file could not be opened; it must not meet the new one
        os.replace(wal, db_files.wal_path(kept))
    return kept


def _build_staging(staging: Path, source: Path, manifest: dict, *, actor: str, now: datetime, status: str,
                   latest_serial: int = 0) -> tuple[dict, set, dict]:
    """The new database, complete and checkpointed, at `staging`; its row counts, batches and accounts."""
    from museum.access import auth

    for leftover in (staging, db_files.wal_path(staging), db_files.lock_path(staging)):
        leftover.unlink(missing_ok=True)
    try:
        with db.session(staging) as con:
            counts = backup_load.build(con, source, manifest)
            with db.transaction(con):
                auth.renew_all_credentials(con)  # every session signed in before the restore ends
                audit.record(con, "restore", actor,
                             f"{source} (snapshot {manifest['created_at']} by {manifest['created_by']}, {status})", now=now)
                backup_accounts.keep_serial(con, latest_serial)
            batches = {(int(b), c) for b, c in db.rows(con, "backup_batch_ids")}
            accounts = backup_accounts.accounts(con)
            con.execute("checkpoint")
        if db_files.wal_path(staging).exists():  # the checkpoint did not reach the file
            raise DatabaseError("db.disk_full", visitor_key="db.write_failed_visitor", path=str(staging),
                                file=str(staging), directory=str(staging.parent))
        db_files.make_private(staging)
    except BaseException:
        for leftover in (staging, db_files.wal_path(staging)):
            leftover.unlink(missing_ok=True)
        raise
    finally:
        db_files.lock_path(staging).unlink(missing_ok=True)
    return counts, batches, accounts


def restore(directory: str | os.PathLike, db_path: str | os.PathLike, *, actor: str = "system",
            allow_unsigned: bool = False, unchanged_since: datetime | None = None, now: datetime | None = None,
            allow_older: bool = False, allow_account_changes: bool = False) -> dict:
    """Rebuild the database at `db_path` from a snapshot directory.

    `unchanged_since` (UTC, naive): refuse (DatabaseBusy) when anything was written to the current
    database from then on — the CLI passes the moment the command started, so a write that lands
    while the restore is starting is never replaced unseen; writes before it are replaced, kept in
    the `.before-restore-` file, and listed in "replaced_batches".

    Returns {"path", "kept_previous" (or None), "tables", "signature" ("signed" | "unsigned" |
    "unverified"), "replaced_batches" (ids in the replaced database that the snapshot lacks),
    "account_changes" (museum.backup.accounts.Change: every account the restore changes)}.
    A snapshot older than the database's latest backup needs `allow_older`; one that gives an
    account access back (returns, re-enabled, role or password reverted) `allow_account_changes`.
    Raises InputRejected when the snapshot is damaged, altered or unsigned while a key is set,
    DatabaseBusy while a dashboard serves the database or another program has it open.
    """
    source = Path(directory).absolute()
    manifest, status = backup_manifest.verify(source, settings.backup_key(), allow_unsigned=allow_unsigned)
    now = now or utc_now()
    if settings.is_database_url(db_path):
        return backup_pg.restore(source, settings.DatabaseUrl(str(db_path)), manifest, status, actor=actor, now=now, allow_older=allow_older,
                                 allow_account_changes=allow_account_changes, unchanged_since=unchanged_since)
    if manifest.get("engine", "duckdb") != "duckdb":
        raise InputRejected("backup.other_engine", path=str(source), found="PostgreSQL", expected="DuckDB")
    target = Path(db_path).absolute()
    staging = db_files.staging_path(target)
    with db.exclusive(target):
        serving = db_files.FileLock(db_files.serving_path(target))
        try:
            held = serving.try_acquire(True)
        except OSError as exc:
            raise database_error(exc, target) from exc
        if not held:
            raise DatabaseBusy("backup.dashboard_serving", path=str(target))
        try:
            faults.fault_point("restore.locked")
            before = _inspect_current(target, unchanged_since)
            current = backup_accounts.current_state(target)
            backup_accounts.check_serial(manifest, current, source, allow_older=allow_older)
            counts, restored, accounts = _build_staging(staging, source, manifest, actor=actor, now=now, status=status,
                                                        latest_serial=current[1] if current else 0)
            faults.fault_point("restore.staged")
            try:
                changes = backup_accounts.differences(current[0] if current else {}, accounts) if current else []
                backup_accounts.check_accounts(changes, source, allow_account_changes=allow_account_changes)
                kept = _keep_previous(target, now.strftime("%Y%m%dT%H%M%SZ"))
                faults.fault_point("restore.kept")
                os.replace(staging, target)
            except BaseException:
                staging.unlink(missing_ok=True)
                raise
            db_files.fsync_dir(target.parent)
            faults.fault_point("restore.replaced")
        finally:
            serving.release()
    replaced = sorted(b for b, c in before if (b, c) not in restored)
    return {"path": str(target), "kept_previous": None if kept is None else str(kept), "tables": counts,
            "signature": status, "replaced_batches": replaced, "account_changes": changes}


def describe_signature(status: str, lang: str) -> str:
    return t(f"backup.signature.{status}", lang)
