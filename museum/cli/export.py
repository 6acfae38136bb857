"""`python -m museum export --year Y --out DIR [--lang zh|en]`: write the annual report pack."""

from __future__ import annotations

from pathlib import Path

from museum.store import audit, db
from museum.cli.common import acting_user, open_initialised, unit
from museum.export.content import build_report
from museum.export.pack import pack_from_report
from museum.i18n import t


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("export", parents=[common], help="write the annual pack: the summary (.docx, .pdf), charts/, the data (.xlsx, .csv) and a zip of them all")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--out", metavar="DIR", required=True, help="folder to write into (created if missing)")
    parser.add_argument("--institution", metavar="NAME|ID", help="the unit: its exact name or number (needed when the database holds several)")
    parser.add_argument("--user", help="an existing account to record the export under (default: cli:<OS user>)")
    parser.set_defaults(handler=run)


def _size(count: int) -> str:
    return f"{count / 1024:.1f} KB" if count < 1024 * 1024 else f"{count / 1024 / 1024:.1f} MB"


def run(args) -> int:
    con = open_initialised(args)
    try:
        actor = acting_user(con, args)
        _, name = unit(con, args, "export")
        report = build_report(con, args.year, args.lang, institution=name)
    finally:
        con.close()  # the database is free again while the charts render
    pack = pack_from_report(report)
    out = Path(args.out)
    for path in pack.write(out):
        print(t("export.cli.wrote", args.lang, path=path, size=_size(path.stat().st_size)))
    with db.session(args.db) as con, db.transaction(con):
        audit.record(con, "export", actor, f"pack {report.institution} {args.year} {args.lang} → {out.absolute()}",
                     pack.sha256)
    print(t("export.cli.done", args.lang, year=args.year, out=out, files=len(pack.files), charts=pack.chart_count))
    return 0
