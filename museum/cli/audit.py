"""`python -m museum audit [--json]`: the audit trail, newest first."""

from __future__ import annotations

from museum.store import audit
from museum.cli.common import open_initialised, print_json, print_table
from museum.i18n import t


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("audit", parents=[common], help="print the audit trail (who did what, when)")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.add_argument("--user", help="only this user name")
    parser.add_argument("--action", choices=audit.ACTIONS, help="only this action")
    parser.add_argument("--limit", type=int, help="at most this many lines (newest first)")
    parser.set_defaults(handler=run)


def run(args) -> int:
    con = open_initialised(args)
    try:
        frame = audit.entries(con, user=args.user, action=args.action, limit=args.limit)
    finally:
        con.close()
    if args.json:
        print_json([audit.entry_json(row) for _, row in frame.iterrows()])
        return 0
    if frame.empty:
        print(t("cli.audit.empty", args.lang))
        return 0
    shown = audit.display_frame(frame, args.lang).fillna("")
    print_table(list(shown.columns), shown.astype(str).values.tolist())
    return 0
