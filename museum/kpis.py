"""Year-over-year (同比) arithmetic: what a year's value is, and how it compares with last year.

The metric's kind decides (DESIGN §4). The KPI's value is always this year's figure to date; the
comparison may use fewer months than the value (`basis_months`), and says so.

- flow (additive over months): a year is its stated annual value, else the sum of its months.
  - both years whole (an annual figure, or all 12 months): whole years are compared;
  - otherwise the months both years have are compared ("1–6月同比"), summed on both sides;
  - this year partial and no common month, but last year has an annual figure: no change, but
    the share of last year reached so far (`of_prior_year_pct`, "已达上年全年的 66%");
  - this year whole but last year only partial with no common month: not compared.
- stock (a value at a date, never summed; ratios alike): the year-end value, else the latest
  month. Year-end is compared with year-end; otherwise the latest month-end both years have; a
  mid-year value with no common month is compared with last year's year-end ("较上年末").
- event: counts derived from dated records: whole years, a count difference.
- ratio: compared in percentage points, never in percent of a percent.

A period shorter than a year (museum.period) takes the months it covers, by the same rules: a
flow is the sum of its months with data, a stock its latest month-end, and 同比 compares the same
months a year earlier. Annual figures cannot be split into months: they count for a whole year
only (and, for a flow, as last year's total that months 1–N so far are a share of). Event records
have only a year, so they count for a year only. 环比 (`previous_*`) compares a period with the
previous one of the same length (Period.previous): flows only when both have every month, stocks
month-end with month-end; the same bounds, and a reason code when there is none (PREVIOUS_REASONS).

A change is only as good as its two values. Its `bound` says how: exact; at_least when this year
is a lower bound (超500万 vs 385.7万 is "at least +29.6%"); at_most when last year is one; approx
when either value is approximate (约/近) or both are lower bounds. The share of last year has the
same bound. A value that is only a sum of some platforms (WeChat and Douyin, not the whole
matrix) is not compared with a value of another coverage. Against a missing or zero prior value
there is no percentage: None with a reason code, never inf or NaN.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from museum.store import db
from museum.catalog import Catalog, Metric
# what a KPI is (Source, YearValue, Kpi and the reason codes) is its own module; callers may import them from here
from museum.kpi_model import Kpi, Source, YearValue
from museum.period import Period

ALL_MONTHS = frozenset(range(1, 13))


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


def change_bound(current: str, prior: str) -> str:
    """How a difference of two qualified values is bounded (see the module docstring)."""
    if "approx" in (current, prior) or (current == "at_least" and prior == "at_least"):
        return "approx"
    if current == "at_least":
        return "at_least"
    if prior == "at_least":
        return "at_most"
    return "exact"


@dataclass(slots=True)
class _Row:
    """One value row as the arithmetic reads it: built once per frame, so that the per-metric steps
    below are plain Python over a dozen rows instead of pandas filters (100 metrics × 2 years ×
    several steps made 300 ms a page at national size)."""

    month: int | None
    value: object          # as stored (a float from the database; sums go through numpy, as pandas did)
    qualifier: object
    is_demo: object
    platforms: tuple[str, ...]
    source: Source


def _texts(column: pd.Series) -> list[str | None]:
    return [None if missing else str(text) for text, missing in zip(column.tolist(), column.isna().tolist())]


def _platform_codes(frame: pd.DataFrame) -> list[tuple[str, ...]]:
    """Per row, the platforms it is a sum of; () for a total (or before the column exists)."""
    if "platforms" not in frame.columns:
        return [()] * len(frame)
    parsed: dict[str, tuple[str, ...]] = {}
    codes = []
    for text, missing in zip(frame["platforms"].tolist(), frame["platforms"].isna().tolist()):
        if missing or not str(text).strip():
            codes.append(())
            continue
        if text not in parsed:
            parsed[text] = tuple(sorted(c.strip() for c in str(text).split(",") if c.strip()))
        codes.append(parsed[text])
    return codes


def _rows(frame: pd.DataFrame) -> list[_Row]:
    """The frame's rows in frame order, read column by column (one pass, no per-row Series)."""
    if frame.empty:
        return []
    months = [None if missing else int(month) for month, missing in zip(frame["month"].tolist(), frame["month"].isna().tolist())]
    # a frame has a few batches and thousands of rows: each distinct source is made once (equal
    # values, so the sources compare and hash as before); its time is shown in the institution's
    # zone when a reader sees it (present.describe_source)
    times = [None if missing else time
             for time, missing in zip(frame["batch_time"].tolist(), frame["batch_time"].isna().tolist())]
    made: dict[tuple, Source] = {}
    sources = []
    for key in zip(_texts(frame["sentence"]), frame["batch_id"].tolist(), frame["batch_kind"].tolist(),
                   _texts(frame["batch_file"]), _texts(frame["batch_user"]), times):
        source = made.get(key)
        if source is None:
            sentence, batch_id, kind, file_name, user, time = key
            source = made[key] = Source(sentence, int(batch_id), str(kind), file_name, user, time)
        sources.append(source)
    return [_Row(*fields) for fields in zip(months, frame["value"].tolist(), frame["qualifier"].tolist(),
                                            frame["is_demo"].tolist(), _platform_codes(frame), sources)]


