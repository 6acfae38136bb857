"""Helpers shared by subcommands: opening the database, choosing the institution, printing."""

from __future__ import annotations

import json
import sys

from museum import institutions, seed, settings
from museum.store import db, migrations
from museum.errors import DatabaseError, UsageError


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
        if not migrations.pending_migrations(con):
            return con
        con.close()
    if not initialise:
        return None
    with db.session(path) as con:
        seed.init(con)
    return db.connect(path, read_only=True)


def choose_institution(con, name: str | None) -> tuple[int, str]:
    """`--institution NAME|ID` (its exact name or number), else the only institution; a usage
    error listing the units when the name is unknown or none is named among several."""
    return institutions.resolve(institutions.table(con), name)


def add_unit_options(parser, *, user: bool = False) -> None:
    """`--institution NAME|ID` (and `--user NAME` for a command that had none): every command
    about one unit's data takes them with the same spelling."""
    parser.add_argument("--institution", metavar="NAME|ID",
                        help="the unit: its exact name or number (needed when the database holds several)")
    if user:
        parser.add_argument("--user", help="an existing account to act as; refused in a unit it may not see")


def unit(con, args, action: str = "view") -> tuple[int, str]:
    """(id, name) of the unit a command works on, refused unless `--user` may do `action` in it."""
    chosen = choose_institution(con, getattr(args, "institution", None))
    require_in(con, args, action, chosen[0])
    return chosen


def require_in(con, args, action: str, institution_id: int) -> None:
    """Refuse (a message, an audit line, nothing changed) unless `--user` may do `action` in the
    unit. Without `--user` the command acts as the operating-system user, who holds the database
    file itself, as before rights per institution."""
    from museum.access import rights

    if not getattr(args, "user", None):
        return
    user = acting_user(con, args)
    if rights.can_in(con, user, action, institution_id):
        return
    refusal = rights.refuse(con, user, action, institution_id, record=False)
    try:
        rights.record_refusal(con, user, action, institution_id)
    except DatabaseError:  # a read-only connection (a read, a dry run): the line goes through a short write
        con.close()
        with db.session(settings.db_path(args.db)) as writer:
            rights.record_refusal(writer, user, action, institution_id)
    raise refusal


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

    account = auth.get_user(con, name)
    if account is None:
        raise UsageError("cli.unknown_user", name=name)
    return account.name  # as stored (NFKC, trimmed): " boss" and "ｂｏｓｓ" are boss, also to the four-eyes check


def cli_actor() -> str:
    """Who a command acts as in the audit trail: the operating-system user, marked as CLI."""
    import getpass

    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no passwd entry, e.g. an anonymous container user
        return "cli"
