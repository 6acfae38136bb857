"""Reading and writing the stored targets and budget figures: versioned rows, one batch per change.

Low-level helpers for `museum.targets.importer` and `museum.targets.edit`; they run inside the
caller's `db.transaction` (which also writes the audit line).
"""

from __future__ import annotations

import pandas as pd

from museum.store import db

TARGET_FIELDS = (
    "position", "level1", "level2", "indicator", "operator", "target_value", "target_text", "unit", "weight",
    "metric_id", "actual_value", "actual_qualifier", "actual_text", "actual_score", "actual_note", "deviation",
)
# What an import defines; the rest (actuals, 偏差原因) is entered later and kept across re-imports.
DEFINITION_FIELDS = ("position", "level1", "level2", "indicator", "operator", "target_value", "target_text", "unit",
                     "weight", "metric_id")
ENTERED_FIELDS = ("actual_value", "actual_qualifier", "actual_text", "actual_score", "actual_note", "deviation")


def plain(value):
    """A stored value as a plain Python value (NaN/NA -> None, numpy numbers -> float/int)."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def targets(con, institution: int) -> pd.DataFrame:
    """Every current target of the institution (all years)."""
    return db.query(con, "targets_current", institution_id=institution)


def year_targets(con, institution: int, year: int) -> list[dict]:
    frame = targets(con, institution)
    frame = frame[frame["year"] == year]
    return [{key: plain(value) for key, value in row.items()} for row in frame.to_dict("records")]


def current_target(con, institution: int, target_id: int) -> dict | None:
    frame = targets(con, institution)
    found = frame[frame["target_id"] == int(target_id)]
    if found.empty:
        return None
    return {key: plain(value) for key, value in found.iloc[0].to_dict().items()}


def insert_target(con, institution: int, year: int, batch_id: int, record: dict) -> int:
    params = {key: plain(record.get(key)) for key in TARGET_FIELDS}
    return int(db.scalar(con, "targets_insert", institution_id=institution, year=int(year), batch_id=batch_id, **params))


def retire_target(con, institution: int, target_id: int, batch_id: int) -> bool:
    return bool(db.rows(con, "targets_retire", institution_id=institution, target_id=int(target_id), batch_id=batch_id))


def budgets(con, institution: int) -> pd.DataFrame:
    return db.query(con, "budget_current", institution_id=institution)


def year_budget(con, institution: int, year: int) -> dict | None:
    frame = budgets(con, institution)
    frame = frame[frame["year"] == year]
    if frame.empty:
        return None
    return {key: plain(value) for key, value in frame.iloc[0].to_dict().items()}


def write_budget(con, institution: int, year: int, batch_id: int, figures: dict, note: str | None = None) -> None:
    db.execute(con, "budget_retire_year", institution_id=institution, year=int(year), batch_id=batch_id)
    db.execute(con, "budget_insert", institution_id=institution, year=int(year), batch_id=batch_id, note=note,
               initial_budget=figures.get("initial_budget"), full_year_budget=figures.get("full_year_budget"),
               executed=figures.get("executed"))


def same_budget(stored: dict | None, figures: dict) -> bool:
    if stored is None:
        return False
    return all(same_value(stored.get(key), figures.get(key)) for key in ("initial_budget", "full_year_budget", "executed"))


def same_value(a, b) -> bool:
    a, b = plain(a), plain(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) < 1e-9
    return a == b


def same_definition(stored: dict, record: dict) -> bool:
    return all(same_value(stored.get(key), record.get(key)) for key in DEFINITION_FIELDS)