def _coverage(rows: list[_Row]) -> tuple[tuple[str, ...], bool]:
    union = tuple(sorted({c for row in rows for c in row.platforms}))
    return union, bool(union) and any(not row.platforms for row in rows)


def year_value(rows: pd.DataFrame, kind: str) -> YearValue | None:
    """The value of one metric in one year from its rows (annual and/or monthly)."""
    return _year_value(_rows(rows), kind)


def _year_value(rows: list[_Row], kind: str) -> YearValue | None:
    if not rows:
        return None
    annual = [row for row in rows if row.month is None]
    if annual:
        row = annual[-1]
        platforms, partial = _coverage([row])
        return YearValue(float(row.value), str(row.qualifier), "year", (), [row.source], bool(row.is_demo), platforms, partial)
    monthly = sorted(rows, key=lambda row: row.month)
    months = tuple(row.month for row in monthly)
    is_demo = any(bool(row.is_demo) for row in monthly)
    if kind == "flow":
        platforms, partial = _coverage(monthly)
        sources = list(dict.fromkeys(row.source for row in monthly))
        basis = "year" if set(months) == ALL_MONTHS else "months"
        # numpy's sum, as the frame's column sum was (the same float, to the last bit)
        total = float(np.sum(np.asarray([row.value for row in monthly])))
        return YearValue(total, combine_qualifiers(row.qualifier for row in monthly), basis, months, sources,
                         is_demo, platforms, partial)
    last = monthly[-1]
    platforms, partial = _coverage([last])
    return YearValue(float(last.value), str(last.qualifier), "year" if last.month == 12 else "months",
                     (last.month,), [last.source], is_demo, platforms, partial)


def _months(rows: list[_Row]) -> set[int]:
    return {row.month for row in rows if row.month is not None}


def _monthly_value(rows: list[_Row], months, kind: str) -> YearValue | None:
    """The value over exactly `months` (flows: their sum; stocks: the last of them)."""
    wanted = set(months)
    return _year_value([row for row in rows if row.month is not None and row.month in wanted], kind)


def _year_end(rows: list[_Row]) -> YearValue | None:
    """A stock's year-end value: the annual figure or December; None when the year has neither."""
    annual = [row for row in rows if row.month is None]
    if annual:
        return _year_value(annual, "stock")
    december = [row for row in rows if row.month == 12]
    return _year_value(december, "stock") if december else None


@dataclass
class _Plan:
    """What to compare: both sides and how; or a reason why nothing is compared."""

    comparison: str | None
    compared: YearValue | None = None
    prior: YearValue | None = None
    basis_months: tuple[int, ...] | None = None
    reason: str | None = None


