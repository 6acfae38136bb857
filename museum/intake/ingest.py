"""CSV/XLSX uploads -> validated observations -> one versioned batch (atomic); history and rollback.

Reading a file (analyse, no database) is museum.intake.analysis; `ingest.analyse` is the same function.

One value typed by hand is museum.intake.corrections.

analyse (no database) -> preview (compare with what is stored) -> commit (one transaction, one
batch, raw bytes kept by SHA-256, and its audit line). Any error rejects the whole file and changes
nothing; an identical re-upload of a live batch's file is reported as `duplicate` and changes nothing.
Every function here that writes takes the acting user (`actor`) and records the audit line in the
same transaction as the change, so a killed process leaves neither.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from museum import catalog
from museum.store import audit, batches, db
from museum.catalog import Catalog
from museum.errors import DatabaseError, InputRejected
from museum import bounds
from museum.intake import aliases as column_aliases
from museum.intake.analysis import Analysis, analyse  # analyse (no database) is its own module; callers know it here
from museum.intake.checks import context_notices, over_total_notices
from museum.intake.problems import Notice, Problem
from museum.sources import store as source_store
from museum.sources import volunteer_store


def _live_duplicate(con, institution: int, analysis: Analysis) -> int | None:
    return db.scalar(con, "intake_upload_by_sha", sha256=analysis.sha256, institution_id=institution)


def _add_context_warnings(con, institution: int, analysis: Analysis, cat: Catalog, table=None) -> None:
    """The warnings that need stored values; `table` is the observations as Arrow when the caller
    has made it already (a million rows are converted once)."""
    if analysis.platform is None:
        analysis.notices += context_notices(con, institution, analysis.observations, cat)
    analysis.notices += over_total_notices(con, institution, analysis.observations, cat, table)


def _platform_observations(con, institution: int, analysis: Analysis, *, notices: bool = True) -> None:
    """A platform export's monthly figures: its rows with the stored ones of other works and days."""
    found = source_store.rollup(con, institution, analysis.export)
    if notices:
        analysis.notices += source_store.rollup_notices(found)
        replaced = source_store.replaced_count(con, institution, analysis.export)
        if replaced:
            analysis.notices.append(Notice("sources.warning.replaced_items", {"count": replaced}))
    analysis.observations = found.drop(columns=["days"])


def _volunteer_observations(con, institution: int, analysis: Analysis, *, notices: bool = True) -> None:
    """A volunteer export's months counted over every current record, its own in place of the ones it repeats."""
    analysis.observations, replaced = volunteer_store.rollup(con, institution, analysis.volunteers)
    if notices and replaced:
        analysis.notices.append(Notice("volunteers.notice.replaced", {"count": replaced}))


def _platform_bounds(analysis: Analysis, cat: Catalog) -> bool:
    """Refuse an export whose monthly figures pass their metric's plausibility bound (a sheet's
    cells are checked as they are read; an export's figures exist only once rolled up by month).
    True when refused."""
    found = bounds.implausible(cat, analysis.observations)
    if found.empty or analysis.allow_implausible:
        if not found.empty:
            analysis.notices.append(Notice("intake.warning.implausible_allowed", {"count": len(found), "rows": "—"}))
        return False
    analysis.errors = [Problem("intake.error.implausible", None, cat[row.metric_id].name_zh,
                               f"{int(row.year)}-{int(row.month):02d}: {row.value:,.10g}" if pd.notna(row.month) else f"{row.value:,.10g}",
                               {"bound": bounds.text(cat[row.metric_id].plausible_max, cat[row.metric_id].unit_zh)})
                       for row in found.itertuples()]
    analysis.status = "rejected"
    return True


def preview(con, institution: int, analysis: Analysis, *, cat: Catalog | None = None, duplicates: bool = True) -> Analysis:
    """Compare a valid file with the stored values: new / changed (old -> new) / unchanged.
    `duplicates=False`: the file's own batch is pending review, so its bytes are not a duplicate."""
    if analysis.status == "rejected":
        return analysis
    cat = cat or catalog.load()
    duplicate = _live_duplicate(con, institution, analysis) if duplicates else None
    if duplicate is not None:
        analysis.status, analysis.duplicate_of = "duplicate", int(duplicate)
        return analysis
    if analysis.export is not None:
        _platform_observations(con, institution, analysis)
    if analysis.volunteers is not None:
        _volunteer_observations(con, institution, analysis)
    if (analysis.export is not None or analysis.volunteers is not None) and _platform_bounds(analysis, cat):
        return analysis
    frame = batches.observation_table(analysis.observations)
    _add_context_warnings(con, institution, analysis, cat, frame)
    analysis.compared = batches.compare_observations(con, institution, frame)
    analysis.version = stored_version(con, institution, frame)
    status = analysis.compared["status"].value_counts()
    analysis.counts = batches.Counts(
        inserted=int(status.get("new", 0)),
        updated=int(status.get("changed", 0)),
        unchanged=int(status.get("unchanged", 0)),
    )
    return analysis


