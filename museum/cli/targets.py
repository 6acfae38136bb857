"""`python -m museum targets import FILE --year Y` and `targets list --year Y`: the year's 绩效目标."""

from __future__ import annotations

import sys
from pathlib import Path

from museum import catalog, numbers
from museum.cli.common import acting_user, open_initialised, print_json, print_table, unit
from museum.errors import InputRejected
from museum.i18n import t
from museum.sections.scope import Scope
from museum.targets import importer, view


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("targets", parents=[common], help="performance targets (绩效目标): import a sheet, list progress")
    actions = parser.add_subparsers(dest="targets_command", required=True, metavar="ACTION")
    imported = actions.add_parser("import", parents=[common], help="import a 绩效目标表 (.xlsx/.xls/.csv) as the targets of a year")
    imported.add_argument("file", metavar="FILE")
    imported.add_argument("--year", type=int, required=True, help="the year the targets are for")
    imported.add_argument("--dry-run", action="store_true", help="check and compare only; write nothing")
    imported.add_argument("--user", help="an existing account to record the batch under (default: cli:<OS user>)")
    imported.add_argument("--institution", metavar="NAME|ID", help="the unit: its exact name or number (needed when the database holds several)")
    imported.add_argument("--json", action="store_true", help="print one JSON object")
    imported.set_defaults(handler=run_import)
    listed = actions.add_parser("list", parents=[common], help="every indicator of a year: target, actual, completion, score")
    listed.add_argument("--year", type=int, required=True)
    listed.add_argument("--institution", metavar="NAME|ID", help="the unit: its exact name or number (needed when the database holds several)")
    listed.add_argument("--user", help="an existing account to act as; refused in a unit it may not see")
    listed.add_argument("--json", action="store_true", help="one object per indicator")
    listed.set_defaults(handler=run_list)


def run_import(args) -> int:
    path = Path(args.file)
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise InputRejected("targets.cli.cannot_read", path=str(path), detail=exc.strerror or str(exc)) from exc
    parsed = importer.parse(content, path.name, args.year)  # read and check before the database is opened
    con = open_initialised(args)
    try:
        actor = acting_user(con, args)
        institution, _ = unit(con, args, "correct")
        if parsed.status == "rejected":
            if not args.dry_run:
                importer.record_rejection(con, parsed, actor=actor)
        elif args.dry_run:
            importer.preview(con, institution, parsed)
        else:
            importer.commit(con, institution, parsed, actor=actor)
    finally:
        con.close()
    if args.json:
        print_json(parsed.to_json(args.lang))
    else:
        _print_import(parsed, args.lang)
    return 1 if parsed.status == "rejected" else 0


def _print_import(parsed: importer.Parsed, lang: str) -> None:
    for notice in parsed.notices:
        print(t("targets.cli.warning", lang, message=notice.message(lang)), file=sys.stderr)
    if parsed.status == "rejected":
        print(t("targets.cli.rejected", lang, file=parsed.file_name, count=len(parsed.errors)), file=sys.stderr)
        for line in importer.problem_lines(parsed.errors, lang):
            print("  " + line, file=sys.stderr)
        return
    cat = catalog.load()
    for indicator, metric_id in parsed.links.items():
        linked = cat[metric_id].name(lang) + f" ({metric_id})" if metric_id else t("targets.cli.unlinked", lang)
        print(t("targets.cli.link", lang, indicator=indicator, metric=linked))
    counts = dict(file=parsed.file_name, year=parsed.year, indicators=len(parsed.records), inserted=parsed.counts.inserted,
                  updated=parsed.counts.updated, unchanged=parsed.counts.unchanged, removed=parsed.removed,
                  weight=numbers.format_plain(parsed.weight_total, "en"))
    key = {"committed": "targets.cli.committed", "duplicate": "targets.cli.duplicate",
           "pending": "targets.cli.pending"}.get(parsed.status, "targets.cli.valid")
    print(t(key, lang, batch_id=parsed.batch_id, **counts))


def run_list(args) -> int:
    con = open_initialised(args)
    try:
        institution, name = unit(con, args)
        scope = Scope.from_connection(con, institution, name, args.year, args.lang)
        year_view = view.year_targets(scope)
        rows = view.list_json(year_view)
        table = view.indicator_rows(year_view, scope.catalog, args.lang)
        completions = [view.pct_text(c, q, args.lang) for c, q in
                       zip(year_view.evaluation["completion_pct"], year_view.evaluation["completion_qualifier"])]
        sentences = view.total_sentences(year_view, args.lang) if year_view else []
    finally:
        con.close()
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(t("targets.cli.none", args.lang, year=args.year))
        return 0
    headers = [t(f"targets.table.{key}", args.lang) for key in ("indicator", "target", "actual", "completion", "weight", "score")]
    print_table(headers, [[r["indicator"], r["target"], r["actual"], c, r["weight"], r["score"]] for r, c in zip(table, completions)])
    for line in sentences:
        print(line)
    return 0
