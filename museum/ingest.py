"""CSV/XLSX uploads -> validated observations -> one versioned batch (atomic), and manual corrections.

analyse (no database) -> preview (compare with what is stored) -> commit (one transaction, one
batch, raw bytes kept by SHA-256, and its audit line). Any error rejects the whole file and changes
nothing; an identical re-upload of a live batch's file is reported as `duplicate` and changes nothing.
Every function here that writes takes the acting user (`actor`) and records the audit line in the
same transaction as the change, so a killed process leaves neither.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from museum import audit, batches, catalog, db
from museum.catalog import Catalog
from museum.errors import InputRejected
from museum.intake.checks import context_notices
from museum.intake.layout import flatten
from museum.intake.problems import FileRejected, Notice, Problem
from museum.intake.read import read_grid
from museum.intake.validate import check_cells
from museum.intake.values import parse_values, year_bounds

STATUSES = ("committed", "valid", "rejected", "duplicate")


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

    @property
    def size(self) -> int:
        return len(self.content)

    def to_json(self, lang: str = "zh") -> dict:
        """The CLI's `--json` object; keys are a public contract (issue 3)."""
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
        }


def analyse(content: bytes, file_name: str, *, sheet: str | None = None, cat: Catalog | None = None) -> Analysis:
    """Read and validate a file without touching the database."""
    cat = cat or catalog.load()
    analysis = Analysis(file_name=file_name, content=content, sha256=batches.sha256(content))
    try:
        grid = read_grid(content, sheet)
        analysis.encoding, analysis.sheet, analysis.sheet_names = grid.encoding, grid.sheet, grid.sheet_names
        flat = flatten(grid.cells)
    except FileRejected as exc:
        analysis.errors = [exc.problem]
        analysis.status = "rejected"
        return analysis
    analysis.layout = flat.layout
    checked = check_cells(flat.cells, cat)
    analysis.errors = sorted(flat.errors + checked.errors, key=lambda p: p.row or 0)
    analysis.notices = flat.notices + checked.notices
    analysis.skipped = checked.skipped
    analysis.observations = checked.observations
    if not analysis.errors and checked.observations.empty:
        analysis.errors = [Problem("intake.error.no_data_rows", flat.header_row + 1)]
    analysis.status = "rejected" if analysis.errors else "valid"
    return analysis


def _live_duplicate(con, analysis: Analysis) -> int | None:
    return db.scalar(con, "intake_upload_by_sha", sha256=analysis.sha256)


def _add_context_warnings(con, institution: int, analysis: Analysis, cat: Catalog) -> None:
    analysis.notices += context_notices(con, institution, analysis.observations, cat)


def preview(con, institution: int, analysis: Analysis, *, cat: Catalog | None = None) -> Analysis:
    """Compare a valid file with the stored values: new / changed (old -> new) / unchanged."""
    if analysis.status == "rejected":
        return analysis
    cat = cat or catalog.load()
    duplicate = _live_duplicate(con, analysis)
    if duplicate is not None:
        analysis.status, analysis.duplicate_of = "duplicate", int(duplicate)
        return analysis
    _add_context_warnings(con, institution, analysis, cat)
    frame = batches.observation_frame(analysis.observations)
    analysis.compared = batches.compare_observations(con, institution, frame)
    status = analysis.compared["status"].value_counts()
    analysis.counts = batches.Counts(
        inserted=int(status.get("new", 0)),
        updated=int(status.get("changed", 0)),
        unchanged=int(status.get("unchanged", 0)),
    )
    return analysis


def commit(con, institution: int, analysis: Analysis, *, actor: str, cat: Catalog | None = None, warn: bool = True) -> Analysis:
    """Write a valid file as one upload batch, in one transaction with its audit line; the raw bytes are kept.

    Refuses a rejected analysis; an identical file already committed (and not rolled back) is
    reported as `duplicate` and nothing is written.
    """
    if analysis.status == "rejected":
        raise InputRejected("intake.commit_rejected", errors=len(analysis.errors))
    cat = cat or catalog.load()
    if warn and analysis.compared is None:
        _add_context_warnings(con, institution, analysis, cat)
    with db.transaction(con):
        duplicate = _live_duplicate(con, analysis)
        if duplicate is not None:
            analysis.status, analysis.duplicate_of = "duplicate", int(duplicate)
            analysis.counts = batches.Counts()
            return analysis
        batch_id = batches.create_batch(
            con, "upload", institution=institution, user=actor, file_name=analysis.file_name, content=analysis.content
        )
        counts = batches.write_observations(con, batch_id, institution, analysis.observations)
        counts.skipped = analysis.skipped
        batches.finish_batch(con, batch_id, counts)
        audit.record(con, "upload_accepted", actor,
                     f"{analysis.file_name} → batch #{batch_id} ({counts.inserted} new, {counts.updated} changed)",
                     analysis.sha256)
    analysis.status, analysis.batch_id, analysis.counts = "committed", batch_id, counts
    return analysis


def record_rejection(con, analysis: Analysis, *, actor: str) -> None:
    """The audit line for a file that was refused (nothing else is written)."""
    with db.transaction(con):
        audit.record(con, "upload_rejected", actor, f"{analysis.file_name}: {len(analysis.errors)} problems", analysis.sha256)