def stored_version(con, institution: int, frame) -> tuple[int, int]:
    """(how many, which) stored rows are current for the staged keys: what a preview showed as old."""
    with db.registered(con, frame):
        found = db.rows(con, "intake_preview_version", institution_id=institution)[0]
    return int(found[0]), int(found[1])


def _refuse_stale(con, institution: int, analysis: Analysis) -> None:
    """A commit made from a preview writes what that preview showed, or nothing: another commit or
    a rollback of the same months since (another tab, a colleague) refuses it with a message."""
    if analysis.version is None:
        return
    if stored_version(con, institution, batches.observation_table(analysis.observations)) != analysis.version:
        raise InputRejected("intake.error.stale_preview", file=analysis.file_name)


def commit(con, institution: int, analysis: Analysis, *, actor: str, cat: Catalog | None = None, warn: bool = True) -> Analysis:
    """Write a valid file as one upload batch, in one transaction with its audit line; the raw bytes are kept.

    A previewed analysis (`version` set) is refused when the stored values it was compared with
    have changed since: the preview would no longer say what the commit writes.

    A platform export's rows are stored (replacing those of the same works and days) and its
    monthly figures written per platform; an explicit column map of the upload is remembered
    for the institution in the same batch. Refuses a rejected analysis; an identical file
    already committed (and not rolled back) is reported as `duplicate` and nothing is written.
    A failure of the database (a full disk, a read-only file) rolls everything back and says so.
    """
    if analysis.status == "rejected":
        raise InputRejected("intake.commit_rejected", errors=analysis.problem_count)
    cat = cat or catalog.load()
    from museum.intake import review  # review re-applies uploads through this module

    if review.required(con, institution):  # with review on, figures become official only once approved
        return review.submit_upload(con, institution, analysis, actor=actor, cat=cat)
    try:
        return _commit(con, institution, analysis, actor=actor, cat=cat, warn=warn)
    except (duckdb.Error, DatabaseError) as exc:
        # the COMMIT itself failed (a full disk, a file-size limit, a read-only file, or another tab
        # committing the same file at the same moment): DuckDB may leave the transaction open; roll
        # it back so that nothing of the batch remains
        try:
            con.execute("rollback")
        except duckdb.Error:
            pass  # no transaction was open any more: the failed statement already ended it
        duplicate = _live_duplicate(con, institution, analysis)  # the other commit is visible once this one ended
        if duplicate is not None:
            analysis.status, analysis.duplicate_of, analysis.counts = "duplicate", int(duplicate), batches.Counts()
            return analysis
        if isinstance(exc, DatabaseError):
            raise
        raise DatabaseError("intake.error.commit_failed", detail=str(exc).splitlines()[0][:300]) from exc


def _commit(con, institution: int, analysis: Analysis, *, actor: str, cat: Catalog, warn: bool) -> Analysis:
    with db.transaction(con, institution=institution):
        duplicate = _live_duplicate(con, institution, analysis)
        if duplicate is not None:
            analysis.status, analysis.duplicate_of = "duplicate", int(duplicate)
            analysis.counts = batches.Counts()
            return analysis
        if analysis.export is not None:  # again inside the transaction: the stored rows decide
            _platform_observations(con, institution, analysis, notices=analysis.compared is None)
        if analysis.volunteers is not None:
            _volunteer_observations(con, institution, analysis, notices=analysis.compared is None)
        if (analysis.export is not None or analysis.volunteers is not None) and _platform_bounds(analysis, cat):
            return analysis
        _refuse_stale(con, institution, analysis)
        if warn and analysis.compared is None:
            _add_context_warnings(con, institution, analysis, cat)
        batch_id = batches.create_batch(
            con, "upload", institution=institution, user=actor, file_name=analysis.file_name, content=analysis.content,
            digest=analysis.sha256,
        )
        counts, detail = write(con, batch_id, institution, analysis)
        audit.record(con, "upload_accepted", actor, detail, analysis.sha256)
    analysis.status, analysis.batch_id, analysis.counts = "committed", batch_id, counts
    return analysis


