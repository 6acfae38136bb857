"""`python -m museum backup DIR` and `python -m museum restore DIR [--allow-unsigned]`."""

from __future__ import annotations

import sys
from pathlib import Path

from museum import backup, seed, settings
from museum.backup import accounts as backup_accounts
from museum.store import db
from museum.cli.common import cli_actor, open_read_only
from museum.i18n import t


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("backup", parents=[common], help="write a consistent, signed snapshot of the database into DIR")
    parser.add_argument("directory", metavar="DIR", help="a new or empty directory")
    parser.set_defaults(handler=run_backup)

    parser = subparsers.add_parser("restore", parents=[common], help="rebuild the database from a snapshot in DIR")
    parser.add_argument("directory", metavar="DIR", help="a directory written by `backup`")
    parser.add_argument("--allow-unsigned", action="store_true",
                        help="accept an unsigned backup although a backup key is configured")
    parser.add_argument("--allow-older", action="store_true",
                        help="accept a snapshot older than this database's latest backup")
    parser.add_argument("--allow-account-changes", action="store_true",
                        help="accept a restore that gives an account access back (it returns, or its role or password reverts)")
    parser.set_defaults(handler=run_restore)


def run_backup(args) -> int:
    path = settings.db_path(args.db)
    with db.session(path) as con:  # the serial is counted before the snapshot, which carries it
        seed.init(con)  # what open_read_only would do for a missing or unmigrated database
        serial = backup_accounts.next_serial(con)
    # the snapshot reads through a read-only connection (a missing or unmigrated database is
    # initialised first): the dashboard keeps reading meanwhile
    con = open_read_only(path)
    try:
        manifest = backup.write_snapshot(con, args.directory, actor=cli_actor(), serial=serial)
    finally:
        con.close()
    with db.session(path) as con:
        backup.record_backup(con, args.directory, manifest, actor=cli_actor())
    tables = manifest["tables"]
    print(t("cli.backup.done", args.lang, path=Path(args.directory).absolute(), tables=len(tables), rows=sum(tables.values())))
    if manifest["signature"]:
        print(t("cli.backup.signed", args.lang, key_id=manifest["signature"]["key_id"]))
    else:
        print(t("cli.backup.unsigned", args.lang), file=sys.stderr)
    return 0


def run_restore(args) -> int:
    result = backup.restore(args.directory, settings.db_path(args.db), actor=cli_actor(), allow_unsigned=args.allow_unsigned,
                            unchanged_since=getattr(args, "started_at", None), allow_older=args.allow_older,
                            allow_account_changes=args.allow_account_changes)
    print(t("cli.restore.done", args.lang, path=result["path"], rows=sum(result["tables"].values())))
    if result["kept_previous"]:
        print(t("cli.restore.kept", args.lang, kept=result["kept_previous"]))
    print(t("cli.restore.signature", args.lang, status=backup.describe_signature(result["signature"], args.lang)),
          file=sys.stdout if result["signature"] == "signed" else sys.stderr)
    if result["account_changes"]:
        changes = result["account_changes"]
        print(t("cli.restore.account_changes", args.lang, count=len(changes), changes="; ".join(c.text() for c in changes)),
              file=sys.stderr)
    if result["replaced_batches"]:
        batches = "、".join(f"#{b}" for b in result["replaced_batches"])
        print(t("cli.restore.replaced_batches", args.lang, count=len(result["replaced_batches"]), batches=batches,
                kept=result["kept_previous"]))
    return 0
