"""`python -m museum ingest FILE [--year Y] [--map COLUMN=METRIC ...] [--allow-implausible] [--dry-run] [--user NAME] [--json]`.

Validates and imports one file: an office sheet (CSV/TSV/TXT, xlsx, xls, ods), a platform
export (微信公众号, 抖音, 视频号, 头条号, 小红书) or a volunteer roster / service-hour export (its
names, ID and phone numbers never kept). `--map` applies a column mapping for this run and, when
the import commits, remembers it for the institution (as the upload page's mapping step does);
a dry run or a refused file remembers nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from museum import catalog, settings
from museum.intake import ingest
from museum.cli.common import acting_user, open_initialised, open_read_only, print_json, require_in, unit
from museum.errors import InputRejected
from museum.i18n import Listing, Name, Phrase, t
from museum.intake.aliases import parse_map


def register(subparsers, common) -> None:
    parser = subparsers.add_parser("ingest", parents=[common], help="validate an office sheet or a platform export and import it as one batch")
    parser.add_argument("file", metavar="FILE", help=".csv / .txt / .tsv / .xlsx / .xls / .ods, or a platform's export")
    parser.add_argument("--year", type=int, help="the year of sheets that name none (month rows without a year)")
    parser.add_argument("--map", action="append", default=[], metavar="COLUMN=METRIC",
                        help='a column the catalog does not know, e.g. "图文发布量=posts" ("列名=" ignores it); repeatable; remembered on commit')
    parser.add_argument("--allow-implausible", action="store_true", help="accept values beyond a metric's plausible bound (checked by hand)")
    parser.add_argument("--dry-run", action="store_true", help="validate and compare only; write nothing")
    parser.add_argument("--user", help="an existing account to record the batch under (default: cli:<OS user>)")
    parser.add_argument("--institution", metavar="NAME|ID", help="the unit: its exact name or number (needed when the database holds several)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def run(args) -> int:
    path = Path(args.file)
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise InputRejected("intake.cli.cannot_read", path=str(path), detail=exc.strerror or str(exc)) from exc
    mapping = parse_map(args.map)
    con = open_read_only(settings.db_path(args.db))
    try:  # the remembered aliases (a read), then the database is let go while the file is read and checked
        institution, _ = unit(con, args, "upload")
        aliases = ingest.load_aliases(con, institution)
    finally:
        con.close()
    analysis = ingest.analyse(content, path.name, year=args.year, mapping=mapping, aliases=aliases,
                              allow_implausible=args.allow_implausible)
    con = open_initialised(args)
    try:
        actor = acting_user(con, args)
        require_in(con, args, "upload", institution)  # rights may have changed while the file was read
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
    if problem.column is None:
        return t("intake.cli.problem_at_row", lang, row=problem.row, message=problem.message(lang))
    if problem.value is None:
        return t("intake.cli.problem_row", lang, row=problem.row, column=problem.column, message=problem.message(lang))
    return t("intake.cli.problem", lang, row=problem.row, column=problem.column, value=problem.value, message=problem.message(lang))


def source_line(result: ingest.Analysis, lang: str) -> str | None:
    """What the file was read as: its format, platform, period and where the year came from."""
    if not result.source_format:
        return None
    period = result.period
    return t(
        "intake.cli.source", lang,
        format=t(f"sources.format.{result.source_format}", lang),
        platform=t(f"platform.{result.platform or 'total'}", lang),
        period=f"{period['from']} – {period['to']}" if period else "—",
        year_from=t(f"intake.year_from.{result.year_from}", lang) if result.year_from else "—",
    )


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
    cat = catalog.load()
    for unmatched in result.unmatched:
        # the id first: it is what --map takes; the name to recognise it, in the reader's language
        suggestions = Listing.of(Phrase.of("intake.item.map_suggestion", id=m, name=Name(cat[m].name_zh, cat[m].name_en))
                                 for m in unmatched.suggestions).text(lang) or "—"
        print(t("intake.cli.unmatched", lang, column=unmatched.column, suggestions=suggestions), file=sys.stderr)
    if result.status == "rejected":
        print(t("intake.cli.rejected", lang, file=result.file_name, count=result.problem_count), file=sys.stderr)
        for problem in result.errors:
            print("  " + problem_line(problem, lang), file=sys.stderr)
    elif result.status == "duplicate":
        print(t("intake.cli.duplicate", lang, file=result.file_name, batch_id=result.duplicate_of))
    elif result.status == "committed":
        print(t("intake.cli.committed", lang, batch_id=result.batch_id, **counts))
    elif result.status == "pending":  # review is on: nothing official until another account approves
        print(t("review.submitted", lang, batch_id=result.batch_id))
    else:
        print(t("intake.cli.valid", lang, **counts))
    source = source_line(result, lang)
    if source and result.status in ("committed", "valid"):
        print(source)
