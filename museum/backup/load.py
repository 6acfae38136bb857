"""Rebuild a database from a verified snapshot without running any SQL the snapshot contains.

The schema comes from the project's own migration files (the ones the manifest says the
database had); then each table's parquet file is loaded into that table, with the column list
taken from the schema just built, never from the backup; tables are loaded referenced-first;
row counts must equal the manifest's; sequences continue where they stopped; later migrations
bring the schema up to date. The only SQL text built here names tables and columns that the
project's own schema contains (`_identifier`), and the parquet path is a bound parameter.
"""

from __future__ import annotations

from pathlib import Path

from museum.store import db, migrations
from museum.backup.manifest import IDENTIFIER
from museum.errors import InputRejected



def _identifier(name: str, allowed: set[str]) -> str:
    """`name` quoted as an SQL identifier, if it is one of ours; anything else is a programming error."""
    if name not in allowed or not IDENTIFIER.fullmatch(name):
        raise ValueError(f"{name!r} is not a table or column of the project's schema")
    return '"' + name + '"'


def schema_columns(con) -> dict[str, list[str]]:
    """Each user table of the database behind `con` with its columns in order."""
    columns: dict[str, list[str]] = {}
    for table, column in db.rows(con, "backup_table_columns"):
        columns.setdefault(table, []).append(column)
    return columns


def load_order(con, tables: list[str]) -> list[str]:
    """`tables` with every table after the tables it refers to (foreign keys)."""
    needs: dict[str, set[str]] = {t: set() for t in tables}
    for table, referenced in db.rows(con, "backup_foreign_keys"):
        if table in needs and referenced in needs and referenced != table:
            needs[table].add(referenced)
    ordered: list[str] = []
    while needs:
        ready = sorted(t for t, wanted in needs.items() if wanted <= set(ordered))
        if not ready:  # a cycle: cannot happen with the project's schema
            raise ValueError(f"foreign keys form a cycle among {sorted(needs)}")
        ordered += ready
        for table in ready:
            del needs[table]
    return ordered


def insert_statement(table: str, columns: list[str], schema: dict[str, list[str]]) -> str:
    allowed_columns = set(schema[table])
    names = ", ".join(_identifier(c, allowed_columns) for c in columns)
    return f"insert into {_identifier(table, set(schema))} ({names}) select {names} from read_parquet($path)"


def delete_statement(table: str, schema: dict[str, list[str]]) -> str:
    return f"delete from {_identifier(table, set(schema))}"


def load_table(con, table: str, parquet: Path, schema: dict[str, list[str]]) -> None:
    """Insert one parquet file's rows into `table`, whose columns it must have exactly."""
    found = list(db.query(con, "backup_parquet_columns", path=str(parquet)).columns)
    expected = schema[table]
    if sorted(found) != sorted(expected):
        raise InputRejected("backup.columns_differ", file=str(parquet), table=table,
                            expected=", ".join(expected), found=", ".join(found)[:500])
    try:
        con.execute(insert_statement(table, expected, schema), {"path": str(parquet)})
    except Exception as exc:
        import duckdb

        if isinstance(exc, duckdb.Error):
            raise InputRejected("backup.load_failed", file=str(parquet), table=table,
                                detail=str(exc).strip().splitlines()[0][:300]) from exc
        raise


def continue_sequences(con, manifest: dict, schema: dict[str, list[str]]) -> None:
    """Draw from each sequence until it reaches the value it had at the backup (or the largest id
    it gave out, whichever is higher), so new rows never collide with restored ones."""
    largest: dict[str, int] = {}
    for table, column, sequence in db.rows(con, "backup_sequence_columns"):
        if not sequence or table not in schema:
            continue
        statement = f"select max({_identifier(column, set(schema[table]))}) from {_identifier(table, set(schema))}"
        top = con.execute(statement).fetchall()[0][0]
        if top is not None:
            largest[sequence] = max(largest.get(sequence, 0), int(top))
    for sequence, start, last in db.rows(con, "backup_sequences"):
        wanted = max(manifest["sequences"].get(sequence) or 0, largest.get(sequence, 0))
        current = last if last is not None else start - 1
        if wanted > current:
            db.scalar(con, "backup_sequence_advance", sequence_name=sequence, steps=wanted - current)


def build(con, source: Path, manifest: dict) -> dict[str, int]:
    """Fill the empty database behind `con` from the verified snapshot in `source`; return the
    row count of each table (equal to the manifest's)."""
    migrations.migrate(con, versions=set(manifest["migrations"]))
    schema = schema_columns(con)
    wanted, have = set(manifest["tables"]), set(schema)
    if wanted != have:
        raise InputRejected("backup.tables_differ", path=str(source),
                            extra=", ".join(sorted(wanted - have)) or "—", missing=", ".join(sorted(have - wanted)) or "—")
    order = load_order(con, sorted(schema))
    with db.transaction(con):
        # rows the migrations wrote (schema_migrations, a salt …) are in the backup too, as they were
        for table in reversed(order):
            con.execute(delete_statement(table, schema))
    with db.transaction(con):
        for table in order:
            load_table(con, table, source / f"{table}.parquet", schema)
        counts = table_counts(con)
        if counts != manifest["tables"]:
            raise InputRejected("backup.counts_differ", path=str(source))
        if migrations.applied_migrations(con) != manifest["migrations"]:
            raise InputRejected("backup.migrations_differ", path=str(source))
        continue_sequences(con, manifest, schema)
    migrations.migrate(con)
    return counts


def table_counts(con) -> dict[str, int]:
    """Rows per table of the database (what a manifest records and a restore checks)."""
    return {name: db.scalar(con, "backup_table_rows", table_name=name) for (name,) in db.rows(con, "backup_tables")}
