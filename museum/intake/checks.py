"""Warnings that need what is already stored: 10x jumps against last year, months vs annual totals.

Both compare the file's values with the current values (the file's own values win where both
exist), set-wise with merges, never row by row.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from museum.catalog import Catalog
from museum.intake.problems import Notice

JUMP_FACTOR = 10
SUM_TOLERANCE = 0.005   # months may differ from the annual figure by rounding
MAX_LISTED = 20


def _known(observations: pd.DataFrame, current: pd.DataFrame) -> pd.DataFrame:
    key = ["metric_id", "year", "month"]
    columns = key + ["value", "qualifier"]
    stored = current[columns].astype({"year": "int64", "month": "Int64"})
    mine = observations[columns].astype({"year": "int64", "month": "Int64"})
    merged = pd.concat([mine, stored], ignore_index=True)
    return merged.drop_duplicates(key, keep="first")


def _listed(items: list[str]) -> str:
    shown = "；".join(items[:MAX_LISTED])
    return shown + (f"；…(+{len(items) - MAX_LISTED})" if len(items) > MAX_LISTED else "")


def jump_notices(observations: pd.DataFrame, current: pd.DataFrame, cat: Catalog) -> list[Notice]:
    """Values more than 10x (or under 1/10) of the same metric and month a year earlier."""
    if observations.empty:
        return []
    known = _known(observations, current)
    prior = known.rename(columns={"value": "prior_value", "qualifier": "prior_qualifier"})
    prior = prior.assign(year=prior["year"] + 1)[["metric_id", "year", "month", "prior_value"]]
    mine = observations[["metric_id", "year", "month", "value", "row", "value_column"]].astype({"year": "int64", "month": "Int64"})
    both = mine.merge(prior, on=["metric_id", "year", "month"], how="inner")
    ratio_metrics = {m.metric_id for m in cat if m.kind == "ratio"}
    both = both[~both["metric_id"].isin(ratio_metrics) & (both["prior_value"] > 0) & (both["value"] > 0)]
    jumped = both[(both["value"] > both["prior_value"] * JUMP_FACTOR) | (both["value"] * JUMP_FACTOR < both["prior_value"])]
    if jumped.empty:
        return []
    jumped = jumped.sort_values("row")
    items = [
        f"{int(r.row)}:{cat[r.metric_id].name_zh} {_period(r.year, r.month)} {_number(r.value)} / {_number(r.prior_value)}"
        for r in jumped.itertuples()
    ]
    return [Notice("intake.warning.jump", {"count": len(items), "items": _listed(items), "factor": JUMP_FACTOR})]


def month_sum_notices(observations: pd.DataFrame, current: pd.DataFrame, cat: Catalog) -> list[Notice]:
    """Flow metrics whose months (file + stored) do not add up to the stated annual value."""
    if observations.empty:
        return []
    flows = {m.metric_id for m in cat if m.kind == "flow"}
    known = _known(observations, current)
    known = known[known["metric_id"].isin(flows)]
    touched = observations[["metric_id", "year"]].drop_duplicates()
    known = known.merge(touched, on=["metric_id", "year"])
    annual = known[known["month"].isna() & (known["qualifier"] == "exact")][["metric_id", "year", "value"]]
    monthly = known[known["month"].notna()]
    sums = monthly.groupby(["metric_id", "year"], as_index=False).agg(months=("month", "nunique"), total=("value", "sum"))
    both = sums.merge(annual, on=["metric_id", "year"])
    tolerance = np.maximum(both["value"].abs() * SUM_TOLERANCE, 0.5)
    full_mismatch = (both["months"] == 12) & ((both["total"] - both["value"]).abs() > tolerance)
    partial_over = (both["months"] < 12) & (both["total"] > both["value"] + tolerance)
    bad = both[full_mismatch | partial_over].sort_values(["metric_id", "year"])
    if bad.empty:
        return []
    items = [
        f"{cat[r.metric_id].name_zh} {int(r.year)}: Σ{int(r.months)}={_number(r.total)} ≠ {_number(r.value)}"
        for r in bad.itertuples()
    ]
    return [Notice("intake.warning.month_sum", {"count": len(items), "items": _listed(items)})]


def _period(year, month) -> str:
    return f"{int(year)}" if pd.isna(month) else f"{int(year)}-{int(month):02d}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
