"""Volunteer records in the database: the months an export touches computed over all current records, and the write."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from museum.store import db
from museum.sources import volunteer_months


def stored(con, institution: int) -> pd.DataFrame:
    """The institution's current records (services and members)."""
    found = db.query(con, "volunteer_records", institution_id=institution)
    for column in ("service_day", "registered"):
        found[column] = [None if pd.isna(v) else pd.Timestamp(v).date() for v in found[column]]
    return found


def rollup(con, institution: int, staged: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The observations of the months the staged records touch, and how many stored records they replace."""
    before = stored(con, institution)
    records = volunteer_months.current(before, staged)
    return volunteer_months.monthly(records, volunteer_months.touched(staged)), volunteer_months.replaced(before, staged)


def records_table(staged: pd.DataFrame) -> pa.Table:
    """The staged records as DuckDB reads them (the relation `records` of the named queries)."""
    return pa.table({
        "kind": pa.array(staged["kind"].tolist(), pa.string()),
        "person": pa.array(staged["person"].tolist(), pa.string()),
        "service_day": pa.array([None if v is None or pd.isna(v) else v for v in staged["service_day"]], pa.date32()),
        "activity": pa.array([None if v is None or pd.isna(v) else str(v) for v in staged["activity"]], pa.string()),
        "team": pa.array([None if v is None or pd.isna(v) else str(v) for v in staged["team"]], pa.string()),
        "hours": pa.array([None if v is None or pd.isna(v) else float(v) for v in staged["hours"]], pa.float64()),
        "registered": pa.array([None if v is None or pd.isna(v) else v for v in staged["registered"]], pa.date32()),
    })


def write(con, batch_id: int, institution: int, staged: pd.DataFrame) -> int:
    """Store the staged records (inside the caller's transaction), retiring stored ones of the same keys."""
    if staged.empty:
        return 0
    with db.registered(con, records_table(staged), "records"):
        db.execute(con, "volunteer_record_retire", batch_id=batch_id, institution_id=institution)
        db.execute(con, "volunteer_record_insert", batch_id=batch_id, institution_id=institution)
    return len(staged)
