"""Commit a reviewed annual report as one batch: preview the changes, refuse duplicates, warn.

The same batch, history and rollback mechanism as uploads (museum.store.batches); the report's own
bytes are stored with the batch. Results have the keys of `python -m museum ingest --json`.

Compared with the stored figures, a value is new, changed, unchanged, or source_updated: the same
value and qualifier read from another sentence (a re-pasted or re-worded report). The last is
written (the new sentence becomes the source) but counted as unchanged, because no figure changes.
Values that differ only by float noise (66.42 vs 66.42000000000002) are the same value.
"""

from __future__ import annotations

import dataclasses
import json

import pandas as pd

from museum import catalog, numbers, seed
from museum.access import rights
from museum.store import audit, batches, db
from museum.i18n import t
from museum import bounds
from museum.report.parser import ParsedReport
from museum.intake import review as pending_review
from museum.report.parser import plans, review

STATUSES = ("new", "changed", "unchanged", "source_updated")
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


def _same_values(compared: pd.DataFrame) -> pd.Series:
    """Rows whose stored value is the incoming one (float noise aside) with the same qualifier."""
    if compared.empty:
        return pd.Series([], dtype=bool)
    stored = compared["old_value"].notna()
    equal = [bool(has) and numbers.same_value(new, old) for has, new, old in zip(stored, compared["value"], compared["old_value"])]
    return pd.Series(equal, index=compared.index) & (compared["qualifier"].astype(object) == compared["old_qualifier"].astype(object))


def _compare(con, institution: int, dataset: seed.Dataset) -> tuple[pd.DataFrame, seed.Dataset]:
    """Each value's status against the stored one, and the dataset with noise-equal values snapped
    to the stored ones (so that writing it leaves them alone, and rollback is exact)."""
    compared = batches.compare_observations(con, institution, batches.observation_frame(dataset.observations))
    same = _same_values(compared)
    noisy = compared[same & (compared["value"] != compared["old_value"])]
    if not noisy.empty:
        stored = {(r.metric_id, int(r.year), None if pd.isna(r.month) else int(r.month)): float(r.old_value) for r in noisy.itertuples()}
        observations = [{**o, "value": stored.get((o["metric_id"], int(o["year"]), o.get("month")), o["value"])}
                        for o in dataset.observations]
        dataset = dataclasses.replace(dataset, observations=observations)
        compared = batches.compare_observations(con, institution, batches.observation_frame(dataset.observations))
        same = _same_values(compared)
    # the SQL calls a value "changed" when its sentence or note differs; the figure itself did not
    compared["status"] = compared["status"].astype(object).where(~(same & (compared["status"] == "changed")), "source_updated")
    return compared, dataset


def preview(con, dataset: seed.Dataset) -> dict:
    """What committing `dataset` would change: each value new / changed / unchanged / source_updated,
    records replaced. `dataset` in the result is what to write (noise-equal values snapped)."""
    institution = batches.institution_id(con, dataset.institution, create=False)
    if institution is None:
        frame = batches.observation_frame(dataset.observations)
        compared = frame[["metric_id", "year", "month", "value", "qualifier"]].assign(old_value=None, old_qualifier=None, status="new")
        stored = {}
    else:
        compared, dataset = _compare(con, institution, dataset)
        stored = dict(db.rows(con, "report_year_record_counts", institution_id=institution, year=dataset.year))
    replaced = {table: int(stored.get(table, 0)) for table in ("profile", "awards", "honors", "research")}
    incoming = {"profile": len(dataset.profile), "awards": len(dataset.awards), "honors": len(dataset.honors), "research": len(dataset.research)}
    return {"institution_id": institution, "is_new_institution": institution is None, "observations": compared,
            "stored_records": replaced, "incoming_records": incoming, "same_records": unchanged_records(con, institution, dataset),
            "dataset": dataset}


def _exact_texts(old: float, new: float, old_qualifier: str, new_qualifier: str, lang: str, unit: str) -> tuple[str, str]:
    """Old and new with every digit they have: two values that round alike still look different."""
    return (numbers.format_value(old, old_qualifier, lang, unit, decimals=10),
            numbers.format_value(new, new_qualifier, lang, unit, decimals=10))


