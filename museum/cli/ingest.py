"""`python -m museum ingest FILE [--dry-run] [--user NAME] [--json]`: validate and import one file."""

from __future__ import annotations

import sys
from pathlib import Path

from museum import ingest
from museum.cli.common import acting_user, choose_institution, open_initialised, print_json
from museum.errors import InputRejected
from museum.i18n import t


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("ingest", parents=[common], help="validate a CSV/XLSX file and import it as one batch")
    parser.add_argument("file", metavar="FILE", help=".csv / .txt / .tsv / .xlsx")
    parser.add_argument("--dry-run", action="store_true", help="validate and compare only; write nothing")
    parser.add_argument("--user", help="an existing account to record the batch under (default: cli:<OS user>)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def run(args) -> int:
    path = Path(args.file)
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise InputRejected("intake.cli.cannot_read", path=str(path), detail=exc.strerror or str(exc)) from exc
    analysis = ingest.analyse(content, path.name)  # read and validate before the database is opened
    con = open_initialised(args)
    try:
        actor = acting_user(con, args)
        institution, _ = choose_institution(con, None)
        result = ingest.store(con, institution, analysis, actor=actor, dry_run=args.dry_run)
    finally:
        con.close()
    if args.json:
        print_json(result.to_json(args.lang))
    else:
        print_result(result, args.lang)
    return 1 if result.status == "rejected" else 0


def problem_line(problem, lang: str) -> str:
    if problem.row is None:
        return t("intake.cli.problem_file", lang, message=problem.message(lang))
    if problem.value is None:
        return t("intake.cli.problem_row", lang, row=problem.row, column=problem.column, message=problem.message(lang))
    return t("intake.cli.problem", lang, row=problem.row, column=problem.column, value=problem.value, message=problem.message(lang))


def print_result(result: ingest.Analysis, lang: str) -> None:
    layout = t(f"intake.layout.{result.layout}", lang) if result.layout else "—"
    counts = dict(
        file=result.file_name,
        inserted=result.counts.inserted,
        updated=result.counts.updated,
        unchanged=result.counts.unchanged,
        skipped=result.skipped,
        encoding=result.encoding or "—",
        layout=layout,
    )
    for notice in result.notices:
        print(t("intake.cli.warning", lang, message=notice.message(lang)), file=sys.stderr)
    if result.status == "rejected":
        print(t("intake.cli.rejected", lang, file=result.file_name, count=len(result.errors)), file=sys.stderr)
        for problem in result.errors:
            print("  " + problem_line(problem, lang), file=sys.stderr)
    elif result.status == "duplicate":
        print(t("intake.cli.duplicate", lang, file=result.file_name, batch_id=result.duplicate_of))
    elif result.status == "committed":
        print(t("intake.cli.committed", lang, batch_id=result.batch_id, **counts))
    else:
        print(t("intake.cli.valid", lang, **counts))
