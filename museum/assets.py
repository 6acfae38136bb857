"""Assets (万元) at the start and end of each year, their change, and reconciliation.

A year's 年初数 should equal the previous year's 年末数; where both are known and differ by
more than rounding, the year is flagged.
"""

from __future__ import annotations

import pandas as pd

TOLERANCE_WAN = 0.005  # reports round to 0.01 万元


def asset_table(values: pd.DataFrame) -> pd.DataFrame:
    """One row per year: start, end, change, change_pct, prev_end, reconciled (True/False/None)."""
    annual = values[values["month"].isna() & values["metric_id"].isin(["assets_year_start", "assets_year_end"])]
    wide = annual.pivot_table(index="year", columns="metric_id", values="value", aggfunc="last")
    wide = wide.reindex(columns=["assets_year_start", "assets_year_end"]).rename(
        columns={"assets_year_start": "start", "assets_year_end": "end"}
    )
    wide.index = wide.index.astype(int)
    wide = wide.sort_index()
    table = wide.reset_index().rename(columns={"index": "year"})
    table["change"] = table["end"] - table["start"]
    table["change_pct"] = [
        (c / s * 100) if pd.notna(c) and pd.notna(s) and s != 0 else None for c, s in zip(table["change"], table["start"])
    ]
    ends = dict(zip(table["year"], table["end"]))
    table["prev_end"] = [ends.get(y - 1) for y in table["year"]]
    table["reconciled"] = [
        None if pd.isna(s) or p is None or pd.isna(p) else abs(s - p) <= TOLERANCE_WAN
        for s, p in zip(table["start"], table["prev_end"])
    ]
    return table[["year", "start", "end", "change", "change_pct", "prev_end", "reconciled"]]


def mismatches(table: pd.DataFrame) -> pd.DataFrame:
    """Years whose 年初数 differs from the prior 年末数."""
    return table[table["reconciled"] == False]  # noqa: E712 (None means "cannot tell")
