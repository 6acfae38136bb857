"""`python -m museum report --period P --out DIR [--json]`: the operations report of a period (.docx, .pdf and
the 工作简报 .txt); `python -m museum digest --period P [--send] [--json]`: its short digest, pushed to leadership."""

from __future__ import annotations

import sys
from pathlib import Path

from museum import period as periods
from museum.cli.common import acting_user, open_initialised, print_json, unit
from museum.export.monthly import Monthly, build_monthly
from museum.export.monthly_files import render_files
from museum.i18n import t
from museum.store import audit, db

HEADLINE_KEYS = ("metric", "value", "qualifier", "change_pct", "previous_change_pct")


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("report", parents=[common], help="the operations report of a period: 运营月报 (.docx, .pdf) and 工作简报 (.txt)")
    parser.add_argument("--period", required=True, help="2025-04 | 2025-Q2 | 2025-01..2025-04 | 2025")
    parser.add_argument("--out", metavar="DIR", required=True, help="folder to write into (created if missing)")
    parser.add_argument("--institution", metavar="NAME|ID", help="the unit: its exact name or number (needed when the database holds several)")
    parser.add_argument("--user", help="an existing account to record the export under (default: cli:<OS user>)")
    parser.add_argument("--json", action="store_true", help="print period, files, headline, exceptions, tasks_done, tasks_next")
    parser.set_defaults(handler=run_report)
    from museum.cli import digest  # the digest shares this module's report builder

    digest.register(subparsers, common)


def headline_json(monthly: Monthly) -> list[dict]:
    return [dict(zip(HEADLINE_KEYS, (k.metric.metric_id, k.value, k.qualifier, k.change_pct, k.previous_change_pct)))
            for k in monthly.headline]


def summary_json(monthly: Monthly, files: list[str]) -> dict:
    """Exactly the keys the issue names."""
    return {"period": monthly.period.text, "files": files, "headline": headline_json(monthly),
            "exceptions": [f.json() for f in monthly.findings], "tasks_done": monthly.tasks_done,
            "tasks_next": monthly.tasks_next}


def load(args) -> tuple[Monthly, str]:
    """The report of args.period and the acting user (the database is closed again before rendering)."""
    chosen = periods.parse(args.period)
    con = open_initialised(args)
    try:
        actor = acting_user(con, args)
        _, name = unit(con, args, "export")
        return build_monthly(con, chosen, args.lang, institution=name), actor
    finally:
        con.close()


def run_report(args) -> int:
    monthly, actor = load(args)
    rendered = render_files(monthly)
    out = Path(args.out)
    written = rendered.write(out)
    with db.session(args.db) as con, db.transaction(con):
        audit.record(con, "export", actor, f"report {monthly.report.institution} {monthly.period.text} {args.lang} → {out.absolute()}")
    if args.json:
        print_json(summary_json(monthly, [str(p) for p in written]))
        return 0
    for path in written:
        print(t("export.cli.wrote", args.lang, path=path, size=f"{path.stat().st_size / 1024:.1f} KB"))
    print(t("monthly.cli.done", args.lang, period=monthly.period.label(args.lang), out=out, files=len(written),
            charts=len(monthly.report.charts)), file=sys.stdout)
    return 0
