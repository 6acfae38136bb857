"""`python -m museum enter --period 2025-04 METRIC=VALUE ... [--user NAME] [--json] [--allow-implausible]`: typed monthly entry."""

from __future__ import annotations

import sys

from museum import catalog, period as periods
from museum.cli.common import acting_user, add_unit_options, open_initialised, print_json, unit
from museum.errors import InputRejected, UsageError
from museum.i18n import t
from museum.intake import entry
from museum.intake.values import year_bounds


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("enter", parents=[common], help="type one month's figures (数据填报) as one batch")
    parser.add_argument("--period", required=True, help="the month, e.g. 2025-04")
    parser.add_argument("values", nargs="+", metavar="METRIC=VALUE", help='e.g. visitors=1,234 or "events=超50"')
    parser.add_argument("--allow-implausible", action="store_true",
                        help="confirm every warning (beyond a bound, over 3× or under a third of last year's month)")
    add_unit_options(parser)
    parser.add_argument("--user", help="an existing account to record the batch under (an editor or admin of the unit; default: cli:<OS user>)")
    parser.add_argument("--json", action="store_true", help="print one JSON object (the keys of ingest --json)")
    parser.set_defaults(handler=run)


def parse_pairs(pairs: list[str]) -> dict[str, str]:
    """METRIC=VALUE arguments as metric id -> text (a metric named twice: the last one)."""
    cells = {}
    for pair in pairs:
        metric, sep, value = pair.partition("=")
        if not sep or not metric.strip():
            raise UsageError("entry.cli.bad_pair", pair=pair)
        cells[metric.strip()] = value
    return cells


def run(args) -> int:
    chosen = periods.parse(args.period)
    if chosen.kind != "month":
        first, last = year_bounds()
        raise InputRejected("entry.bad_period", period=args.period, first=first, last=last)
    cells = parse_pairs(args.values)
    cat = catalog.load()
    con = open_initialised(args)
    try:
        actor = acting_user(con, args)
        institution, _ = unit(con, args, "upload")
        confirmed = set(cells) if args.allow_implausible else set()
        result = entry.submit(con, institution, chosen.year, chosen.first, cells, actor=actor, confirmed=confirmed, cat=cat)
    finally:
        con.close()
    if args.json:
        print_json(result.to_json(args.lang))
    else:
        print_result(result, cells, args.lang)
    return 1 if result.status == "rejected" else 0


def print_result(result: entry.Entered, cells: dict[str, str], lang: str) -> None:
    shown = f"{result.year}-{result.month:02d}"
    for notice in result.checked.notices:
        print(t("intake.cli.warning", lang, message=notice.message(lang)), file=sys.stderr)
    if result.status == "rejected":
        keys = list(cells)
        print(t("entry.cli.rejected", lang, period=shown), file=sys.stderr)
        for problem in result.checked.errors + list(result.checked.to_confirm.values()):
            metric = keys[problem.row - 1]
            print(t("entry.cli.problem", lang, pair=f"{metric}={cells[metric]}", message=problem.message(lang)),
                  file=sys.stderr)
        if result.checked.to_confirm:
            print(t("entry.cli.confirm_hint", lang), file=sys.stderr)
    elif result.status == "pending":
        print(t("review.submitted", lang, batch_id=result.batch_id))
    else:
        print(t("entry.cli.committed", lang, period=shown, batch_id=result.batch_id, inserted=result.counts.inserted,
                updated=result.counts.updated, unchanged=result.counts.unchanged))