def _plan_flow(current: YearValue, current_rows: list[_Row], prior_rows: list[_Row]) -> _Plan:
    prior_year = _year_value(prior_rows, "flow")
    if current.basis == "year" and prior_year.basis == "year":
        return _Plan("years", current, prior_year)
    common = tuple(sorted(_months(current_rows) & _months(prior_rows)))
    if common:
        return _Plan("months", _monthly_value(current_rows, common, "flow"), _monthly_value(prior_rows, common, "flow"), common)
    if current.basis == "months" and prior_year.basis == "year":
        return _Plan("share", current, prior_year)
    if current.basis == "year":
        return _Plan(None, prior=prior_year, reason="prior_partial")
    return _Plan(None, prior=prior_year, reason="no_common_months")


def _plan_stock(current: YearValue, current_rows: list[_Row], prior_rows: list[_Row]) -> _Plan:
    prior_end = _year_end(prior_rows)
    if current.basis == "year" and prior_end is not None:
        return _Plan("years", current, prior_end)
    common = _months(current_rows) & _months(prior_rows)
    if common:
        month = (max(common),)
        return _Plan("months", _monthly_value(current_rows, month, "stock"), _monthly_value(prior_rows, month, "stock"), month)
    if prior_end is not None:
        return _Plan("prior_year_end", current, prior_end)
    prior = _year_value(prior_rows, "stock")
    return _Plan(None, prior=prior, reason="prior_partial" if current.basis == "year" else "no_common_months")


def _same_coverage(a: YearValue, b: YearValue) -> bool:
    return (a.platforms, a.platforms_partial) == (b.platforms, b.platforms_partial)


def compare(metric: Metric, current_rows: pd.DataFrame, prior_rows: pd.DataFrame, year: int | None = None) -> Kpi | None:
    """The KPI of one metric in one year from that year's rows and the prior year's rows."""
    if current_rows.empty:
        return None
    year = int(current_rows["year"].iloc[0]) if year is None else year
    return _compare(metric, _rows(current_rows), _rows(prior_rows), year)


def _compare(metric: Metric, current_rows: list[_Row], prior_rows: list[_Row], year: int) -> Kpi | None:
    current = _year_value(current_rows, metric.kind)
    if current is None:
        return None
    kpi = Kpi(metric, year, current, year - 1, None, None, None, "exact", "no_prior",
              period=Period.of_year(year), previous_reason="period_year")
    if not prior_rows:
        return kpi
    if metric.kind == "flow":
        plan = _plan_flow(current, current_rows, prior_rows)
    elif metric.kind == "event":
        plan = _Plan("years", current, _year_value(prior_rows, metric.kind))
    else:
        plan = _plan_stock(current, current_rows, prior_rows)
    kpi.prior, kpi.reason = plan.prior, plan.reason
    if plan.comparison is None:
        return kpi
    if not _same_coverage(plan.compared, plan.prior):
        kpi.reason = "platforms_differ"
        return kpi
    kpi.comparison, kpi.compared, kpi.basis_months = plan.comparison, plan.compared, plan.basis_months
    kpi.bound = change_bound(plan.compared.qualifier, plan.prior.qualifier)
    prior_value = plan.prior.value
    if plan.comparison == "share":
        kpi.reason = None
        if prior_value > 0:
            kpi.of_prior_year_pct = plan.compared.value / prior_value * 100
        else:
            kpi.reason = "prior_zero"
        return kpi
    kpi.change = plan.compared.value - prior_value
    if metric.kind == "ratio":
        kpi.reason = "ratio"
    elif prior_value == 0 or not math.isfinite(kpi.change / abs(prior_value) * 100):
        kpi.reason = "prior_zero"
    else:
        kpi.change_pct, kpi.reason = kpi.change / abs(prior_value) * 100, None
    return kpi


def _by_metric_and_year(values: pd.DataFrame) -> dict[tuple, list[_Row]]:
    """(metric_id, year) -> its rows in frame order, from one pass over the frame."""
    grouped: dict[tuple, list[_Row]] = {}
    for metric_id, year, row in zip(values["metric_id"].tolist(), values["year"].tolist(), _rows(values)):
        grouped.setdefault((metric_id, year), []).append(row)
    return grouped


