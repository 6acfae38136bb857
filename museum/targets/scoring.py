"""Actuals, completion, 序时进度, scoring and grade of a year's targets (pure arithmetic, no database).

The rules (issue 12; shown on the 目标 page):
- Actual: a linked indicator's actual is its metric's value for the year (year-to-date during
  the year, `kpis.year_value`) with the metric's qualifier; an unlinked one uses the entered
  实际完成值; a qualitative one its entered 得分. No actual: no completion and no score (None).
  A cost indicator (unlinked, `<=` in 万元, a 成本 indicator or one about 经费/预算) without an
  entered actual takes the budget's 全年执行数 once it is entered.
- Completion: `>=` is actual / target (uncapped, 110% shows as 110%); `<=` is 100% when actual
  ≤ target, else target / actual; `=` is met only when equal (completion actual / target, shown
  for information); qualitative is the entered 得分 / 分值.
- A qualifier carries through: an `at_least` actual (超50) gives an `at_least` completion ("至少
  100%"), an `approx` actual (约3000) an `approx` one ("约"). Against `<=` an at_least actual
  above the limit gives an `at_most` completion; one below it cannot say whether the limit was
  kept and is `approx`. Against `=` any inexact actual is `approx`.
- Score: `>=` scores 分值 × min(1, completion); `<=` the full 分值 when met, else 分值 × target /
  actual; `=` the full 分值 when met, else 0; qualitative as entered. Budget: 20 × min(1, 执行率),
  执行率 = 全年执行数 / 全年预算数 (年初预算数 when there is no 全年预算数).
- Total = budget score + indicator scores; grade 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60. While
  anything is pending the total is read against what has been assessed (已评 55 分，得 49.36 分，
  90%): an unscored part counts as open, never as zero, and no grade is given until every part is
  assessed and the year is over (view.graded).
- 序时进度: the share of the year elapsed — for the current calendar year at today's date
  (day of year / days in year), for a past year at the latest month with data (month / 12; a year
  with only annual figures is complete), 0 for a year not begun.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import pandas as pd

from museum import kpis
from museum.catalog import Catalog

BUDGET_WEIGHT = 20.0
INDICATOR_WEIGHT = 80.0
GRADES = (("excellent", 90.0), ("good", 80.0), ("fair", 60.0), ("poor", -math.inf))
_EPSILON = 1e-9
COST_WORDS = ("成本", "经费", "预算")

EVALUATION_COLUMNS = [
    "target_id", "position", "level1", "level2", "indicator", "operator", "target_value", "target_text", "unit",
    "weight", "metric_id", "actual", "actual_qualifier", "actual_text", "actual_source", "actual_months",
    "actual_note", "completion_pct", "completion_qualifier", "met", "score", "score_qualifier", "deviation",
]


@dataclass(frozen=True)
class Outcome:
    completion_pct: float | None
    completion_qualifier: str | None   # exact | at_least | at_most | approx
    met: bool | None
    score: float | None
    score_qualifier: str | None


@dataclass(frozen=True)
class Progress:
    pct: float               # 0–100
    basis: str               # today | month | year | not_started
    as_of: date | None = None
    month: int | None = None


@dataclass(frozen=True)
class Budget:
    initial: float | None
    full_year: float | None
    executed: float | None
    rate_pct: float | None
    score: float | None


@dataclass(frozen=True)
class Total:
    score: float                 # what is scored so far (budget + indicators)
    indicator_score: float
    budget: Budget
    grade: str                   # excellent | good | fair | poor
    pending: int                 # indicators without an actual yet
    pending_weight: float        # their 分值
    budget_pending: bool         # no budget figures yet
    indicators: int
    weight_total: float

    @property
    def provisional(self) -> bool:
        return self.pending > 0 or self.budget_pending

    @property
    def assessed_weight(self) -> float:
        """The points of the parts that have a score: the budget's 20 once entered, each scored indicator's 分值."""
        return (0.0 if self.budget_pending else BUDGET_WEIGHT) + self.weight_total - self.pending_weight

    @property
    def open_weight(self) -> float:
        """The points still to be assessed (not zero: unknown)."""
        return BUDGET_WEIGHT + self.weight_total - self.assessed_weight

    @property
    def rate_pct(self) -> float | None:
        """得分率: the score as a share of the assessed points (None when nothing is assessed)."""
        return self.score / self.assessed_weight * 100 if self.assessed_weight > 0 else None


def _number(value) -> float | None:
    if value is None or value is pd.NA:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def outcome(operator: str, target: float | None, weight: float, actual: float | None, qualifier: str | None = "exact",
            entered_score: float | None = None) -> Outcome:
    """Completion and score of one indicator (the rules in the module docstring), rounded to 6 decimals."""
    found = _outcome(operator, target, weight, actual, qualifier, entered_score)
    rounded = lambda value: None if value is None else round(value, 6)  # noqa: E731
    return Outcome(rounded(found.completion_pct), found.completion_qualifier, found.met, rounded(found.score), found.score_qualifier)


def _outcome(operator: str, target: float | None, weight: float, actual: float | None, qualifier: str | None,
             entered_score: float | None) -> Outcome:
    weight = float(weight or 0)
    if operator == "qualitative":
        if entered_score is None:
            return Outcome(None, None, None, None, None)
        pct = entered_score / weight * 100 if weight > 0 else None
        return Outcome(pct, "exact" if pct is not None else None, entered_score >= weight - _EPSILON, float(entered_score), "exact")
    if actual is None or target is None:
        return Outcome(None, None, None, None, None)
    qualifier = qualifier or "exact"
    if operator == ">=":
        pct = actual / target * 100 if target > 0 else (100.0 if actual >= 0 else 0.0)
        met = actual >= target - _EPSILON
        score = weight * min(1.0, pct / 100)
        if qualifier == "approx":
            return Outcome(pct, "approx", met, score, "approx")
        if qualifier == "at_least":
            # the true value is this or more: the completion is a lower bound, the score too
            # unless the bound already reaches the target (then the full 分值 is certain)
            return Outcome(pct, "at_least", met, score, "exact" if met else "at_least")
        return Outcome(pct, "exact", met, score, "exact")
    if operator == "<=":
        met = actual <= target + _EPSILON
        pct = 100.0 if met else (target / actual * 100 if actual > 0 else 0.0)
        score = weight * pct / 100
        if qualifier == "approx":
            return Outcome(pct, "approx", met, score, "approx")
        if qualifier == "at_least":
            if met:
                return Outcome(pct, "approx", None, score, "approx")
            return Outcome(pct, "at_most", False, score, "at_most")
        return Outcome(pct, "exact", met, score, "exact")
    if operator == "=":
        met = abs(actual - target) <= _EPSILON * max(1.0, abs(target))
        pct = actual / target * 100 if target else (100.0 if met else 0.0)
        score = weight if met else 0.0
        if qualifier != "exact":
            return Outcome(pct, "approx", None, score, "approx")
        return Outcome(pct, "exact", met, score, "exact")
    raise ValueError(f"unknown operator {operator!r}")


def grade(total: float) -> str:
    """优 (excellent) ≥ 90, 良 (good) 80–90, 中 (fair) 60–80, 差 (poor) < 60."""
    return next(name for name, floor in GRADES if total >= floor - _EPSILON)


def budget(initial: float | None, full_year: float | None, executed: float | None) -> Budget:
    """预算执行率 and its score: 20 × min(1, 执行数 / 全年预算数)."""
    base = full_year if full_year else initial
    if executed is None or not base:
        return Budget(initial, full_year, executed, None, None)
    rate = executed / base * 100
    return Budget(initial, full_year, executed, rate, BUDGET_WEIGHT * min(1.0, rate / 100))


def budget_for_year(frame: pd.DataFrame | None, year: int) -> Budget:
    if frame is None or frame.empty:
        return budget(None, None, None)
    rows = frame[frame["year"] == year]
    if rows.empty:
        return budget(None, None, None)
    row = rows.iloc[-1]
    return budget(_number(row["initial_budget"]), _number(row["full_year_budget"]), _number(row["executed"]))


def time_progress(year: int, values: pd.DataFrame | None, today: date) -> Progress:
    """序时进度 of `year` (the rule in the module docstring)."""
    if year > today.year:
        return Progress(0.0, "not_started")
    if year == today.year:
        days = (date(year + 1, 1, 1) - date(year, 1, 1)).days
        return Progress(today.timetuple().tm_yday / days * 100, "today", as_of=today)
    rows = values[values["year"] == year] if values is not None and not values.empty else None
    # a past year with an annual figure (a report) is complete; with months only, as far as they go
    if rows is not None and not rows.empty and rows["month"].notna().all():
        latest = int(rows["month"].max())
        return Progress(latest / 12 * 100, "month", month=latest)
    return Progress(100.0, "year")


def is_cost(row) -> bool:
    """A cost indicator whose actual the budget's 全年执行数 gives (年度运行经费控制数 ≤120万元)."""
    words = "".join(str(row.get(key)) for key in ("level2", "indicator") if isinstance(row.get(key), str))
    linked = isinstance(row.get("metric_id"), str) and bool(row.get("metric_id"))
    return (row.get("operator") == "<=" and row.get("unit") == "万元" and not linked
            and any(word in words for word in COST_WORDS))


