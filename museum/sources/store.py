"""Platform export rows in the database: the monthly roll-up (preview and commit) and the write.

The roll-up is computed in SQL over the stored current rows with the export's rows in place of
the ones they replace, so previewing and committing give the same figures and two overlapping
exports of the same works never count a work twice. Rules come from data/sources/metrics.csv.
"""

from __future__ import annotations

import calendar
import csv
from contextlib import contextmanager
from functools import lru_cache

import pandas as pd

from museum import settings
from museum.i18n import Listing, Phrase
from museum.store import db
from museum.intake.problems import Notice
from museum.sources import PlatformExport

RULES_FILE = settings.ROOT / "data" / "sources" / "metrics.csv"
OVER_TOTAL_TOLERANCE = 0.005


@lru_cache(maxsize=1)
def rules() -> pd.DataFrame:
    with RULES_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    frame = pd.DataFrame(rows, columns=["platform", "metric_id", "source", "rule", "field", "item_type", "channel", "note"])
    return frame.replace({"": None}).astype("string")


@contextmanager
def _staged(con, export: PlatformExport):
    """The export's rows visible to the named queries as `items` and `daily` for a block."""
    with db.registered(con, export.items_table, "items"), db.registered(con, export.daily_table, "daily"):
        yield


def rollup(con, institution: int, export: PlatformExport) -> pd.DataFrame:
    """The monthly observations (metric_id, year, month, platform, value, qualifier, note,
    sentence) the export leads to, with `days` covered for daily-based metrics."""
    with _staged(con, export), db.registered(con, rules(), "rules"):
        found = db.query(con, "platform_rollup", institution_id=institution, platform=export.platform)
    found["qualifier"] = ["at_least" if bounded is True else "exact" for bounded in found.pop("at_least")]  # a 10w+ work
    found["note"] = None
    found["sentence"] = None
    return found


def rollup_notices(found: pd.DataFrame) -> list[Notice]:
    """Months whose daily figures cover only some of their days."""
    partial = found[(found["days"] > 0)]
    partial = partial[[int(d) < calendar.monthrange(int(y), int(m))[1] for d, y, m in zip(partial["days"], partial["year"], partial["month"])]] \
        if not partial.empty else partial
    if partial.empty:
        return []
    months = sorted({(int(y), int(m), int(d)) for y, m, d in zip(partial["year"], partial["month"], partial["days"])})
    text = Listing.of(Phrase.of("sources.item.partial_month", month=f"{y}-{m:02d}", days=d, of=calendar.monthrange(y, m)[1])
                      for y, m, d in months)
    return [Notice("sources.warning.partial_months", {"months": text})]


def replaced_count(con, institution: int, export: PlatformExport) -> int:
    """How many of the export's works and days are already stored (they will be replaced)."""
    with _staged(con, export):
        return int(db.scalar(con, "platform_replaced_count", institution_id=institution, platform=export.platform) or 0)


def write(con, batch_id: int, institution: int, export: PlatformExport) -> int:
    """Store the export's rows (inside the caller's transaction): stored rows of the same works
    and days are retired by this batch. Returns the number of rows written."""
    params = {"batch_id": batch_id, "institution_id": institution, "platform": export.platform}
    with _staged(con, export):
        if not export.items.empty:
            db.execute(con, "platform_item_retire", **params)
            db.execute(con, "platform_item_insert", **params, source_format=export.source_format)
        if not export.daily.empty:
            db.execute(con, "platform_daily_retire", **params)
            db.execute(con, "platform_daily_insert", **params, source_format=export.source_format)
    return len(export.items) + len(export.daily)
