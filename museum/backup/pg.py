"""Backups of the PostgreSQL store (issue 25): `pg_dump` into the same signed snapshot directory.

The snapshot is one `pg_dump --format=custom` file, `database.dump`, beside the same manifest the
DuckDB backup writes (row counts, migrations, sequences, SHA-256 of the file, HMAC signature,
serial), with `"engine": "postgresql"`. Consistency: the row counts are read in a repeatable-read
transaction whose snapshot pg_dump is given (`--snapshot`), so the dump holds exactly what the
manifest counted, while others keep writing.

A restore checks the manifest and the file as for DuckDB (museum.backup.manifest), then builds a
new database `<name>_restoring` on the same server with `pg_restore` (one transaction, stopping
at the first error, no owners or grants from the dump), checks its counts and migrations against
the manifest, brings it up to date with the project's migrations, writes the restore's audit line
and renews every credential, and only then swaps it in: in one transaction the current database
is renamed `<name>_before_restore_<time>` (kept, as the DuckDB file is) and the new one takes its
name. PostgreSQL refuses to rename a database while any session is connected to it, so a serving
dashboard makes the restore stop with nothing changed (the same message as for DuckDB).

Unlike the DuckDB restore (schema from the project's migrations, data from parquet), pg_restore
runs the dump's own DDL: the dump's integrity rests on the manifest's hash and, with a key
configured, its signature. The connecting role needs CREATEDB (the cluster's owner in tests).
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from museum.backup import accounts as backup_accounts, load as backup_load, manifest as backup_manifest
from museum.errors import DatabaseBusy, DatabaseError, InputRejected
from museum.store import audit, db, migrations, pg as pg_store, pg_databases

DUMP_FILE = backup_manifest.PG_DUMP_FILE
ENGINE = "postgresql"


def tool(name: str) -> str:
    """The newest installed PostgreSQL client program `name` (pg_dump must be at least the
    server's version): Debian's /usr/lib/postgresql/N/bin first, else PATH."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/" + name),
                      key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0, reverse=True)
    found = str(versions[0]) if versions else shutil.which(name)
    if not found:
        raise DatabaseError("backup.pg_tool_missing", visitor_key="db.failed_visitor", tool=name)
    return found


def _run(args: list[str], target: str) -> None:
    # the URL goes in argv: a password in it would be visible to `ps` (use ~/.pgpass or PGPASSWORD)
    url = args.pop()
    try:
        done = subprocess.run([*args, "--dbname", url], capture_output=True, text=True, timeout=24 * 3600)
    except OSError as exc:
        raise DatabaseError("backup.export_failed", visitor_key="db.failed_visitor", path=target, detail=str(exc)) from exc
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[0][:300]
        raise DatabaseError("backup.export_failed", visitor_key="db.failed_visitor", path=target,
                            detail=detail.replace(url, pg_store.redacted(url)))


def dump(con, target: Path) -> None:
    """pg_dump of the database behind `con` into target/database.dump, seeing the snapshot of
    `con`'s open transaction (call inside db.transaction, after the counts)."""
    snapshot = db.scalar(con, "backup_export_snapshot")
    # --enable-row-security: as museum_writer (docs/deployment.md §5b) pg_dump would otherwise refuse
    # the tables with row-level security; their read policy shows every row, so the dump is whole
    _run([tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--enable-row-security",
          f"--snapshot={snapshot}",
          f"--file={target / DUMP_FILE}", con.path], str(target))


def _inspect_current(url: str, unchanged_since: datetime | None) -> list[tuple]:
    """The current database's batches; DatabaseBusy when it changed after `unchanged_since`."""
    try:
        with db.session(url, read_only=True) as con:
            if not migrations.applied_migrations(con):
                return []
            if unchanged_since is not None:
                changes, first_at = db.rows(con, "backup_audit_since", since=unchanged_since)[0]
                if changes:
                    raise DatabaseBusy("backup.changed_during_restore", path=pg_store.redacted(url), changes=changes,
                                       first=first_at.strftime("%H:%M:%S"))
            return [(int(b), c) for b, c in db.rows(con, "backup_batch_ids")]
    except DatabaseBusy:
        raise
    except DatabaseError:  # no such database yet, or not ours: it is replaced all the same
        return []


def restore(source: Path, url: str, manifest: dict, status: str, *, actor: str, now: datetime,
            allow_older: bool, allow_account_changes: bool, unchanged_since: datetime | None = None) -> dict:
    """museum.backup.restore for a PostgreSQL database (the manifest already verified)."""
    from museum.access import auth

    if manifest.get("engine") != ENGINE:
        raise InputRejected("backup.other_engine", path=str(source), found="DuckDB", expected="PostgreSQL")
    name = pg_databases.database_name(url)
    staging = (name + "_restoring")[:63]
    kept = (name + "_before_restore_" + now.strftime("%Y%m%dt%H%M%Sz"))[:63]
    before = _inspect_current(url, unchanged_since)
    current = backup_accounts.current_state(url)
    backup_accounts.check_serial(manifest, current, source, allow_older=allow_older)
    staging_url = pg_databases.create_database(url, staging)
    try:
        _run([tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
              str(source / DUMP_FILE), staging_url], str(source))
        with db.session(staging_url) as con:
            counts = backup_load.table_counts(con)
            if counts != manifest["tables"]:
                raise InputRejected("backup.counts_differ", path=str(source))
            if migrations.applied_migrations(con) != manifest["migrations"]:
                raise InputRejected("backup.migrations_differ", path=str(source))
            migrations.migrate(con)
            with db.transaction(con):
                auth.renew_all_credentials(con)  # every session signed in before the restore ends
                audit.record(con, "restore", actor,
                             f"{source} (snapshot {manifest['created_at']} by {manifest['created_by']}, {status})", now=now)
                backup_accounts.keep_serial(con, current[1] if current else 0)
            restored = {(int(b), c) for b, c in db.rows(con, "backup_batch_ids")}
            accounts = backup_accounts.accounts(con)
        changes = backup_accounts.differences(current[0], accounts) if current else []
        backup_accounts.check_accounts(changes, source, allow_account_changes=allow_account_changes)
        kept = pg_databases.swap_databases(url, name, kept, staging)
    except BaseException:
        pg_databases.drop_database(url, staging)
        raise
    if kept is None:
        pg_databases.drop_database(url, staging)
        raise DatabaseBusy("backup.dashboard_serving", path=pg_store.redacted(url))
    replaced = sorted(b for b, c in before if (b, c) not in restored)
    return {"path": pg_store.redacted(url), "kept_previous": pg_store.redacted(pg_databases.database_url(url, kept)) if kept else None,
            "tables": counts, "signature": status, "replaced_batches": replaced, "account_changes": changes}
