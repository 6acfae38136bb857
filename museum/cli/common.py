"""Helpers shared by subcommands: opening the database, choosing the institution, printing."""

from __future__ import annotations

import json
import sys

from museum import institutions, seed, settings
from museum.store import db
from museum.errors import DatabaseError, InputRejected, UsageError


def open_initialised(args):
    """A connection to an initialised database (migrations applied, catalog synced).

    A dry run (`args.dry_run`) gets a read-only connection and takes no write lock, so it never
    keeps a writer or the dashboard waiting. In a read-only directory, commands that only read
    still work on an initialised database; one that writes then says the directory is read-only.
    """
    path = settings.db_path(args.db)
    if getattr(args, "dry_run", False):
        return open_read_only(path)
    try:
        con = db.connect(path)
    except DatabaseError as exc:
        fallback = open_read_only(path, initialise=False) if exc.key == "db.read_only" and path.exists() else None
        if fallback is None:
            raise
        return fallback
    try:
        seed.init(con)
    except BaseException:
        con.close()
        raise
    return con


def open_read_only(path, *, initialise: bool = True):
    """A read-only connection to an initialised database. A database that is missing or needs
    migrations is initialised first (a short write) when `initialise`, else None is returned."""
    if path.exists():
        con = db.connect(path, read_only=True)
        if not db.pending_migrations(con):
            return con
        con.close()
    if not initialise:
        return None
    with db.session(path) as con:
        seed.init(con)
    return db.connect(path, read_only=True)


def choose_institution(con, name: str | None) -> tuple[int, str]:
    """The named institution, else the default one (see museum.institutions)."""
    return institutions.choose(institutions.table(con), name)


def print_json(payload) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    """A plain aligned table; CJK characters count as two columns."""
    import unicodedata

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    widths = [max(width(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, ["-" * w for w in widths], *rows]:
        cells = [str(cell) + " " * (w - width(str(cell))) for cell, w in zip(row, widths)]
        print("  ".join(cells).rstrip())


def acting_user(con, args) -> str:
    """Who a writing command acts as: `--user NAME` when that account exists (refused otherwise,
    so nobody can credit a change to a colleague by typing a name), else the OS user as `cli:<user>`."""
    name = getattr(args, "user", None)
    if not name:
        return cli_actor()
    from museum.access import auth

    if auth.get_user(con, name) is None:
        raise UsageError("cli.unknown_user", name=name)
    return name


def cli_actor() -> str:
    """Who a command acts as in the audit trail: the operating-system user, marked as CLI."""
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no passwd entry, e.g. an anonymous container user
        return "cli"
