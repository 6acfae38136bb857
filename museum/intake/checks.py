"""Warnings that need what is already stored: 10x jumps against last year, months vs annual totals.

Both compare the file's values with the current values (the file's own values win where both
exist), set-wise in SQL over the registered frame, never row by row.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from museum.store import batches, db
from museum.catalog import Catalog
from museum.i18n import Listing, Name, Phrase
from museum.intake.problems import Notice
from museum.sources.store import OVER_TOTAL_TOLERANCE

JUMP_FACTOR = 10
SUM_TOLERANCE = 0.005   # months in decimals may differ from their annual figure or 合计 by rounding (every layout)
MAX_LISTED = 20


def _listed(items: list[Phrase], total: int) -> Listing:
    return Listing(tuple(items), total - len(items), clauses=True)


def _name(cat: Catalog, metric_id: str) -> Name:
    return Name(cat[metric_id].name_zh, cat[metric_id].name_en)


def _period(year, month) -> str:
    return f"{int(year)}" if pd.isna(month) else f"{int(year)}-{int(month):02d}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def differs_from_sum(stated, summed):
    """Whether a stated 合计 differs from the sum of its parts by more than rounding (numbers or
    arrays, in the unit the sheet writes them). Whole numbers (counts of posts, events, visitors)
    have no rounding: 1666 against months that add up to 1668 is a difference; only decimals
    (万元, 万次) may differ by rounding."""
    stated, summed = np.asarray(stated, dtype="float64"), np.asarray(summed, dtype="float64")
    whole = (stated == np.round(stated)) & (summed == np.round(summed))
    return np.abs(stated - summed) > np.where(whole, 0.5, np.maximum(np.abs(stated) * SUM_TOLERANCE, 0.5))


def total_differs(row: int, column: str, stated: float, summed: float) -> Notice:
    """The warning for a 合计 that is not the sum of its months, with both numbers (every layout)."""
    return Notice("intake.warning.total_differs", {"row": int(row), "column": str(column), "stated": _number(stated),
                                                   "summed": _number(summed)})


def prior_in_file(observations: pd.DataFrame) -> np.ndarray:
    """Each value's counterpart a year earlier (same metric, same month, or both annual) in the
    same file, NaN where the file has none. The staged keys are distinct (duplicates were
    dropped or refused), so each value has at most one; found by one integer per key, in order
    when the file is sorted (as exported sheets usually are), else by hashing."""
    count = len(observations)
    metric = observations["metric_id"]
    codes = metric.cat.codes.to_numpy() if isinstance(metric.dtype, pd.CategoricalDtype) else pd.factorize(metric)[0]
    years = observations["year"].to_numpy(dtype="int64")
    months = observations["month"].astype("Float64").to_numpy(dtype="float64", na_value=0.0).astype("int64")
    first = int(years.min())
    span = int(years.max()) - first + 2  # offsets from 1: the year before the first one has offset 0
    keys = (codes.astype("int64") * span + (years - first + 1)) * 13 + months
    wanted = keys - 13  # the same metric and month, one year earlier
    values = observations["value"].to_numpy(dtype="float64")
    if count > 1 and not bool((keys[1:] > keys[:-1]).all()):
        at = pd.Index(keys).get_indexer(wanted)
        return np.where(at >= 0, values[at], np.nan)
    at = np.minimum(np.searchsorted(keys, wanted), count - 1)
    return np.where(keys[at] == wanted, values[at], np.nan)


def context_notices(con, institution: int, observations: pd.DataFrame, cat: Catalog) -> list[Notice]:
    """Jump and month-sum warnings for staged observations (with their file `row`)."""
    if observations.empty:
        return []
    # a nullable column: the database must see "none in the file" as NULL, never as NaN
    prior = pd.array(prior_in_file(observations), dtype="Float64")
    frame = observations[["metric_id", "year", "month", "value", "qualifier", "row"]].assign(prior_in_file=prior)
    with db.registered(con, frame):
        jumps = db.query(con, "intake_jumps", institution_id=institution, factor=JUMP_FACTOR)
        sums = db.query(con, "intake_month_sums", institution_id=institution, tolerance=SUM_TOLERANCE)
    notices = []
    if not jumps.empty:
        items = [
            Phrase.of("intake.item.jump", row=int(r.row), metric=_name(cat, r.metric_id), period=_period(r.year, r.month),
                      value=_number(r.value), prior=_number(r.prior_value))
            for r in jumps.head(MAX_LISTED).itertuples()
        ]
        notices.append(Notice("intake.warning.jump", {"count": len(jumps), "items": _listed(items, len(jumps)), "factor": JUMP_FACTOR}))
    if not sums.empty:
        items = [
            Phrase.of("intake.item.month_sum", metric=_name(cat, r.metric_id), year=int(r.year), months=int(r.months),
                      total=_number(r.total), annual=_number(r.annual))
            for r in sums.head(MAX_LISTED).itertuples()
        ]
        notices.append(Notice("intake.warning.month_sum", {"count": len(sums), "items": _listed(items, len(sums))}))
    return notices


def over_total_notices(con, institution: int, observations: pd.DataFrame, cat: Catalog, table=None) -> list[Notice]:
    """Months where the platforms add up to more than the matrix total: both numbers, to check.
    `table`: the observations as Arrow (batches.observation_table), when the caller has it."""
    if observations is None or observations.empty:
        return []
    staged_platforms = "platform" in observations and observations["platform"].notna().any()
    if not staged_platforms and not db.scalar(con, "platform_values_exist", institution_id=institution):
        return []  # no breakdown anywhere: nothing can add up to more than a total
    with db.registered(con, table if table is not None else batches.observation_table(observations)):
        found = db.query(con, "platform_over_total", institution_id=institution, tolerance=OVER_TOTAL_TOLERANCE)
    if found.empty:
        return []
    items = [Phrase.of("sources.item.over_total", metric=_name(cat, r.metric_id), period=f"{int(r.year)}-{int(r.month):02d}",
                       platforms=_number(r.platforms_value), total=_number(r.total))
             for r in found.head(MAX_LISTED).itertuples()]
    return [Notice("sources.warning.over_total", {"count": len(found), "items": _listed(items, len(found))})]
