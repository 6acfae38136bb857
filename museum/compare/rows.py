"""The comparison's rows: per headline metric and unit, the value, 同比, target completion, per staff and rank."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from museum import headlines
from museum.catalog import Metric
from museum.kpis import Kpi, change_bound

# The exact keys of `python -m museum compare --json` (a contract others test against).
COMPARE_JSON_KEYS = ("institution", "metric", "value", "qualifier", "change_pct", "completion_pct", "per_staff", "rank")
HEADCOUNT = "headcount"
NO_PER_STAFF_KINDS = ("ratio",)  # a percentage per person means nothing


@dataclass(frozen=True)
class Row:
    institution_id: int
    institution: str
    metric: Metric
    kpi: Kpi | None                        # None: 未报送 in this period
    completion_pct: float | None = None    # of the unit's target linked to this metric, if any
    completion_qualifier: str | None = None
    progress_pct: float | None = None      # 序时进度 of that target's year at the period's end
    per_staff: float | None = None
    per_staff_qualifier: str | None = None
    rank: int | None = None
    ranked: int = 0                        # how many units are ranked (the rank's "of N")
    tied: bool = False
    other_months: bool = False             # reported, but for other months than the ranked units: not ranked

    @property
    def value(self) -> float | None:
        return None if self.kpi is None else self.kpi.value

    @property
    def qualifier(self) -> str | None:
        return None if self.kpi is None else self.kpi.qualifier

    @property
    def change_pct(self) -> float | None:
        return None if self.kpi is None else self.kpi.change_pct


def rank_values(values: list[float | None], higher_is_better: bool = True) -> list[int | None]:
    """Competition ranks (1 = best; ties share a rank, the next skips); None where there is no value."""
    keyed = [None if v is None else round(float(v), 9) for v in values]  # float noise is not a difference
    present_values = [v for v in keyed if v is not None]
    ranks: list[int | None] = []
    for value in keyed:
        if value is None:
            ranks.append(None)
            continue
        better = sum(1 for other in present_values if (other > value if higher_is_better else other < value))
        ranks.append(better + 1)
    return ranks


def coverage(row: Row) -> tuple[int, ...] | None:
    """The months a row's value stands for: those summed (a flow, an event count) or the month read (a stock or a
    ratio, whose value is the one at that month's end); None when the unit did not report. An annual value covers
    its whole period."""
    if row.kpi is None:
        return None
    current, period = row.kpi.current, row.kpi.period
    months = current.months if current.basis == "months" and current.months else \
        (period.months if period is not None else tuple(range(1, 13)))
    return (max(months),) if row.metric.kind in ("stock", "ratio") else tuple(months)


def reference_coverage(rows: list[Row]) -> tuple[int, ...] | None:
    """The months the ranking compares: those most units reported, the widest (for a stock, the latest month)
    when two groups are as large. 1–9月 summed is never ranked against 1–10月, nor an August stock against a
    September one; a unit ahead of or behind the others is shown but not ranked."""
    covered = [c for c in map(coverage, rows) if c is not None]
    return max(covered, key=lambda c: (covered.count(c), len(c), c[-1], c)) if covered else None


def headcount_at(scope) -> tuple[float, str] | None:
    """(从业人数, qualifier) at the scope's period end, or None when unknown: metric `headcount` (METRICS.md) of
    the period itself when it has one, else the latest reported before the period ends (an annual figure stands
    for its year-end), so a month of this year is read against last year's year-end staff."""
    for kpi in scope.kpis:
        if kpi.metric.metric_id == HEADCOUNT:
            return kpi.value, kpi.qualifier
    values = scope.values
    rows = values[values["metric_id"] == HEADCOUNT]
    best = None
    end = (scope.period.year, scope.period.last)
    for year, month, value, qualifier in zip(rows["year"], rows["month"], rows["value"], rows["qualifier"]):
        annual = bool(pd.isna(month))  # an annual figure stands for its year-end
        when = (int(year), 12 if annual else int(month))
        if when > end:
            continue
        key = (when, annual)  # at the same month-end a report's annual figure wins over a monthly one
        if best is None or key > best[0]:
            best = (key, float(value), str(qualifier))
    return None if best is None else (best[1], best[2])