def change_table(compared: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The preview's observations as people read them: metric, old -> new, status."""
    cat = catalog.load()
    rows = []
    for _, row in compared.iterrows():
        metric = cat[row["metric_id"]]
        unit = metric.unit(lang)
        new = numbers.format_value(float(row["value"]), str(row["qualifier"]), lang, unit)
        old = None
        if not pd.isna(row["old_value"]):
            old = numbers.format_value(float(row["old_value"]), str(row["old_qualifier"]), lang, unit)
            if row["status"] == "changed" and old == new:
                old, new = _exact_texts(float(row["old_value"]), float(row["value"]), str(row["old_qualifier"]), str(row["qualifier"]), lang, unit)
        rows.append({"metric": metric.name(lang), "old": old or "—", "new": new, "status": t(f"report.status.{row['status']}", lang)})
    return pd.DataFrame(rows, columns=["metric", "old", "new", "status"])


def change_counts(compared: pd.DataFrame) -> dict[str, int]:
    """How many values are new, changed, unchanged and source_updated (every status, 0 when none)."""
    found = compared["status"].value_counts() if not compared.empty else {}
    return {status: int(found.get(status, 0)) for status in STATUSES}


def change_summary(compared: pd.DataFrame, lang: str = "zh") -> str:
    """'新增 0 个，修改 1 个，不变 19 个。' — a value with only a new source sentence counts as 不变."""
    counts = change_counts(compared)
    unchanged = counts["unchanged"] + counts["source_updated"]
    if counts["source_updated"]:
        return t("report.ui.change_counts_sources", lang, new=counts["new"], changed=counts["changed"], unchanged=unchanged,
                 source_updated=counts["source_updated"])
    return t("report.ui.change_counts", lang, new=counts["new"], changed=counts["changed"], unchanged=unchanged)


def warnings_for(con, parsed: ParsedReport, dataset: seed.Dataset, plan: dict, lang: str = "zh") -> list[str]:
    warnings = []
    if parsed.controls_removed:
        warnings.append(t("report.warn.control_chars", lang, count=parsed.controls_removed))
    if plan["is_new_institution"]:
        warnings.append(t("report.warn.new_institution", lang, name=dataset.institution))
    if parsed.activities_year is not None:
        warnings.append(t("report.warn.year_clash", lang, year=parsed.year, other=parsed.activities_year))
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
                     content: bytes | None = None, sha256: str | None = None) -> None:
    """The audit line for a report that was refused (nothing else is written); `sha256` stands for
    `content` when a file too large to read was refused."""
    name = file_name or (parsed.source_name if parsed else None) or "report"
    raw = content if content is not None else (parsed.source_bytes if parsed else b"")
    with db.transaction(con):
        audit.record(con, "upload_rejected", actor, f"report {name}: {problems} problems", sha256 or batches.sha256(raw))


def is_duplicate(con, parsed: ParsedReport) -> int | None:
    """The batch that already holds this exact file, if it is still in effect."""
    return db.scalar(con, "report_batch_by_sha256", sha256=batches.sha256(parsed.source_bytes))


def implausible_errors(dataset: seed.Dataset, lang: str = "zh", *, allow_implausible: bool = False) -> list[dict]:
    """The report's figures beyond their metric's plausibility bound (museum.bounds), as the
    review's errors (row, column, value, message); none when the person allowed them."""
    if allow_implausible or not dataset.observations:
        return []
    cat = catalog.load()
    found = bounds.implausible(cat, pd.DataFrame(dataset.observations))
    return [{"row": None, "column": cat[row.metric_id].name(lang), "value": numbers.format_plain(float(row.value), lang),
             "message": t("intake.error.implausible", lang, bound=bounds.text(cat[row.metric_id].plausible_max, cat[row.metric_id].unit_zh))}
            for row in found.itertuples()]


