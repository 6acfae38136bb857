"""Completion, scoring, grade and 序时进度 on hand-made tables (museum.targets.scoring)."""

from datetime import date

import pandas as pd
import pytest

from museum import catalog
from museum.targets import scoring
from museum.targets.scoring import Outcome, outcome


def values(*rows) -> pd.DataFrame:
    """metric_values-shaped rows from (metric_id, year, month, value, qualifier)."""
    return pd.DataFrame([
        {"metric_id": m, "year": y, "month": mo, "value": float(v), "qualifier": q, "note": None, "sentence": None,
         "batch_id": 1, "batch_kind": "upload", "batch_file": None, "batch_user": "t", "batch_time": None, "is_demo": False}
        for m, y, mo, v, q in rows
    ])


def targets(*rows) -> pd.DataFrame:
    """targets_current-shaped rows from (indicator, operator, target_value, unit, weight, metric_id, actual, qualifier, score)."""
    records = []
    for position, (name, op, value, unit, weight, metric, actual, qualifier, score) in enumerate(rows, start=1):
        records.append({
            "target_id": position, "year": 2025, "position": position, "level1": "产出指标", "level2": "数量指标",
            "indicator": name, "operator": op, "target_value": value, "target_text": None, "unit": unit, "weight": weight,
            "metric_id": metric, "actual_value": actual, "actual_qualifier": qualifier, "actual_text": None,
            "actual_score": score, "actual_note": None, "deviation": None, "batch_id": 1,
        })
    return pd.DataFrame(records)


@pytest.mark.parametrize("operator, target, actual, qualifier, expected", [
    # >=: completion actual/target, score capped at the 分值
    (">=", 6000, 5528, "exact", Outcome(92.133333, "exact", False, 18.426667, "exact")),
    (">=", 6000, 6600, "exact", Outcome(110.0, "exact", True, 20.0, "exact")),
    (">=", 50, 50, "at_least", Outcome(100.0, "at_least", True, 20.0, "exact")),        # 超50 against ≥50: met, 至少100%
    (">=", 60, 50, "at_least", Outcome(83.333333, "at_least", False, 16.666667, "at_least")),
    (">=", 3000, 3000, "approx", Outcome(100.0, "approx", True, 20.0, "approx")),       # 约3000 is 约
    # <=: full when kept, else 分值 × target / actual
    ("<=", 120, 100, "exact", Outcome(100.0, "exact", True, 20.0, "exact")),
    ("<=", 120, 150, "exact", Outcome(80.0, "exact", False, 16.0, "exact")),
    ("<=", 120, 150, "at_least", Outcome(80.0, "at_most", False, 16.0, "at_most")),
    ("<=", 120, 100, "at_least", Outcome(100.0, "approx", None, 20.0, "approx")),
    # =: full when equal, else 0
    ("=", 300, 300, "exact", Outcome(100.0, "exact", True, 20.0, "exact")),
    ("=", 300, 290, "exact", Outcome(96.666667, "exact", False, 0.0, "exact")),
    ("=", 300, 300, "approx", Outcome(100.0, "approx", None, 20.0, "approx")),
])
def test_outcome_by_operator(operator, target, actual, qualifier, expected):
    assert outcome(operator, target, 20, actual, qualifier) == expected


def test_missing_actual_has_no_score():
    assert outcome(">=", 6000, 20, None) == Outcome(None, None, None, None, None)
    assert outcome("qualitative", None, 5, None, None, None) == Outcome(None, None, None, None, None)


def test_qualitative_is_scored_as_entered():
    assert outcome("qualitative", None, 5, None, None, 4.0) == Outcome(80.0, "exact", False, 4.0, "exact")
    assert outcome("qualitative", None, 5, None, None, 5.0) == Outcome(100.0, "exact", True, 5.0, "exact")


@pytest.mark.parametrize("total, grade", [(100, "excellent"), (90, "excellent"), (89.99, "good"), (80, "good"),
                                          (79.5, "fair"), (60, "fair"), (59.99, "poor"), (0, "poor")])