def write(con, batch_id: int, institution: int, analysis: Analysis) -> tuple[batches.Counts, str]:
    """Write a checked file's rows under `batch_id` (in the caller's transaction) and finish the
    batch: its counts and the audit detail. A commit runs it on a new batch; an approval in review
    (museum.intake.review) on the batch submitted."""
    rows = source_store.write(con, batch_id, institution, analysis.export) if analysis.export is not None else 0
    if analysis.volunteers is not None:
        rows = volunteer_store.write(con, batch_id, institution, analysis.volunteers)
    counts = batches.write_observations(con, batch_id, institution, analysis.observations,
                                        allow_implausible=analysis.allow_implausible)
    counts.skipped = analysis.skipped
    remembered = column_aliases.write(con, batch_id, institution, analysis.mapping) if analysis.mapping else 0
    batches.finish_batch(con, batch_id, counts)
    detail = f"{analysis.file_name} → batch #{batch_id} ({counts.inserted} new, {counts.updated} changed"
    detail += (f", {rows} platform rows ({analysis.source_format})" if analysis.export is not None else "")
    detail += (f", {rows} volunteer records (keyed hashes)" if analysis.volunteers is not None else "")
    detail += (f", {remembered} column aliases" if remembered else "") + ")"
    return counts, detail


def record_rejection(con, analysis: Analysis, *, actor: str) -> None:
    """The audit line for a file that was refused (nothing else is written)."""
    with db.transaction(con):
        audit.record(con, "upload_rejected", actor, f"{analysis.file_name}: {analysis.problem_count} problems", analysis.sha256)


def ingest(con, institution: int, content: bytes, file_name: str, *, actor: str, dry_run: bool = False, sheet: str | None = None,
           cat: Catalog | None = None, year: int | None = None, mapping: dict[str, str] | None = None,
           allow_implausible: bool = False) -> Analysis:
    """analyse (with the institution's remembered aliases) + (preview when dry_run, else commit):
    what the CLI runs. A refused file is audited unless this is a dry run (which writes nothing)."""
    analysis = analyse(content, file_name, sheet=sheet, cat=cat, year=year, mapping=mapping,
                       aliases=load_aliases(con, institution), allow_implausible=allow_implausible)
    return store(con, institution, analysis, actor=actor, dry_run=dry_run, cat=cat)


def store(con, institution: int, analysis: Analysis, *, actor: str, dry_run: bool = False, cat: Catalog | None = None) -> Analysis:
    """What follows `analyse`: a refusal audited, a dry run previewed, anything else committed."""
    if analysis.status == "rejected":
        if not dry_run:
            record_rejection(con, analysis, actor=actor)
        return analysis
    if dry_run:
        return preview(con, institution, analysis, cat=cat)
    try:
        analysis = commit(con, institution, analysis, actor=actor, cat=cat)
    except InputRejected:  # refused while writing (museum.bounds): audited as refused too
        record_rejection(con, analysis, actor=actor)
        raise
    if analysis.status == "rejected":  # an export whose monthly figures pass a bound
        record_rejection(con, analysis, actor=actor)
    return analysis


def load_aliases(con, institution: int) -> dict[str, str]:
    """The institution's remembered column names (column text -> metric id, "" = ignore)."""
    return column_aliases.load(con, institution)


def history(con) -> pd.DataFrame:
    """Every batch, newest first, with its counts and file."""
    return db.query(con, "batches")


def batch_changes(con, batch_id: int) -> pd.DataFrame:
    """Each value a batch wrote and the value it replaced (old_* null for a new value; new_* null
    where a rollback took a value away): metric_id, year, month, platform, old_value, old_qualifier,
    new_value, new_qualifier, still_current."""
    return db.query(con, "batch_changes", batch_id=batch_id)


def stored_file(con, sha256: str) -> bytes | None:
    """The bytes of a kept upload exactly as they were uploaded; None when none has this hash."""
    found = db.rows(con, "intake_stored_file", sha256=sha256)
    return batches.stored_file_bytes(*found[0]) if found else None


def rollback(con, batch_id: int, *, actor: str) -> int:
    """Undo one batch in one transaction with its audit line (refused when later batches changed its values)."""
    with db.transaction(con, institution=batches.institution_of(con, batch_id)):
        rollback_id = batches.rollback(con, batch_id, user=actor)
        target = db.query(con, "batch_by_id", batch_id=batch_id).iloc[0]
        sha = target["file_sha256"] if isinstance(target["file_sha256"], str) and target["file_sha256"] else None
        audit.record(con, "rollback", actor, f"batch #{batch_id} rolled back by batch #{rollback_id}", sha)
        return rollback_id
