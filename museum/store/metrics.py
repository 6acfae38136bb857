"""The `metric` table kept in step with the catalog file (data/metrics.csv, museum.catalog)."""

from __future__ import annotations

import pandas as pd

from museum.catalog import Catalog, load
from museum.store import db

SYNCED_COLUMNS = ("metric_id", "name_zh", "name_en", "unit_zh", "unit_en", "kind", "category", "aliases",
                  "higher_is_better", "non_negative", "sort_order")


def sync(con, cat: Catalog | None = None) -> bool:
    """Mirror the catalog (default: the catalog file) into the `metric` table (new metrics added,
    names updated). Writes only when the table differs, so a start-up with nothing new is a read;
    returns whether it wrote."""
    wanted = sorted(
        ({**{k: v for k, v in m.__dict__.items() if k in SYNCED_COLUMNS}, "aliases": "|".join(m.aliases)} for m in (cat or load())),
        key=lambda row: row["metric_id"],
    )
    stored = [dict(zip(SYNCED_COLUMNS, row)) for row in db.rows(con, "metric_catalog")]
    stored_ids = {row["metric_id"] for row in stored}
    if [row for row in stored if row["metric_id"] in {w["metric_id"] for w in wanted}] == wanted and \
            {w["metric_id"] for w in wanted} <= stored_ids:
        return False
    db.insert_frame(con, "metric_upsert_all", pd.DataFrame(wanted, columns=list(SYNCED_COLUMNS)))  # one statement
    return True
