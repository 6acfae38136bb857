"""`python -m museum parse-report FILE --json` and `python -m museum import-report FILE`."""

from __future__ import annotations

import sys
from pathlib import Path

from museum.report import importer as report_import, parser as report_parser
from museum.report.parser import safety
from museum.cli.common import acting_user, open_initialised, print_json
from museum.errors import InputRejected
from museum.i18n import t


def register(subparsers, common) -> None:
    parse = subparsers.add_parser("parse-report", parents=[common], help="read a 事业单位法人年度报告 (.txt/.html/.docx) and print what was understood")
    parse.add_argument("file", metavar="FILE")
    parse.add_argument("--json", action="store_true", help="print one JSON object")
    parse.set_defaults(handler=run_parse)

    load = subparsers.add_parser("import-report", parents=[common], help="import a 事业单位法人年度报告 as one batch")
    load.add_argument("file", metavar="FILE")
    load.add_argument("--user", help="an existing account to record the batch under (default: cli:<OS user>)")
    load.add_argument("--dry-run", action="store_true", help="check and show what would change; write nothing")
    load.add_argument("--json", action="store_true", help="print one JSON object (keys as `ingest --json`)")
    load.add_argument("--allow-implausible", action="store_true", help="accept figures beyond a metric's plausible bound (checked by hand)")
    load.add_argument("--institution", metavar="NAME|ID", help="the unit the report must be of (a check: the report names its unit)")
    load.add_argument("--new-institution", action="store_true", help="the report's unit is new: register it (refused without)")
    load.set_defaults(handler=run_import)


def _read(path_text: str) -> tuple[bytes | None, str, str]:
    """(bytes, name, sha256); bytes is None for a file too large to be a report (never read whole)."""
    path = Path(path_text)
    if not path.is_file():
        raise InputRejected("report.cli.no_file", path=path_text)
    content, digest = safety.check_report_file(path)
    return content, path.name, digest


def _parse(content: bytes | None, name: str, path_text: str):
    if content is None:
        safety.check_report_size(Path(path_text).stat().st_size, name)
    return report_parser.parse_bytes(content, name)


def run_parse(args) -> int:
    content, name, _digest = _read(args.file)
    parsed = _parse(content, name, args.file)
    if args.json:
        print_json(parsed.to_json())
        return 0
    info = parsed.institution_json()
    print(t("report.cli.parsed", args.lang, name=info["name"] or "—", year=parsed.year, layout=parsed.layout,
            metrics=len(parsed.metrics), awards=len(parsed.awards), honors=len(parsed.honors),
            research=len(parsed.research), unplaced=len(parsed.unplaced)))
    return 0


def _authorise(con, args, institution: int | None, parsed) -> None:
    """The unit named with --institution must be the report's; --user must be allowed to import
    there (or, for a new unit, to import at all)."""
    from museum.access import auth, rights
    from museum.cli.common import choose_institution, require_in

    if args.institution:
        chosen, name = choose_institution(con, args.institution)
        if chosen != institution:
            report_name = parsed.institution or "—"
            raise InputRejected("cli.institution_mismatch", report=report_name, chosen=name)
    if institution is not None:
        require_in(con, args, "import_report", institution)
    elif args.user and not auth.can(auth.require_user(con, args.user).role, "import_report"):
        raise rights.refuse(con, auth.require_user(con, args.user).name, "import_report", None, name=parsed.institution,
                            record=not args.dry_run)


def run_import(args) -> int:
    content, name, digest = _read(args.file)
    try:  # read and check the report before the database is opened (its lock is held only to write)
        parsed, refusal = _parse(content, name, args.file), None
    except InputRejected as exc:
        parsed, refusal = None, exc
    con = open_initialised(args)
    try:
        actor = acting_user(con, args)
        if refusal is not None:
            if not args.dry_run:
                report_import.record_rejection(con, None, 1, actor=actor, file_name=name, sha256=digest)
        else:
            try:
                outcome = report_import.commit(con, parsed, actor=actor, dry_run=args.dry_run, lang=args.lang,
                                               allow_implausible=args.allow_implausible, new_institution=args.new_institution,
                                               authorise=lambda con_, unit: _authorise(con_, args, unit, parsed))
            except InputRejected as exc:  # refused for this unit (already audited): said like any refusal
                refusal = exc
    finally:
        con.close()
    if refusal is not None:
        if not args.json:
            raise refusal
        print_json(report_import.result(None, "rejected", errors=[{"row": None, "column": None, "value": name, "message": refusal.message(args.lang)}]))
        return refusal.exit_code
    if args.json:
        print_json(outcome)
    else:
        for warning in outcome["warnings"]:
            print(warning, file=sys.stderr)
        for error in outcome["errors"]:
            print(t("report.cli.error", args.lang, **error), file=sys.stderr)
        print(t(f"report.cli.{outcome['status']}", args.lang, **outcome))
    return 1 if outcome["status"] == "rejected" else 0
