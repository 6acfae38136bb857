"""`python -m museum draft-report --year Y --out DIR [--json]`: the year's 事业单位法人年度报告 draft."""

from __future__ import annotations

from pathlib import Path

from museum.cli.common import acting_user, unit, open_initialised, print_json
from museum.forms import draft as draft_module
from museum.forms import files
from museum.i18n import t
from museum.sections.scope import Scope
from museum.store import audit, batches, db


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("draft-report", parents=[common],
                                   help="draft the year's 事业单位法人年度报告 (.docx and the portal's .txt)")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--out", metavar="DIR", required=True)
    parser.add_argument("--institution", metavar="NAME|ID", help="the unit: its exact name or number (needed when the database holds several)")
    parser.add_argument("--user", help="an existing account to record the export under (default: cli:<OS user>)")
    parser.add_argument("--json", action="store_true", help="print year, fields, figures, missing, files")
    parser.set_defaults(handler=run_draft)


def run_draft(args) -> int:
    out = Path(args.out)
    con = open_initialised(args)
    try:
        actor = acting_user(con, args)
        institution, name = unit(con, args, "export")
        scope = Scope.from_connection(con, institution, name, args.year, args.lang)
        draft = draft_module.build(scope)
        written = [files.write(out / file_name, content) for file_name, content in files.draft_bytes(draft).items()]
        with db.transaction(con):
            for path in written:
                audit.record(con, "export", actor, f"draft-report {name} {args.year} → {path.absolute()}",
                             batches.sha256(path.read_bytes()))
    finally:
        con.close()
    if args.json:
        print_json(draft.to_json([str(p) for p in written]))
        return 0
    print(t("forms.cli.draft_wrote", args.lang, paths="、".join(str(p) for p in written), figures=len(draft.figures),
            missing=len(draft.missing)))
    for item in draft.missing:
        print(t("forms.cli.missing_item", args.lang, item=item))
    return 0
