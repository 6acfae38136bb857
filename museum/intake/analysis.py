"""analyse: an upload's bytes -> validated observations, with no database (an office sheet, a platform's export or a
volunteer list), and the Analysis that preview, commit and the CLI's --json carry on (museum.intake.ingest)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from museum import catalog, sources
from museum.store import batches
from museum.catalog import Catalog
from museum.errors import InputRejected
from museum.intake import aliases as column_aliases, controls, kinds
from museum.intake.office import SheetResult, Unmatched, covered_period, read_office
from museum.intake.layout import column_letter
from museum.intake.people import first_personal_cell, redacted
from museum.intake.problems import FileRejected, Notice, Problem
from museum.intake.read import read_book
from museum.intake.validate import MAX_PROBLEMS
from museum.sources import volunteer_months, volunteers

STATUSES = ("committed", "valid", "rejected", "duplicate", "pending")
SOURCE_FORMATS = ("office_long", "office_wide", "office_month_rows", "wechat_tendency", "wechat_tendency_legacy",
                  "wechat_user_growth", "douyin_works", "channels_videos", "toutiao_works", "xiaohongshu_notes",
                  "volunteer_records")


@dataclass
class Analysis:
    file_name: str
    content: bytes = field(repr=False)
    sha256: str
    encoding: str | None = None
    layout: str | None = None
    sheet: str | None = None
    sheet_names: list[str] = field(default_factory=list)
    observations: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
    errors: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    skipped: int = 0
    status: str = "valid"
    compared: pd.DataFrame | None = field(default=None, repr=False)
    counts: batches.Counts = field(default_factory=batches.Counts)
    batch_id: int | None = None
    duplicate_of: int | None = None
    source_format: str | None = None          # SOURCE_FORMATS
    platform: str | None = None               # wechat | douyin | channels | toutiao | xiaohongshu; None for the total
    year_from: str | None = None              # column | month | title | sheet | file_name | option
    sheets: list[SheetResult] = field(default_factory=list)
    hidden_sheets: list[str] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)   # this upload's explicit map (remembered on commit)
    export: sources.PlatformExport | None = field(default=None, repr=False)
    volunteers: pd.DataFrame | None = field(default=None, repr=False)   # a volunteer export's keyed records
    allow_implausible: bool = False
    more_problems: int = 0                    # problems found beyond the ones listed
    version: tuple[int, int] | None = None    # the stored values the preview compared with (stale_check)
    options: dict = field(default_factory=dict)  # the sheet and year asked for: what a review re-reads the file with

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def problem_count(self) -> int:
        """Every problem found, the ones beyond the listed thousand included."""
        return len(self.errors) - (1 if self.more_problems else 0) + self.more_problems

    @property
    def period(self) -> dict | None:
        """{"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"} the file covers, or None."""
        if self.export is not None:
            return self.export.period
        return covered_period(self.observations)

    def to_json(self, lang: str = "zh") -> dict:
        """The CLI's `--json` object; keys are a public contract (issues 3 and 10): the old keys in
        their order, then source_format, platform, period, year_from."""
        return {
            "status": self.status,
            "batch_id": self.batch_id,
            "inserted": self.counts.inserted,
            "updated": self.counts.updated,
            "unchanged": self.counts.unchanged,
            "skipped": self.skipped,
            "encoding": self.encoding,
            "layout": self.layout,
            "warnings": [notice.message(lang) for notice in self.notices],
            "errors": [problem.as_json(lang) for problem in self.errors],
            "source_format": self.source_format,
            "platform": self.platform,
            "period": self.period,
            "year_from": self.year_from,
        }


def analyse(content: bytes, file_name: str, *, sheet: str | None = None, cat: Catalog | None = None,
            year: int | None = None, mapping: dict[str, str] | None = None, aliases: dict[str, str] | None = None,
            allow_implausible: bool = False, stored_copy: bool = False) -> Analysis:
    """Read and validate a file without touching the database.

    year: the year for sheets that do not name one (`--year`); mapping: column text -> metric id
    ("" to ignore) for this upload; aliases: the institution's remembered mapping
    (`load_aliases`); allow_implausible: accept values beyond the catalog's plausibility bound;
    stored_copy: the bytes are this install's own stored copy (a pending upload approved), whose
    volunteer keys are taken as they are — in an upload, that column is hashed like any identity.
    """
    cat = cat or catalog.load()
    analysis = Analysis(file_name=file_name, content=content, sha256=batches.sha256(content),
                        mapping=dict(mapping or {}), allow_implausible=allow_implausible,
                        options={"sheet": sheet, "year": year})
    refusal = kinds.not_a_sheet(content, file_name)
    if refusal is not None:  # a Word report, a photo: said in words, not as an unreadable table
        analysis.errors, analysis.status = [refusal], "rejected"
        return analysis
    try:
        column_aliases.check_mapping(analysis.mapping, cat)
        book = read_book(content, sheet)
        removed = controls.clean_grids(book.sheets)
    except FileRejected as exc:
        analysis.errors = [exc.problem]
        analysis.status = "rejected"
        return analysis
    except InputRejected as exc:  # a mapping that names no metric
        analysis.errors = [Problem(exc.key, params=exc.params)]
        analysis.status = "rejected"
        return analysis
    analysis.encoding, analysis.sheet_names, analysis.hidden_sheets = book.encoding, book.names, book.hidden
    analysis.sheet = book.sheets[0].name if book.sheets else None
    roster = volunteers.recognise(book.sheets)
    found = sources.recognise(book.sheets) if roster is None else None
    if roster is not None:
        _volunteers(analysis, roster, stored_copy)
    elif found is not None:
        _platform(analysis, *found)
    else:
        _office(analysis, book, cat, year, aliases)
    # an ID or phone number typed into any cell is never echoed back (DESIGN §14)
    analysis.errors = [redacted(problem) for problem in analysis.errors]
    if removed:
        analysis.notices.insert(0, Notice("intake.warning.control_chars", {"count": removed}))
    if len(analysis.errors) > MAX_PROBLEMS or analysis.more_problems:
        more = max(0, len(analysis.errors) - MAX_PROBLEMS) + analysis.more_problems
        analysis.more_problems = more
        analysis.errors = analysis.errors[:MAX_PROBLEMS] + [
            Problem("intake.error.more_problems", None, None, None, {"count": f"{more:,}", "shown": f"{MAX_PROBLEMS:,}"})]
    analysis.status = "rejected" if analysis.errors else "valid"
    return analysis


def _platform(analysis: Analysis, sheet, found) -> None:
    analysis.layout, analysis.sheet = "platform", sheet.name
    if not isinstance(found, sources.Match) or not found.fmt.supported:
        analysis.errors = [sources.refusal(found)]
        return
    analysis.source_format, analysis.platform = found.fmt.name, found.fmt.platform
    export = sources.read_export(sheet, found)
    analysis.export = export
    analysis.errors = sorted(export.errors, key=lambda p: p.row or 0)
    analysis.notices = list(export.notices)
    analysis.sheets = [SheetResult(sheet.name, "rejected" if export.errors else "read", "platform", export.rows)]


def _volunteers(analysis: Analysis, found: volunteers.Found, stored_copy: bool = False) -> None:
    """A volunteer roster or service export: monthly metrics; the bytes kept are a copy without
    names, ID numbers and phone numbers (the upload itself is never stored)."""
    analysis.layout, analysis.sheet, analysis.source_format = "volunteers", found.sheet.name, "volunteer_records"
    read = volunteers.read(found, stored_copy=stored_copy)
    analysis.errors = read.errors
    if read.errors:
        analysis.sheets = [SheetResult(found.sheet.name, "rejected", "volunteers")]
        return
    analysis.volunteers = volunteer_months.keyed(read.records, roster="registered" in found.columns)
    # the file's own figures; preview and commit count them with the stored records
    analysis.observations = volunteer_months.monthly(analysis.volunteers, volunteer_months.touched(analysis.volunteers))
    analysis.content = volunteers.stored_copy(found, read.records)
    analysis.sha256 = batches.sha256(analysis.content)
    # the columns left out (however their headers are worded) and the cells whose numbers were masked
    analysis.notices = volunteers.notices(found, read.records, stored_copy)
    analysis.sheets = [SheetResult(found.sheet.name, "read", "volunteers", len(analysis.observations))]


def _office(analysis: Analysis, book, cat: Catalog, year: int | None, aliases) -> None:
    office = read_office(book, cat, file_name=analysis.file_name, year=year, aliases=aliases,
                         mapping=analysis.mapping, allow_implausible=analysis.allow_implausible)
    analysis.layout = office.layout
    analysis.source_format = f"office_{office.layout}" if office.layout else None
    analysis.year_from = office.year_from
    analysis.errors = office.errors
    personal = first_personal_cell(book.sheets)  # the file would be stored as it is: refused, saying where
    if personal is not None:
        sheet, row, column = personal
        analysis.errors = [Problem("intake.error.personal_number", row, column_letter(column), None,
                                   {"sheet": sheet or analysis.file_name}), *analysis.errors]
    analysis.notices = office.notices
    analysis.skipped = office.skipped
    analysis.sheets = office.sheets
    analysis.unmatched = office.unmatched
    analysis.more_problems = office.more
    read = [s for s in office.sheets if s.status == "read"]
    analysis.sheet = read[0].name if read else analysis.sheet
    observations = office.observations
    if not observations.empty:
        observations = observations.drop(columns=["sheet"], errors="ignore")
    analysis.observations = observations
