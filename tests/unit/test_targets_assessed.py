"""The score is read on what has been assessed: open parts are not zero, no grade before all is in and the year is over,
and mid-year the indicators are compared with 序时进度 (issue 18 item 1)."""

from __future__ import annotations

from datetime import date

from museum import catalog
from museum.targets import scoring, view
from tests.unit.test_targets_scoring import targets, values


def _view(table, found, progress, budget=(100, 100, 95)) -> view.YearTargets:
    evaluation = scoring.evaluate(table, found, catalog.load(), 2025)
    return view.YearTargets(2025, evaluation, scoring.total(evaluation, scoring.budget(*budget)), progress)


TABLE = targets(
    ("科普图文", ">=", 6000.0, "篇", 40.0, "posts", None, None, None),
    ("公益行活动", ">=", 50.0, "场", 20.0, "outreach_events", None, None, None),
    ("预算", "<=", 120.0, "万元", 20.0, None, None, None, None),
)


def test_open_points_are_not_zero_and_give_no_grade():
    # posts 5400/6000 → 36 of 40; 公益行 and 预算 open; budget 19 of 20 → 55 of 60 assessed
    year_view = _view(TABLE, values(("posts", 2025, None, 5400, "exact")), scoring.Progress(100.0, "year"))
    total = year_view.total
    assert (round(total.score, 2), total.assessed_weight, total.open_weight, round(total.rate_pct, 1)) == (55.0, 60.0, 40.0, 91.7)
    lines = view.total_sentences(year_view, "zh")
    assert lines[:2] == ["2025年绩效自评：已评 60 分，得 55 分（得分率 91.7%）；待评 40 分，未评部分不计为零",
                         "尚有部分未评，全部评定后给出等级。"]
    assert "差" not in "".join(lines) and not view.graded(year_view)
    assert view.total_note(year_view, "en") == "60 points assessed, 91.7% earned; 40 points open; no grade yet"


def test_a_complete_year_is_graded():
    found = values(("posts", 2025, None, 6000, "exact"), ("outreach_events", 2025, None, 50, "exact"))
    table = TABLE[TABLE["indicator"] != "预算"]
    year_view = _view(table, found, scoring.Progress(100.0, "year"))
    assert view.graded(year_view)
    assert view.total_sentences(year_view, "zh")[:2] == ["2025年绩效自评：已评 80 分，得 79 分（得分率 98.8%）",
                                                         "总分 79 分（满分 80），等级：中"]
    assert view.total_note(year_view, "zh") == "中"


def test_mid_year_compares_with_the_share_of_the_year_elapsed():
    # four months in: posts 2400/6000 = 40% (ahead of 33%), 公益行 10/50 = 20% (behind)
    found = values(("posts", 2025, 1, 1200, "exact"), ("posts", 2025, 4, 1200, "exact"),
                   ("outreach_events", 2025, 4, 10, "exact"))
    table = TABLE[TABLE["indicator"] != "预算"]
    year_view = _view(table, found, scoring.Progress(4 / 12 * 100, "month", month=4))
    lines = view.total_sentences(year_view, "zh")
    assert lines[1] == "年度尚未结束，实际值为年内累计，暂不评定等级。"
    assert lines[-1] == "按序时进度 33%：1 项领先或持平（科普图文）；1 项落后（公益行活动）。"
    assert view.pace(year_view) == (["科普图文"], ["公益行活动"])
    english = view.total_sentences(year_view, "en")
    assert english[-1] == "Against 33% of the year elapsed: 1 ahead or level (科普图文); 1 behind (公益行活动)."


def test_no_pace_after_the_year():
    year_view = _view(TABLE, values(("posts", 2025, None, 5400, "exact")), scoring.Progress(100.0, "year"))
    assert view.pace(year_view) == ([], []) and view.pace_sentence(year_view) is None


def test_nothing_assessed_says_so():
    year_view = _view(TABLE, None, scoring.Progress(10.0, "today", as_of=date(2025, 2, 6)), budget=(None, None, None))
    assert view.total_sentences(year_view, "zh")[0] == "2025年绩效自评：尚无已评部分（待评 100 分）"


def test_a_cost_indicator_takes_the_budget_unless_entered():
    cost = targets(("年度运行经费控制数", "<=", 120.0, "万元", 10.0, None, None, None, None),
                   ("其他支出", "<=", 120.0, "万元", 10.0, None, None, None, None))
    cost.loc[0, "level2"] = "成本指标"
    cost.loc[1, "level2"] = "数量指标"
    found = scoring.evaluate(cost, None, catalog.load(), 2025, scoring.budget(100, 110, 115))
    assert list(found["actual"]) == [115.0, None] and list(found["actual_source"]) == ["budget", None]
    assert (found.iloc[0]["met"], found.iloc[0]["score"]) == (True, 10.0)   # 115 within ≤120
    cost.loc[0, "actual_value"] = 99.0
    entered = scoring.evaluate(cost, None, catalog.load(), 2025, scoring.budget(100, 110, 115))
    assert (entered.iloc[0]["actual"], entered.iloc[0]["actual_source"]) == (99.0, "entered")
    assert scoring.evaluate(cost, None, catalog.load(), 2025).iloc[1]["actual"] is None