def actual_of(row, values: pd.DataFrame | None, cat: Catalog, year: int, budget_figures: Budget | None = None) -> dict:
    """actual, actual_qualifier, actual_text, actual_source (metric | entered | budget | None), actual_months."""
    metric_id = row.get("metric_id")
    if isinstance(metric_id, str) and metric_id:
        found = None
        if values is not None and not values.empty and metric_id in cat:
            rows = values[(values["metric_id"] == metric_id) & (values["year"] == year)]
            found = kpis.year_value(rows, cat[metric_id].kind)
        if found is None:
            return {"actual": None, "actual_qualifier": None, "actual_text": None, "actual_source": None, "actual_months": ()}
        months = found.months if found.basis == "months" else ()
        return {"actual": found.value, "actual_qualifier": found.qualifier, "actual_text": None,
                "actual_source": "metric", "actual_months": months}
    value = _number(row.get("actual_value"))
    text = row.get("actual_text")
    text = text if isinstance(text, str) and text.strip() else None
    if value is None and text is None and budget_figures is not None and budget_figures.executed is not None and is_cost(row):
        return {"actual": float(budget_figures.executed), "actual_qualifier": "exact", "actual_text": None,
                "actual_source": "budget", "actual_months": ()}
    if value is None and text is None and _number(row.get("actual_score")) is None:
        return {"actual": None, "actual_qualifier": None, "actual_text": None, "actual_source": None, "actual_months": ()}
    qualifier = row.get("actual_qualifier")
    return {"actual": value, "actual_qualifier": (qualifier if isinstance(qualifier, str) else "exact") if value is not None else None,
            "actual_text": text, "actual_source": "entered", "actual_months": ()}


