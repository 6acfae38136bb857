"""`python -m museum init`: create or migrate the database and load the embedded data."""

from __future__ import annotations

from museum import seed, settings
from museum.store import db
from museum.i18n import t


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("init", parents=[common], help="create or migrate the database; load embedded data if empty")
    parser.set_defaults(handler=run)


def run(args) -> int:
    path = settings.db_path(args.db)
    with db.session(path) as con:
        result = seed.init(con)
    print(t("cli.init.done", args.lang, path=path, migrations=len(result["migrations"]), batches=len(result["seed_batches"])))
    return 0
