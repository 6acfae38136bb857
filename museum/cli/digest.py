"""`python -m museum digest --period P [--send] [--force] [--json]`: the period's digest (at most 20 lines of
markdown), printed, or with --send pushed to every channel of the secrets file (exit 1 when one failed)."""

from __future__ import annotations

import sys

from museum import settings
from museum.export.digest import digest_text
from museum.export.push import send_digest


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("digest", parents=[common], help="the period's digest for leadership; --send pushes it (e-mail, 企业微信, 钉钉)")
    parser.add_argument("--period", required=True, help="2025-04 | 2025-Q2 | 2025-01..2025-04 | 2025")
    parser.add_argument("--send", action="store_true", help="send to every channel configured in the secrets file")
    parser.add_argument("--force", action="store_true", help="send again to recipients that already had this period's digest")
    parser.add_argument("--institution", metavar="NAME|ID", help="the unit: its exact name or number (needed when the database holds several)")
    parser.add_argument("--user", help="an existing account to record the sending under (default: cli:<OS user>)")
    parser.add_argument("--json", action="store_true", help="print period, text and deliveries as JSON")
    parser.set_defaults(handler=run)


def run(args) -> int:
    from museum.cli.monthly import load  # the report's builder, shared with `report`

    monthly, actor = load(args)
    text = digest_text(monthly)
    deliveries = send_digest(monthly, text, settings.db_path(args.db), actor, force=args.force) if args.send else []
    if args.json:
        from museum.cli.common import print_json

        print_json({"period": monthly.period.text, "text": text, "deliveries": [d.json() for d in deliveries]})
    else:
        print(text)
        for delivery in deliveries:
            print(delivery.message(args.lang), file=sys.stderr if delivery.result == "failed" else sys.stdout)
    return 1 if any(d.result == "failed" for d in deliveries) else 0
