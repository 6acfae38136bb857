"""`python -m museum self-evaluation --year Y --out FILE.xlsx|FILE.docx [--lang zh|en]`: write the 绩效自评表
(XLSX) or the 绩效自评报告 (Word), chosen by the file's suffix."""

from __future__ import annotations

from pathlib import Path

from museum.store import audit, batches, db
from museum.cli.common import acting_user, unit, open_initialised
from museum.errors import InputRejected
from museum.i18n import t
from museum.sections.scope import Scope
from museum.targets import report_docx, view, workbook


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("self-evaluation", parents=[common], help="write the year's 绩效自评表 (.xlsx) or 绩效自评报告 (.docx), A4 landscape")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--out", metavar="FILE.xlsx|FILE.docx", required=True)
    parser.add_argument("--institution", metavar="NAME|ID", help="the unit: its exact name or number (needed when the database holds several)")
    parser.add_argument("--user", help="an existing account to record the export under (default: cli:<OS user>)")
    parser.set_defaults(handler=run)


def run(args) -> int:
    out = Path(args.out)
    con = open_initialised(args)
    try:
        actor = acting_user(con, args)
        institution, name = unit(con, args, "export")
        scope = Scope.from_connection(con, institution, name, args.year, args.lang)
        year_view = view.year_targets(scope)
        if not year_view:
            raise InputRejected("targets.cli.no_targets", year=args.year)
        write = report_docx.self_evaluation_docx if out.suffix.lower() == ".docx" else workbook.self_evaluation_xlsx
        content = write(year_view, scope.catalog, institution=name, lang=args.lang)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(content)
        except OSError as exc:
            raise InputRejected("targets.cli.cannot_write", path=str(out), detail=exc.strerror or str(exc)) from exc
        with db.transaction(con):
            audit.record(con, "export", actor, f"self-evaluation {name} {args.year} {args.lang} → {out.absolute()}",
                         batches.sha256(content))
    finally:
        con.close()
    score = view.score_text(year_view.total.score, "exact", args.lang)
    if view.graded(year_view):
        print(t("targets.cli.wrote", args.lang, path=out, indicators=len(year_view.evaluation), score=score,
                grade=view.grade_label(year_view.total.grade, args.lang)))
    else:
        # an unassessed part is open, not zero: no grade until every part is in (issue 18)
        print(t("targets.cli.wrote_open", args.lang, path=out, indicators=len(year_view.evaluation), score=score,
                assessed=view.numbers.format_plain(round(year_view.total.assessed_weight, 2), "en")))
    return 0