def evaluate(targets: pd.DataFrame, values: pd.DataFrame | None, cat: Catalog, year: int,
             budget_figures: Budget | None = None) -> pd.DataFrame:
    """One row per target of `year` (EVALUATION_COLUMNS): its actual, completion and score."""
    rows = []
    year_targets = targets[targets["year"] == year] if not targets.empty else targets
    for _, target in year_targets.sort_values(["position", "target_id"]).iterrows():
        record = target.to_dict()
        actual = actual_of(record, values, cat, year, budget_figures)
        result = outcome(
            str(record["operator"]), _number(record["target_value"]), _number(record["weight"]) or 0.0,
            actual["actual"], actual["actual_qualifier"], _number(record.get("actual_score")),
        )
        rows.append({**{key: record.get(key) for key in EVALUATION_COLUMNS if key in record}, **actual,
                     "completion_pct": result.completion_pct, "completion_qualifier": result.completion_qualifier,
                     "met": result.met, "score": result.score, "score_qualifier": result.score_qualifier})
    # object columns: a missing actual or score stays None (never NaN) for every reader
    return pd.DataFrame(rows, columns=EVALUATION_COLUMNS, dtype=object)


def total(evaluation: pd.DataFrame, budget_figures: Budget) -> Total:
    """The score so far: budget + scored indicators, the grade, and what is still pending."""
    scored = evaluation[evaluation["score"].notna()] if not evaluation.empty else evaluation
    pending = evaluation[evaluation["score"].isna()] if not evaluation.empty else evaluation
    indicator_score = float(sum(float(s) for s in scored["score"])) if not scored.empty else 0.0
    score = indicator_score + (budget_figures.score or 0.0)
    weights = evaluation["weight"].astype(float) if not evaluation.empty else pd.Series(dtype=float)
    return Total(
        score=score,
        indicator_score=indicator_score,
        budget=budget_figures,
        grade=grade(score),
        pending=int(len(pending)),
        pending_weight=float(pending["weight"].astype(float).sum()) if not pending.empty else 0.0,
        budget_pending=budget_figures.score is None,
        indicators=int(len(evaluation)),
        weight_total=float(weights.sum()),
    )