def commit(con, parsed: ParsedReport, dataset: seed.Dataset | None = None, *, actor: str, edited: bool = False,
           dry_run: bool = False, lang: str = "zh", allow_implausible: bool = False, new_institution: bool = True,
           authorise=None) -> dict:
    """Commit the parsed report (or its reviewed `dataset`) as one batch of kind "report", with its
    audit line in the same transaction. A rejected report is audited too (unless a dry run).

    A report of a unit the database does not know is refused unless `new_institution` (the person
    confirmed it); `authorise(con, institution_id or None)` raises when the actor may not import
    into that unit (museum.access.rights), before anything is written."""
    errors: list[dict] = []
    if dataset is None:
        dataset, errors = review.to_dataset(parsed, lang=lang)
    errors = errors or implausible_errors(dataset, lang, allow_implausible=allow_implausible)
    if errors:
        if not dry_run:
            record_rejection(con, parsed, len(errors), actor=actor)
        return result(parsed, "rejected", errors=errors)
    if not edited:
        existing = is_duplicate(con, parsed)
        if existing is not None:
            return result(parsed, "duplicate", warnings=[t("report.warn.duplicate", lang, batch_id=existing)])
    plan = preview(con, dataset)
    if plan["is_new_institution"] and not new_institution:
        message = t("report.new_institution_refused", lang, name=dataset.institution)
        if not dry_run:
            record_rejection(con, parsed, 1, actor=actor)
        return result(parsed, "rejected", errors=[{"row": None, "column": review.column_label("name", lang), "value": dataset.institution,
                                                    "message": message}])
    if authorise is not None:
        authorise(con, plan["institution_id"])
    dataset = plan["dataset"]
    warnings = warnings_for(con, parsed, dataset, plan, lang)
    counted = change_counts(plan["observations"])
    # record tables the year already holds exactly are left alone (not retired and re-written)
    same = [table for table, equal in plan["same_records"].items() if equal]
    to_write = dataclasses.replace(dataset, **{table: [] for table in same})
    # 下一步打算 items become next year's key tasks, in the same batch (museum.targets.tasks)
    to_write.tasks = to_write.tasks or plans.key_tasks(parsed)
    kept = sum(len(getattr(dataset, table)) for table in same)
    if dry_run:
        counts = batches.Counts(counted["new"] + sum(len(getattr(to_write, k)) for k in RECORD_KEYS), counted["changed"],
                                counted["unchanged"] + counted["source_updated"] + kept, len(parsed.unplaced))
        return result(parsed, "valid", counts=counts, warnings=warnings)
    institution = batches.institution_id(con, dataset.institution, create=False)
    if pending_review.required(con, institution):  # figures count once another account approves them
        return _submit(con, parsed, to_write, plan, counted, kept, actor=actor, allow_implausible=allow_implausible,
                       warnings=warnings)
    with db.transaction(con):
        batch_id, counts = seed.write_dataset(con, to_write, kind="report", user=actor, note=f"report:{dataset.year}",
                                              allow_implausible=allow_implausible)
        # a new source sentence for the same figure is written, but no figure changed
        counts.updated -= counted["source_updated"]
        counts.unchanged += kept + counted["source_updated"]
        counts.skipped = len(parsed.unplaced)
        batches.finish_batch(con, batch_id, counts)
        if plan["is_new_institution"]:  # whoever creates a unit by importing its report may see it
            rights.grant_creator(con, actor, batches.institution_id(con, dataset.institution, create=False))
        audit.record(con, "report_import", actor,
                     f"{parsed.source_name or 'report'} → batch #{batch_id} ({dataset.year}: {counts.inserted} new, "
                     f"{counts.updated} changed)", batches.sha256(parsed.source_bytes))
    return result(parsed, "committed", batch_id=batch_id, counts=counts, warnings=warnings)


def _submit(con, parsed: ParsedReport, to_write: seed.Dataset, plan: dict, counted: dict, kept: int, *, actor: str,
            allow_implausible: bool, warnings: list[str]) -> dict:
    """The reviewed report as a pending batch: the dataset to write kept as its proposal, the file as its bytes."""
    institution = plan["institution_id"]
    fields = {k: v for k, v in dataclasses.asdict(to_write).items() if k != "source_bytes"}
    inputs = {"dataset": json.loads(json.dumps(fields, ensure_ascii=False, default=str)),
              "allow_implausible": allow_implausible, "source_updated": counted["source_updated"], "kept": kept,
              "skipped": len(parsed.unplaced)}
    changes = pending_review.changes_of(plan["observations"][plan["observations"]["status"].isin(["new", "changed"])])
    batch_id = pending_review.submit(con, "report", institution, actor=actor, inputs=inputs, changes=changes, warnings=[],
                                     what=f"report:{to_write.year}", file_name=to_write.source_name or None,
                                     content=to_write.source_bytes or None,
                                     digest=batches.sha256(to_write.source_bytes) if to_write.source_bytes else None)
    counts = batches.Counts(counted["new"], counted["changed"], counted["unchanged"] + counted["source_updated"] + kept,
                            len(parsed.unplaced))
    return result(parsed, "pending", batch_id=batch_id, counts=counts, warnings=warnings)


def apply_pending(con, batch_id: int, institution: int, inputs: dict) -> tuple[batches.Counts, seed.Dataset]:
    """Write an approved report batch's dataset under its id (in the caller's transaction), counted as a commit counts."""
    dataset = seed.Dataset(**inputs["dataset"])
    counts = seed.write_records(con, batch_id, institution, dataset, allow_implausible=bool(inputs["allow_implausible"]))
    counts.updated -= inputs["source_updated"]
    counts.unchanged += inputs["kept"] + inputs["source_updated"]
    counts.skipped = inputs["skipped"]
    batches.finish_batch(con, batch_id, counts)
    return counts, dataset