def kpis_for_year(values: pd.DataFrame, cat: Catalog, year: int) -> list[Kpi]:
    """One Kpi per catalog metric that has a value in `year`, in catalog order."""
    return kpis_for_period(values, cat, Period.of_year(year))


def _in_period(rows: list[_Row], period: Period) -> list[_Row]:
    """The rows a period covers: all of a year's; the period's months otherwise (an annual figure
    cannot be split into months)."""
    if period.is_year:
        return rows
    return [row for row in rows if row.month is not None and period.first <= row.month <= period.last]


def _prior_rows(rows: list[_Row], period: Period, kind: str) -> list[_Row]:
    """Last year's side of 同比: the same months, plus last year's annual flow for months 1–N so far
    (which then say what share of last year's total they reached)."""
    same = _in_period(rows, period)
    if kind == "flow" and period.to_date:
        same += [row for row in rows if row.month is None]
    return same


def kpis_for_period(values: pd.DataFrame, cat: Catalog, period: Period | int | str) -> list[Kpi]:
    """One Kpi per catalog metric that has a value in the period, in catalog order, with 同比 and 环比."""
    period = Period.coerce(period)
    if values.empty:
        return []
    year, previous = period.year, period.previous()
    years = {year, year - 1} | ({previous.year} if previous else set())
    grouped = _by_metric_and_year(values[values["year"].isin(sorted(years))])
    result = []
    for metric in cat:
        rows = grouped.get((metric.metric_id, year))
        current = _in_period(rows, period) if rows else []
        if not current:
            continue
        prior_year_rows = grouped.get((metric.metric_id, year - 1), [])
        kpi = _compare(metric, current, _prior_rows(prior_year_rows, period, metric.kind), year)
        if kpi is None:
            continue
        if kpi.reason == "no_prior" and prior_year_rows:
            kpi.reason = "prior_annual_only"  # last year is known, but only as a whole year
        kpi.period = period
        _compare_previous(kpi, grouped.get((metric.metric_id, previous.year), []) if previous else [], period)
        result.append(kpi)
    return result


def _compare_previous(kpi: Kpi, rows: list[_Row], period: Period) -> None:
    """Fill the KPI's 环比 from the rows of the previous period's year (see the module docstring)."""
    previous = period.previous()
    if previous is None:
        kpi.previous_reason = period.previous_reason()
        return
    kpi.previous_period, kpi.previous_reason = previous, None
    kind = kpi.metric.kind
    kpi.previous = _year_value(_in_period(rows, previous), kind)
    if kpi.previous is None:
        kpi.previous_reason = "no_previous"
        return
    if kind == "flow" and set(kpi.current.months) != set(period.months):
        kpi.previous_reason = "period_partial"
        return
    if kind == "flow" and set(kpi.previous.months) != set(previous.months):
        kpi.previous_reason = "previous_partial"
        return
    if not _same_coverage(kpi.current, kpi.previous):
        kpi.previous_reason = "platforms_differ"
        return
    kpi.previous_bound = change_bound(kpi.current.qualifier, kpi.previous.qualifier)
    kpi.previous_change = kpi.current.value - kpi.previous.value
    if kind == "ratio":
        kpi.previous_reason = "ratio"
    elif kpi.previous.value == 0 or not math.isfinite(kpi.previous_change / abs(kpi.previous.value) * 100):
        kpi.previous_reason = "previous_zero"
    else:
        kpi.previous_change_pct = kpi.previous_change / abs(kpi.previous.value) * 100


def yearly_series(values: pd.DataFrame, metric: Metric) -> pd.DataFrame:
    """One row per year: value, qualifier, basis, months (for trend charts and tables)."""
    rows = values[values["metric_id"] == metric.metric_id]
    by_year: dict[int, list[_Row]] = {}
    for year, row in zip(rows["year"].tolist(), _rows(rows)):
        by_year.setdefault(year, []).append(row)
    records = []
    for year in sorted(by_year):
        yv = _year_value(by_year[year], metric.kind)
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