def ingest(con, institution: int, content: bytes, file_name: str, *, actor: str, dry_run: bool = False, sheet: str | None = None, cat: Catalog | None = None) -> Analysis:
    """analyse + (preview when dry_run, else commit): what the CLI runs. A refused file is audited
    unless this is a dry run (which writes nothing at all)."""
    return store(con, institution, analyse(content, file_name, sheet=sheet, cat=cat), actor=actor, dry_run=dry_run, cat=cat)


def store(con, institution: int, analysis: Analysis, *, actor: str, dry_run: bool = False, cat: Catalog | None = None) -> Analysis:
    """What follows `analyse`: a refusal audited, a dry run previewed, anything else committed."""
    if analysis.status == "rejected":
        if not dry_run:
            record_rejection(con, analysis, actor=actor)
        return analysis
    if dry_run:
        return preview(con, institution, analysis, cat=cat)
    return commit(con, institution, analysis, actor=actor, cat=cat)


# ---------------------------------------------------------------------------------------------
# Manual correction of one value: the same batch mechanism, kind 'correction'


def current_value(con, institution: int, metric_id: str, year: int, month: int | None) -> dict | None:
    found = db.query(con, "intake_current_value", institution_id=institution, metric_id=metric_id, year=year, month=month)
    return None if found.empty else found.iloc[0].to_dict()


def correct_value(
    con,
    institution: int,
    metric_id: str,
    year: int,
    month: int | None,
    text: str,
    *,
    note: str | None = None,
    actor: str,
    cat: Catalog | None = None,
) -> tuple[int, batches.Counts]:
    """Set one (metric, period) to the value written in `text` ("5,528", "超500万", "约3000")."""
    cat = cat or catalog.load()
    if metric_id not in cat:
        raise InputRejected("intake.correction.unknown_metric", metric=metric_id)
    metric = cat[metric_id]
    first, last = year_bounds()
    if not first <= int(year) <= last:
        raise InputRejected("intake.correction.year_range", year=year, first=first, last=last)
    if month is not None and not 1 <= int(month) <= 12:
        raise InputRejected("intake.correction.month_range", month=month)
    parsed = parse_values(pd.Series([text], dtype="str"), pd.Series([metric.unit_zh], dtype=object)).iloc[0]
    if parsed["missing"]:
        raise InputRejected("intake.correction.empty")
    unit_ok = parsed["unit"] in ("", metric.unit_zh, metric.unit_en) or parsed["unit"] in metric.unit_zh
    if parsed["bad"] or not unit_ok:
        raise InputRejected("intake.correction.not_a_number", value=text, unit=metric.unit_zh)
    if metric.non_negative and parsed["value"] < 0:
        raise InputRejected("intake.correction.negative", value=text)
    record = {
        "metric_id": metric_id,
        "year": int(year),
        "month": None if month is None else int(month),
        "value": float(parsed["value"]),
        "qualifier": parsed["qualifier"],
        "note": (note or "").strip() or None,
        "sentence": None,
    }
    with db.transaction(con):
        frame = batches.observation_frame([record])
        status = batches.compare_observations(con, institution, frame)["status"].iloc[0]
        if status == "unchanged":
            raise InputRejected("intake.correction.unchanged")
        period = f"{int(year)}" + (f"-{int(month):02d}" if month else "")
        batch_id = batches.create_batch(con, "correction", institution=institution, user=actor, note=f"{metric_id} {period}")
        counts = batches.write_observations(con, batch_id, institution, [record])
        batches.finish_batch(con, batch_id, counts)
        audit.record(con, "correction", actor,
                     f"{metric_id} {period} = {text} → batch #{batch_id}" + (f" ({record['note']})" if record["note"] else ""))
    return batch_id, counts


# ---------------------------------------------------------------------------------------------
# History


def history(con) -> pd.DataFrame:
    """Every batch, newest first, with its counts and file."""
    return db.query(con, "batches")


def batch_changes(con, batch_id: int) -> pd.DataFrame:
    """Each value a batch wrote and the value it replaced (old_* null for a new value; new_* null
    where a rollback took a value away): metric_id, year, month, platform, old_value, old_qualifier,
    new_value, new_qualifier, still_current."""
    return db.query(con, "batch_changes", batch_id=batch_id)


def stored_file(con, sha256: str) -> bytes | None:
    content = db.scalar(con, "intake_stored_file", sha256=sha256)
    return None if content is None else bytes(content)


def rollback(con, batch_id: int, *, actor: str) -> int:
    """Undo one batch in one transaction with its audit line (refused when later batches changed its values)."""
    with db.transaction(con):
        rollback_id = batches.rollback(con, batch_id, user=actor)
        target = db.query(con, "batch_by_id", batch_id=batch_id).iloc[0]
        sha = target["file_sha256"] if isinstance(target["file_sha256"], str) and target["file_sha256"] else None
        audit.record(con, "rollback", actor, f"batch #{batch_id} rolled back by batch #{rollback_id}", sha)
        return rollback_id
