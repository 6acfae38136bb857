"""Commit a reviewed annual report as one batch: preview the changes, refuse duplicates, warn.

The same batch, history and rollback mechanism as uploads (museum.batches); the report's own
bytes are stored with the batch. Results have the keys of `python -m museum ingest --json`.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from museum import audit, batches, catalog, db, numbers, seed
from museum.i18n import t
from museum.report_parser import ParsedReport
from museum.report_parser import plans, review

RESULT_KEYS = ("status", "batch_id", "inserted", "updated", "unchanged", "skipped", "encoding", "layout", "warnings", "errors")


def result(parsed: ParsedReport | None, status: str, *, batch_id=None, counts=None, warnings=(), errors=()) -> dict:
    counts = counts or batches.Counts()
    return {
        "status": status,
        "batch_id": batch_id,
        "inserted": counts.inserted,
        "updated": counts.updated,
        "unchanged": counts.unchanged,
        "skipped": counts.skipped,
        "encoding": parsed.encoding if parsed else None,
        "layout": parsed.layout if parsed else None,
        "warnings": list(warnings),
        "errors": list(errors),
    }


# The columns that make two records of a table the same record.
RECORD_KEYS = {
    "profile": ("profile_fields", ("field", "value", "sentence")),
    "awards": ("awards_by_year", ("competition", "level", "grade", "count", "sentence")),
    "honors": ("honors_by_year", ("title", "subject", "awarded_by", "level", "sentence")),
    "research": ("research_by_year", ("item_type", "role", "stage", "description", "count", "sentence")),
}


def _as_rows(records, columns) -> list[tuple]:
    def clean(value):
        if value is None or (isinstance(value, float) and pd.isna(value)):
            return None
        return int(value) if isinstance(value, float) and value.is_integer() else value

    return sorted((tuple(clean(r[c]) for c in columns) for r in records), key=repr)


def unchanged_records(con, institution: int | None, dataset: seed.Dataset) -> dict[str, bool]:
    """Per table: does the year already hold exactly these records?"""
    same = {}
    for table, (query_name, columns) in RECORD_KEYS.items():
        incoming = getattr(dataset, table)
        if institution is None or not incoming:
            same[table] = False
            continue
        stored = db.query(con, query_name, institution_id=institution)
        stored = stored[stored["year"] == dataset.year].astype(object).to_dict("records")
        same[table] = _as_rows(stored, columns) == _as_rows(incoming, columns)
    return same


def preview(con, dataset: seed.Dataset) -> dict:
    """What committing `dataset` would change: each value new / changed / unchanged, records replaced."""
    institution = batches.institution_id(con, dataset.institution, create=False)
    frame = batches.observation_frame(dataset.observations)
    if institution is None:
        compared = frame[["metric_id", "year", "month", "value", "qualifier"]].assign(old_value=None, old_qualifier=None, status="new")
        stored = {}
    else:
        compared = batches.compare_observations(con, institution, frame)
        stored = dict(db.rows(con, "report_year_record_counts", institution_id=institution, year=dataset.year))
    replaced = {table: int(stored.get(table, 0)) for table in ("profile", "awards", "honors", "research")}
    incoming = {"profile": len(dataset.profile), "awards": len(dataset.awards), "honors": len(dataset.honors), "research": len(dataset.research)}
    return {"institution_id": institution, "is_new_institution": institution is None, "observations": compared,
            "stored_records": replaced, "incoming_records": incoming, "same_records": unchanged_records(con, institution, dataset)}


def change_table(compared: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The preview's observations as people read them: metric, old -> new, status."""
    cat = catalog.load()
    rows = []
    for _, row in compared.iterrows():
        metric = cat[row["metric_id"]]
        old = None if pd.isna(row["old_value"]) else numbers.format_value(float(row["old_value"]), str(row["old_qualifier"]), lang, metric.unit(lang))
        rows.append({
            "metric": metric.name(lang),
            "old": old or "—",
            "new": numbers.format_value(float(row["value"]), str(row["qualifier"]), lang, metric.unit(lang)),
            "status": t(f"report.status.{row['status']}", lang),
        })
    return pd.DataFrame(rows, columns=["metric", "old", "new", "status"])


