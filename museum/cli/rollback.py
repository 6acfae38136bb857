"""`python -m museum rollback BATCH_ID`: undo one batch exactly (itself recorded as a batch)."""

from __future__ import annotations

from museum.intake import ingest
from museum.cli.common import acting_user, open_initialised
from museum.i18n import t


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("rollback", parents=[common], help="roll back one batch (refused when later batches changed its values)")
    parser.add_argument("batch_id", metavar="BATCH_ID", type=int)
    parser.add_argument("--user", help="an existing account to record the rollback under (default: cli:<OS user>)")
    parser.set_defaults(handler=run)


def run(args) -> int:
    con = open_initialised(args)
    try:
        rollback_id = ingest.rollback(con, args.batch_id, actor=acting_user(con, args))
    finally:
        con.close()
    print(t("intake.cli.rolled_back", args.lang, batch_id=args.batch_id, rollback_id=rollback_id))
    return 0
