"""`python -m museum rollback BATCH_ID [--institution NAME|ID] [--user NAME]`: undo one batch exactly (itself recorded as a batch)."""

from __future__ import annotations

from museum.intake import ingest
from museum.cli.common import acting_user, choose_institution, open_initialised, require_in
from museum.errors import InputRejected
from museum.i18n import t
from museum.store import db


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("rollback", parents=[common], help="roll back one batch (refused when later batches changed its values)")
    parser.add_argument("batch_id", metavar="BATCH_ID", type=int)
    parser.add_argument("--user", help="an existing account to record the rollback under (default: cli:<OS user>)")
    parser.add_argument("--institution", metavar="NAME|ID",
                        help="the unit the batch must belong to (a check: the batch's own unit is the one rolled back)")
    parser.set_defaults(handler=run)


def batch_unit(con, args) -> int | None:
    """The unit of the batch to roll back, checked against --institution and --user's rights there."""
    found = db.rows(con, "batch_institution", batch_id=args.batch_id)
    if not found:
        return None  # museum.intake.ingest.rollback says that there is no such batch, as before
    institution = found[0][0]
    if args.institution:
        chosen, name = choose_institution(con, args.institution)
        if chosen != institution:
            from museum.access import rights

            raise InputRejected("cli.batch_elsewhere", batch_id=args.batch_id, chosen=name,
                                actual=rights.institution_name(con, institution))
    require_in(con, args, "rollback", institution)
    return institution


def run(args) -> int:
    con = open_initialised(args)
    try:
        batch_unit(con, args)
        rollback_id = ingest.rollback(con, args.batch_id, actor=acting_user(con, args))
    finally:
        con.close()
    print(t("intake.cli.rolled_back", args.lang, batch_id=args.batch_id, rollback_id=rollback_id))
    return 0
