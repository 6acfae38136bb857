"""`python -m museum db roles`: the PostgreSQL store's roles and grants, and its migrations as the
owner role (an admin's step; docs/deployment.md §5b, museum.store.pg_roles)."""

from __future__ import annotations

from museum import seed, settings
from museum.errors import UsageError
from museum.i18n import t
from museum.store import db, pg, pg_roles


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("db", help="administration of the PostgreSQL store")
    actions = parser.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    roles = actions.add_parser(
        "roles", parents=[common],
        help="create or update the roles museum_owner, museum_writer, museum_reader; migrate as museum_owner; "
             "grant the app roles (--db: an admin's postgresql:// URL of the database; passwords from "
             "MUSEUM_WRITER_PASSWORD / MUSEUM_READER_PASSWORD)")
    roles.set_defaults(handler=run)


def run(args) -> int:
    path = settings.db_path(args.db)
    if not isinstance(path, settings.DatabaseUrl):
        raise UsageError("cli.db_roles.not_postgresql", path=str(path))
    with db.session(path) as con:
        result = pg_roles.prepare(con, seed.init, pg_roles.passwords_from_env())
    created = ", ".join(result["created"]) or "-"
    print(t("cli.db_roles.done", args.lang, path=pg.redacted(path), created=created,
            owner_changes=result["owner_changes"], migrations=len(result["migrations"]),
            batches=len(result["seed_batches"])))
    return 0
