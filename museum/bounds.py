"""The plausibility bound of a metric: one rule, one override, for every path that writes an observation.

A sheet, a platform export, a report, a correction and a typed value all reach the observation
table through museum.store.batches.write_observations, which refuses a value beyond its metric's
`plausible_max` (data/metrics.csv: the largest value believable for one month or year) unless
the caller passes the person's explicit override (`--allow-implausible`, the page's checkbox).
The intake's own checks (museum.intake.validate) use the same bounds to say which row and cell.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from museum.catalog import Catalog
from museum.errors import InputRejected


def of(cat: Catalog, metric_ids) -> np.ndarray:
    """The bound of each metric id (inf for a metric without one, or an id the catalog lacks)."""
    return np.array([cat[m].plausible_max if m in cat and cat[m].plausible_max is not None else np.inf
                     for m in metric_ids], dtype="float64")


def text(bound: float, unit: str) -> str:
    return f"{bound:,.0f}{unit}"


def beyond(cat: Catalog, metric_ids, values) -> np.ndarray:
    """Which values are beyond their metric's bound (NaN never is); one catalog lookup per distinct
    metric, so a million-row upload is checked at numpy speed."""
    ids = pd.Series(metric_ids, dtype="category") if not isinstance(metric_ids, pd.Series) else metric_ids.astype("category")
    per_code = np.append(of(cat, list(ids.cat.categories)), np.inf)  # code -1 (no metric) -> inf
    values = np.abs(np.asarray(values, dtype="float64"))
    with np.errstate(invalid="ignore"):
        return values > per_code[ids.cat.codes.to_numpy()]


def implausible(cat: Catalog, observations: pd.DataFrame) -> pd.DataFrame:
    """The observations (metric_id, year, month, value, …) whose value is beyond the bound."""
    if observations is None or observations.empty:
        return observations.iloc[0:0] if observations is not None else pd.DataFrame()
    return observations[beyond(cat, observations["metric_id"], observations["value"])]


def refuse_implausible(cat: Catalog, observations: pd.DataFrame, *, allow_implausible: bool) -> None:
    """InputRejected naming the first value beyond its bound (and how many there are), unless allowed."""
    if allow_implausible:
        return
    found = implausible(cat, observations)
    if found.empty:
        return
    first = found.iloc[0]
    metric = cat[first["metric_id"]]
    month = first.get("month")
    period = f"{int(first['year'])}" + ("" if month is None or pd.isna(month) else f"-{int(month):02d}")
    raise InputRejected("bounds.implausible", metric=metric.name_zh, metric_en=metric.name_en, period=period,
                        value=f"{float(first['value']):,.10g}", bound=text(metric.plausible_max, metric.unit_zh),
                        count=len(found))
