"""Year-over-year (同比) arithmetic: what a year's value is, and how it compares with last year.

The metric's kind decides (DESIGN §4):
- flow: a year is its stated annual value, else the sum of its months. A partial year is
  compared with the same months of the prior year (YTD), never with a full year.
- stock: a value at a date: the year-end value (or the latest month's); never summed.
- event: counts derived from dated records; compared as a count difference.
- ratio: compared in percentage points, not in percent of a percent.
A change involving an at_least/approx value is itself approximate. A change against a missing
or zero prior value is None with a reason, never inf or NaN.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from museum import db
from museum.catalog import Catalog, Metric


@dataclass(frozen=True)
class Source:
    """Where a number came from: the report sentence and/or the batch that wrote it."""

    sentence: str | None
    batch_id: int
    batch_kind: str
    file_name: str | None
    user: str | None
    time: str | None


@dataclass
class YearValue:
    value: float
    qualifier: str
    basis: str                      # "year": a stated annual value or all 12 months; "months": a partial year
    months: tuple[int, ...] = ()    # the months summed (flows) or the month read (stocks); () for annual
    sources: list[Source] = field(default_factory=list)
    is_demo: bool = False


@dataclass
class Kpi:
    metric: Metric
    year: int
    current: YearValue
    prior_year: int
    prior: YearValue | None
    change: float | None
    change_pct: float | None
    approximate: bool
    reason: str | None              # why change_pct is missing: no_prior | prior_zero | prior_no_months | prior_partial | ratio

    @property
    def value(self) -> float:
        return self.current.value

    @property
    def qualifier(self) -> str:
        return self.current.qualifier

    @property
    def prior_value(self) -> float | None:
        return None if self.prior is None else self.prior.value


def load_values(con, institution: int) -> pd.DataFrame:
    """Every current value of an institution (observations plus record-derived counts)."""
    return db.query(con, "metric_values", institution_id=institution)


def combine_qualifiers(qualifiers) -> str:
    found = set(qualifiers)
    if "approx" in found:
        return "approx"
    if "at_least" in found:
        return "at_least"
    return "exact"


def _source(row) -> Source:
    sentence = row["sentence"]
    return Source(
        sentence=None if pd.isna(sentence) else str(sentence),
        batch_id=int(row["batch_id"]),
        batch_kind=str(row["batch_kind"]),
        file_name=None if pd.isna(row["batch_file"]) else str(row["batch_file"]),
        user=None if pd.isna(row["batch_user"]) else str(row["batch_user"]),
        time=None if pd.isna(row["batch_time"]) else str(row["batch_time"])[:16],
    )


def year_value(rows: pd.DataFrame, kind: str) -> YearValue | None:
    """The value of one metric in one year from its rows (annual and/or monthly)."""
    if rows.empty:
        return None
    annual = rows[rows["month"].isna()]
    if not annual.empty:
        row = annual.iloc[-1]
        return YearValue(float(row["value"]), str(row["qualifier"]), "year", (), [_source(row)], bool(row["is_demo"]))
    monthly = rows.sort_values("month")
    months = tuple(int(m) for m in monthly["month"])
    sources = list(dict.fromkeys(_source(r) for _, r in monthly.iterrows()))
    is_demo = bool(monthly["is_demo"].any())
    if kind == "flow":
        basis = "year" if set(months) == set(range(1, 13)) else "months"
        return YearValue(
            float(monthly["value"].sum()), combine_qualifiers(monthly["qualifier"]), basis, months, sources, is_demo
        )
    last = monthly.iloc[-1]
    return YearValue(
        float(last["value"]),
        str(last["qualifier"]),
        "year" if int(last["month"]) == 12 else "months",
        (int(last["month"]),),
        [_source(last)],
        is_demo,
    )


def _same_months(rows: pd.DataFrame, months: tuple[int, ...], kind: str) -> YearValue | None:
    """The prior year's value over exactly `months`, if it has monthly data for all of them."""
    monthly = rows[rows["month"].notna()]
    have = {int(m) for m in monthly["month"]}
    if not monthly.empty and set(months) <= have:
        return year_value(monthly[monthly["month"].isin(months)], kind)
    return None