def per_staff(kpi: Kpi | None, staff: tuple[float, str] | None) -> tuple[float | None, str | None]:
    """The value per member of staff and its bound (an at_least value gives an at_least ratio)."""
    if kpi is None or staff is None or not staff[0] or kpi.metric.kind in NO_PER_STAFF_KINDS \
            or kpi.metric.metric_id == HEADCOUNT:
        return None, None
    bound = change_bound(kpi.qualifier, staff[1])
    return kpi.value / staff[0], ("approx" if bound == "at_most" else bound)


def _targets(scope) -> dict[str, tuple[float, str | None]]:
    """metric id -> (completion_pct, qualifier) of the first target linked to it that has a completion."""
    found: dict[str, tuple[float, str | None]] = {}
    view = scope.year_targets
    for row in view.evaluation.to_dict("records"):
        metric_id, pct = row.get("metric_id"), row.get("completion_pct")
        if isinstance(metric_id, str) and metric_id and pct is not None and metric_id not in found:
            found[metric_id] = (float(pct), row.get("completion_qualifier"))
    return found


def _unit_rows(scope, metric_ids: tuple[str, ...]) -> list[Row]:
    by_id = {k.metric.metric_id: k for k in scope.kpis}
    staff = headcount_at(scope)
    targets = _targets(scope)
    progress = scope.year_targets.progress.pct
    rows = []
    for metric_id in metric_ids:
        kpi = by_id.get(metric_id)
        amount, bound = per_staff(kpi, staff)
        done = targets.get(metric_id)
        rows.append(Row(scope.institution_id, scope.institution, scope.catalog[metric_id], kpi,
                        done[0] if done else None, done[1] if done else None, progress if done else None,
                        amount, bound))
    return rows


def build(scopes: list, metric_ids: tuple[str, ...] | None = None) -> list[Row]:
    """Rows metric by metric (the headline's order), units in the order of `scopes`, ranked per metric.

    Each unit's figures are its own Scope's: the same KPIs (同比 with its bound, or none with a reason) and
    the same target evaluation (completion, 序时进度) as its cards show, so a figure here never differs from
    the unit's own pages. A unit without a value of a metric in the period is 未报送: a row with no value and
    no rank, never a zero. Rank is 1 for the best value (higher_is_better decides the direction), among the
    units whose value covers the same months (reference_coverage); a unit that reported other months keeps its
    value, marked `other_months`, and is not ranked."""
    metric_ids = tuple(metric_ids or headlines.headline_ids())
    per_unit = [_unit_rows(scope, metric_ids) for scope in scopes]
    result: list[Row] = []
    for index, metric_id in enumerate(metric_ids):
        rows = [unit[index] for unit in per_unit]
        reference = reference_coverage(rows)
        other = [r.kpi is not None and coverage(r) != reference for r in rows]
        ranked_values = [None if apart else r.value for r, apart in zip(rows, other)]
        ranks = rank_values(ranked_values, rows[0].metric.higher_is_better) if rows else []
        count = sum(1 for v in ranked_values if v is not None)
        for row, rank, apart in zip(rows, ranks, other):
            tied = rank is not None and ranks.count(rank) > 1
            result.append(replace(row, rank=rank, ranked=count, tied=tied, other_months=apart))
    return result


def _rounded(number: float | None, digits: int) -> float | None:
    return None if number is None else round(number, digits)


def row_json(row: Row) -> dict:
    """One row of `compare --json` (COMPARE_JSON_KEYS; null where there is none, value null for 未报送)."""
    record = {
        "institution": row.institution,
        "metric": row.metric.metric_id,
        "value": row.value,
        "qualifier": row.qualifier,
        "change_pct": _rounded(row.change_pct, 4),
        "completion_pct": _rounded(row.completion_pct, 4),
        "per_staff": _rounded(row.per_staff, 6),
        "rank": row.rank,
    }
    assert tuple(record) == COMPARE_JSON_KEYS
    return record