def test_grade_boundaries(total, grade):
    assert scoring.grade(total) == grade


def test_budget_score_is_capped():
    assert scoring.budget(1040, 1100, 990) == scoring.Budget(1040, 1100, 990, 90.0, 18.0)
    assert scoring.budget(1040, 1100, 1200).score == 20.0
    assert scoring.budget(1040, None, 520) == scoring.Budget(1040, None, 520, 50.0, 10.0)  # no 全年预算数: 年初
    assert scoring.budget(1040, 1100, None).score is None


def test_evaluate_linked_entered_and_pending_indicators():
    table = targets(
        ("科普图文", ">=", 6000.0, "篇", 20.0, "posts", None, None, None),
        ("公益行活动", ">=", 50.0, "场", 20.0, "outreach_events", None, None, None),
        ("科普日活动", ">=", 10.0, "场", 10.0, None, 8.0, "exact", None),
        ("志愿者", ">=", 3000.0, "人", 10.0, "volunteer_reserve", None, None, None),
        ("预算", "<=", 120.0, "万元", 10.0, None, None, None, None),
        ("社会影响", "qualitative", None, None, 10.0, None, None, None, 9.0),
    )
    found = values(("posts", 2025, 1, 2000, "exact"), ("posts", 2025, 2, 1000, "exact"),
                   ("outreach_events", 2025, None, 50, "at_least"), ("volunteer_reserve", 2025, None, 3000, "approx"),
                   ("posts", 2024, None, 5528, "exact"))
    result = scoring.evaluate(table, found, catalog.load(), 2025)
    assert list(result["actual"]) == [3000.0, 50.0, 8.0, 3000.0, None, None]
    assert list(result["actual_qualifier"]) == ["exact", "at_least", "exact", "approx", None, None]
    assert list(result["actual_months"]) == [(1, 2), (), (), (), (), ()]
    assert list(result["completion_pct"]) == [50.0, 100.0, 80.0, 100.0, None, 90.0]
    assert list(result["completion_qualifier"]) == ["exact", "at_least", "exact", "approx", None, "exact"]
    assert list(result["score"]) == [10.0, 20.0, 8.0, 10.0, None, 9.0]
    total = scoring.total(result, scoring.budget(100, 100, 95))
    assert (total.score, total.indicator_score, total.pending, total.pending_weight, total.grade) == (76.0, 57.0, 1, 10.0, "fair")
    assert total.provisional and not total.budget_pending and total.weight_total == 80.0


def test_total_without_budget_counts_it_pending():
    result = scoring.evaluate(targets(("科普日活动", ">=", 10.0, "场", 80.0, None, 10.0, "exact", None)), None, catalog.load(), 2025)
    total = scoring.total(result, scoring.budget(None, None, None))
    assert (total.score, total.pending, total.budget_pending, total.provisional) == (80.0, 0, True, True)


@pytest.mark.parametrize("year, today, rows, expected", [
    (2025, date(2025, 7, 2), (), scoring.Progress(183 / 365 * 100, "today", as_of=date(2025, 7, 2))),
    (2024, date(2024, 3, 1), (), scoring.Progress(61 / 366 * 100, "today", as_of=date(2024, 3, 1))),   # leap year
    (2024, date(2024, 12, 31), (), scoring.Progress(100.0, "today", as_of=date(2024, 12, 31))),
    (2024, date(2025, 2, 1), (("posts", 2024, 6, 100, "exact"), ("posts", 2024, 9, 100, "exact")), scoring.Progress(75.0, "month", month=9)),
    (2024, date(2025, 2, 1), (("posts", 2024, None, 5528, "exact"),), scoring.Progress(100.0, "year")),
    (2026, date(2025, 2, 1), (), scoring.Progress(0.0, "not_started")),
])
def test_time_progress(year, today, rows, expected):
    assert scoring.time_progress(year, values(*rows) if rows else None, today) == expected
