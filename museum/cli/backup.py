"""`python -m museum backup DIR` and `python -m museum restore DIR`."""

from __future__ import annotations

from pathlib import Path

from museum import backup, settings
from museum.cli.common import cli_actor, open_initialised
from museum.i18n import t


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("backup", parents=[common], help="write a consistent snapshot of the database into DIR")
    parser.add_argument("directory", metavar="DIR", help="a new or empty directory")
    parser.set_defaults(handler=run_backup)

    parser = subparsers.add_parser("restore", parents=[common], help="rebuild the database from a snapshot in DIR")
    parser.add_argument("directory", metavar="DIR", help="a directory written by `backup`")
    parser.set_defaults(handler=run_restore)


def run_backup(args) -> int:
    con = open_initialised(args)
    try:
        manifest = backup.backup(con, args.directory, actor=cli_actor())
    finally:
        con.close()
    tables = manifest["tables"]
    print(t("cli.backup.done", args.lang, path=Path(args.directory).absolute(), tables=len(tables), rows=sum(tables.values())))
    return 0


def run_restore(args) -> int:
    result = backup.restore(args.directory, settings.db_path(args.db), actor=cli_actor())
    print(t("cli.restore.done", args.lang, path=result["path"], rows=sum(result["tables"].values())))
    if result["kept_previous"]:
        print(t("cli.restore.kept", args.lang, kept=result["kept_previous"]))
    return 0