def warnings_for(con, parsed: ParsedReport, dataset: seed.Dataset, plan: dict, lang: str = "zh") -> list[str]:
    warnings = []
    if plan["is_new_institution"]:
        warnings.append(t("report.warn.new_institution", lang, name=dataset.institution))
    if parsed.unplaced:
        texts = "、".join(u["text"] for u in parsed.unplaced[:8]) + ("…" if len(parsed.unplaced) > 8 else "")
        warnings.append(t("report.warn.unplaced", lang, count=len(parsed.unplaced), texts=texts))
    for table, stored in plan["stored_records"].items():
        if stored and plan["incoming_records"][table] and table != "profile" and not plan["same_records"][table]:
            warnings.append(t("report.warn.replaces", lang, year=dataset.year, count=stored, table=t(f"report.records.{table}", lang)))
    start = next((o["value"] for o in dataset.observations if o["metric_id"] == "assets_year_start"), None)
    if start is not None and plan["institution_id"] is not None:
        prior_end = db.scalar(con, "report_prior_value", institution_id=plan["institution_id"], metric_id="assets_year_end", year=dataset.year - 1)
        if prior_end is not None and abs(prior_end - start) > 0.005:
            warnings.append(t("report.warn.assets_mismatch", lang, year=dataset.year, start=numbers.format_plain(start, lang),
                              prior_year=dataset.year - 1, prior_end=numbers.format_plain(prior_end, lang)))
    return warnings


def record_rejection(con, parsed: ParsedReport | None, problems: int, *, actor: str, file_name: str | None = None,
                     content: bytes | None = None) -> None:
    """The audit line for a report that was refused (nothing else is written)."""
    name = file_name or (parsed.source_name if parsed else None) or "report"
    raw = content if content is not None else (parsed.source_bytes if parsed else b"")
    with db.transaction(con):
        audit.record(con, "upload_rejected", actor, f"report {name}: {problems} problems", batches.sha256(raw))


def is_duplicate(con, parsed: ParsedReport) -> int | None:
    """The batch that already holds this exact file, if it is still in effect."""
    return db.scalar(con, "report_batch_by_sha256", sha256=batches.sha256(parsed.source_bytes))


def commit(con, parsed: ParsedReport, dataset: seed.Dataset | None = None, *, actor: str, edited: bool = False,
           dry_run: bool = False, lang: str = "zh") -> dict:
    """Commit the parsed report (or its reviewed `dataset`) as one batch of kind "report", with its
    audit line in the same transaction. A rejected report is audited too (unless a dry run)."""
    errors: list[dict] = []
    if dataset is None:
        dataset, errors = review.to_dataset(parsed, lang=lang)
    if errors:
        if not dry_run:
            record_rejection(con, parsed, len(errors), actor=actor)
        return result(parsed, "rejected", errors=errors)
    if not edited:
        existing = is_duplicate(con, parsed)
        if existing is not None:
            return result(parsed, "duplicate", warnings=[t("report.warn.duplicate", lang, batch_id=existing)])
    plan = preview(con, dataset)
    warnings = warnings_for(con, parsed, dataset, plan, lang)
    # record tables the year already holds exactly are left alone (not retired and re-written)
    same = [table for table, equal in plan["same_records"].items() if equal]
    to_write = dataclasses.replace(dataset, **{table: [] for table in same})
    # 下一步打算 items become next year's key tasks, in the same batch (museum.targets.tasks)
    to_write.tasks = to_write.tasks or plans.key_tasks(parsed)
    kept = sum(len(getattr(dataset, table)) for table in same)
    if dry_run:
        status = plan["observations"]["status"].value_counts()
        counts = batches.Counts(int(status.get("new", 0)) + sum(len(getattr(to_write, k)) for k in RECORD_KEYS),
                                int(status.get("changed", 0)), int(status.get("unchanged", 0)) + kept, len(parsed.unplaced))
        return result(parsed, "valid", counts=counts, warnings=warnings)
    with db.transaction(con):
        batch_id, counts = seed.write_dataset(con, to_write, kind="report", user=actor, note=f"report:{dataset.year}")
        counts.unchanged += kept
        counts.skipped = len(parsed.unplaced)
        batches.finish_batch(con, batch_id, counts)
        audit.record(con, "report_import", actor,
                     f"{parsed.source_name or 'report'} → batch #{batch_id} ({dataset.year}: {counts.inserted} new, "
                     f"{counts.updated} changed)", batches.sha256(parsed.source_bytes))
    return result(parsed, "committed", batch_id=batch_id, counts=counts, warnings=warnings)