def compare(metric: Metric, current: YearValue, prior_rows: pd.DataFrame) -> tuple[YearValue | None, float | None, float | None, bool, str | None]:
    """(prior, change, change_pct, approximate, reason) for one metric and year."""
    if prior_rows.empty:
        return None, None, None, False, "no_prior"
    if current.basis == "months":
        prior = _same_months(prior_rows, current.months, metric.kind)
        if prior is None:
            # a stock read at month m may still be compared with last year's year-end value
            if metric.kind == "flow":
                return None, None, None, False, "prior_no_months"
            prior = year_value(prior_rows, metric.kind)
    else:
        prior = year_value(prior_rows, metric.kind)
        if metric.kind == "flow" and prior is not None and prior.basis == "months":
            return prior, None, None, False, "prior_partial"
    if prior is None:
        return None, None, None, False, "no_prior"
    approximate = current.qualifier != "exact" or prior.qualifier != "exact"
    change = current.value - prior.value
    if metric.kind == "ratio":
        return prior, change, None, approximate, "ratio"
    if prior.value == 0:
        return prior, change, None, approximate, "prior_zero"
    change_pct = change / abs(prior.value) * 100
    if not math.isfinite(change_pct):
        return prior, change, None, approximate, "prior_zero"
    return prior, change, change_pct, approximate, None


def kpis_for_year(values: pd.DataFrame, cat: Catalog, year: int) -> list[Kpi]:
    """One Kpi per catalog metric that has a value in `year`, in catalog order."""
    result = []
    by_metric = {metric_id: rows for metric_id, rows in values.groupby("metric_id")} if not values.empty else {}
    for metric in cat:
        rows = by_metric.get(metric.metric_id)
        if rows is None:
            continue
        current = year_value(rows[rows["year"] == year], metric.kind)
        if current is None:
            continue
        prior, change, change_pct, approximate, reason = compare(metric, current, rows[rows["year"] == year - 1])
        result.append(Kpi(metric, year, current, year - 1, prior, change, change_pct, approximate, reason))
    return result


def yearly_series(values: pd.DataFrame, metric: Metric) -> pd.DataFrame:
    """One row per year: value, qualifier, basis, months (for trend charts and tables)."""
    rows = values[values["metric_id"] == metric.metric_id]
    records = []
    for year, year_rows in rows.groupby("year"):
        yv = year_value(year_rows, metric.kind)
        if yv is not None:
            records.append(
                {"year": int(year), "value": yv.value, "qualifier": yv.qualifier, "basis": yv.basis, "months": len(yv.months)}
            )
    return pd.DataFrame(records, columns=["year", "value", "qualifier", "basis", "months"])


def monthly_series(values: pd.DataFrame, metric: Metric) -> pd.DataFrame:
    """Monthly rows (year, month, value, qualifier) and, for flows, the running YTD total."""
    rows = values[(values["metric_id"] == metric.metric_id) & values["month"].notna()]
    frame = rows[["year", "month", "value", "qualifier"]].copy()
    frame["year"] = frame["year"].astype(int)
    frame["month"] = frame["month"].astype(int)
    frame = frame.sort_values(["year", "month"]).reset_index(drop=True)
    if metric.kind == "flow":
        frame["ytd"] = frame.groupby("year")["value"].cumsum()
    return frame


def years_with_data(values: pd.DataFrame) -> list[int]:
    return sorted({int(y) for y in values["year"]}, reverse=True) if not values.empty else []


def has_monthly(values: pd.DataFrame, metric_id: str) -> bool:
    rows = values[values["metric_id"] == metric_id]
    return bool(rows["month"].notna().any())
