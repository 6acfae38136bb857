"""`python -m museum stats-sheet --form kepu|kexie --year Y --out FILE.xlsx [--json]`: a statistics form's preparation sheet."""

from __future__ import annotations

from pathlib import Path

from museum.cli.common import acting_user, unit, open_initialised, print_json
from museum.forms import files, sheets, workbook
from museum.forms.mapping import FORMS
from museum.i18n import t
from museum.sections.scope import Scope
from museum.store import audit, batches, db


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("stats-sheet", parents=[common],
                                   help="the 科普统计 (kepu) or 科协综合统计 (kexie) preparation sheet as XLSX")
    parser.add_argument("--form", choices=FORMS, required=True)
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--out", metavar="FILE.xlsx", required=True)
    parser.add_argument("--institution", metavar="NAME|ID", help="the unit: its exact name or number (needed when the database holds several)")
    parser.add_argument("--user", help="an existing account to record the export under (default: cli:<OS user>)")
    parser.add_argument("--json", action="store_true",
                        help="one object per line: table, indicator, unit, value, actual, planned, metric, source")
    parser.set_defaults(handler=run)


def scopes(con, institution: int, name: str, lang: str):
    """scope_of(period): one scope per period, each reading its frames once."""
    made: dict = {}

    def scope_of(period):
        if period not in made:
            made[period] = Scope.from_connection(con, institution, name, period, lang)
        return made[period]
    return scope_of


def run(args) -> int:
    out = Path(args.out)
    con = open_initialised(args)
    try:
        actor = acting_user(con, args)
        institution, name = unit(con, args, "export")
        found = sheets.rows(args.form, scopes(con, institution, name, args.lang), args.year)
        content = workbook.sheet_xlsx(args.form, args.year, name, found)
        files.write(out, content)
        with db.transaction(con):
            audit.record(con, "export", actor, f"stats-sheet {args.form} {name} {args.year} → {out.absolute()}",
                         batches.sha256(content))
    finally:
        con.close()
    if args.json:
        print_json([row.to_json() for row in found])
        return 0
    filled = sum(1 for r in found if r.value != sheets.NOT_REPORTED and r.line.kind == "field")
    print(t("forms.cli.sheet_wrote", args.lang, path=out, filled=filled, lines=sum(1 for r in found if r.line.kind == "field"),
            collect=len(sheets.to_collect(found))))
    return 0
