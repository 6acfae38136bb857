"""Numbered migrations (`queries/migrations/NNNN_name.sql`, the same numbers on both engines): which exist,
which a database has, and applying the rest, each in its own transaction."""

from __future__ import annotations

import re
from pathlib import Path

from museum.errors import DatabaseError
from museum.store import dialect, faults, pg
from museum.store.db import (ENGINE_ERRORS, MIGRATIONS_DIR, PG_DATA_VERSION_SINCE, PG_ROW_SECURITY_SINCE, _failure,
                             execute, rows, scalar, transaction)


def migrations() -> list[tuple[int, str, Path]]:
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        match = re.fullmatch(r"(\d{4})_([a-z0-9_]+)\.sql", path.name)
        if not match:
            raise DatabaseError("db.bad_migration_name", name=path.name)
        found.append((int(match[1]), match[2], path))
    return found


def applied_migrations(con) -> list[int]:
    """The versions recorded in schema_migrations (none for a database never initialised)."""
    if not scalar(con, "schema_migrations_exists"):
        return []
    return [int(row[0]) for row in rows(con, "schema_migrations_applied")]


def pending_migrations(con) -> list[str]:
    """The migration files not yet applied (works on a read-only connection)."""
    applied = set(applied_migrations(con))
    return [path.name for version, _, path in migrations() if version not in applied]


def migrate(con, *, versions: set[int] | None = None) -> list[str]:
    """Apply every migration not yet recorded (or only those in `versions`), in order, each in its
    own transaction."""
    if scalar(con, "schema_migrations_exists"):
        # a current schema needs no DDL: the app's roles on PostgreSQL have no right to any
        applied = set(applied_migrations(con))
        if all(version in applied for version, _, _ in migrations()):
            return []
    execute(con, "schema_migrations_create")
    applied = {row[0] for row in rows(con, "schema_migrations_applied")}
    done = []
    for version, name, path in migrations():
        if version in applied or (versions is not None and version not in versions):
            continue
        with transaction(con):
            faults.fault_point(f"migration.{version:04d}")
            text = dialect.migration_text(path) if pg.is_pg(con) else path.read_text(encoding="utf-8")
            try:
                con.execute(text)
            except ENGINE_ERRORS as exc:
                raise _failure(con, exc, path.stem) from exc
            execute(con, "schema_migrations_record", version=version, name=name)
            if pg.is_pg(con) and version >= PG_DATA_VERSION_SINCE:
                execute(con, "data_version_track")  # the tables this migration made move the data version
            if pg.is_pg(con) and version >= PG_ROW_SECURITY_SINCE:
                execute(con, "row_security_track")  # and get row-level security if they hold a unit's rows
        done.append(path.name)
    return done
