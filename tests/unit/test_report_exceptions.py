"""Every 例外事项 kind on hand-made tables (issue 21): what triggers it, what stays quiet at the threshold,
and that none is invented where there is nothing to compare."""

from datetime import date

import pandas as pd

from museum import catalog, kpis
from museum.export import exceptions
from museum.export.exceptions import Finding, Thresholds
from museum.period import Period
from tests.unit.test_kpis import months, values

CAT = catalog.load()
LIMITS = Thresholds()


def yoy_of(frame, text):
    return exceptions.yoy(kpis.kpis_for_period(frame, CAT, Period.coerce(text)), "zh", LIMITS)


def test_the_committed_thresholds_are_read_with_their_help_lines():
    assert exceptions.thresholds() == Thresholds(yoy_pct=30.0, behind_points=10.0, previous_months=3, stale_days=35)
    text = exceptions.THRESHOLDS_FILE.read_text(encoding="utf-8")
    assert text.count("\n# ") >= 4  # one help line per threshold


def test_yoy_drop_and_jump_over_the_months_both_years_have():
    frame = values(("posts", 2024, 4, 100, "exact"), ("posts", 2025, 4, 69, "exact"),
                   ("short_videos", 2024, 4, 10, "exact"), ("short_videos", 2025, 4, 13, "exact"))
    assert yoy_of(frame, "2025-04") == [
        Finding("yoy_drop", "posts", "科普图文69篇，4月同比−31.0%，请核实原因。"),
        Finding("yoy_jump", "short_videos", "科普短视频13条，4月同比+30.0%，请核实是否口径变化。"),
    ]


def test_a_change_below_the_threshold_is_no_exception():
    frame = values(("posts", 2024, 4, 100, "exact"), ("posts", 2025, 4, 71, "exact"))
    assert yoy_of(frame, "2025-04") == []


def test_a_month_without_a_prior_year_has_no_yoy_exception():
    frame = values(*months("posts", 2025, range(1, 5), 100), ("posts", 2025, 4, 500, "exact"))
    assert yoy_of(frame, "2025-04") == []


def test_yoy_counts_only_the_months_both_years_have():
    # 2024 has April only: 1–4月 compares April with April (−50%), not 4 months with 1
    frame = values(("posts", 2024, 4, 100, "exact"), *months("posts", 2025, range(1, 4), 100), ("posts", 2025, 4, 50, "exact"))
    found = yoy_of(frame, "2025-01..2025-04")
    assert [(f.kind, f.metric) for f in found] == [("yoy_drop", "posts")]
    assert "4月同比−50.0%" in found[0].text


def evaluation(*rows):
    return pd.DataFrame(rows, columns=["indicator", "metric_id", "completion_pct", "met"])


def test_behind_schedule_more_than_ten_points_behind():
    table = evaluation(("科普图文", "posts", 20.0, None), ("短视频", "short_videos", 23.4, None),
                       ("满意度", None, None, None), ("已完成", "online_visits", 10.0, True))
    found = exceptions.behind_schedule(table, 33.4, "zh", LIMITS)
    assert found == [Finding("behind_schedule", "posts", "科普图文完成 20.0%，序时进度 33.4%，落后 13.4 个百分点。")]


def test_behind_schedule_in_english_and_without_targets():
    found = exceptions.behind_schedule(evaluation(("Posts", "posts", 0.0, None)), 25.0, "en", LIMITS)
    assert found[0].text == "Posts: 0.0% done against 25.0% of the year elapsed, 25.0 points behind."
    assert exceptions.behind_schedule(evaluation(), 50.0, "zh", LIMITS) == []


def test_missing_month_after_three_reported_months_even_across_new_year():
    frame = values(("posts", 2024, 11, 1, "exact"), ("posts", 2024, 12, 1, "exact"), ("posts", 2025, 1, 1, "exact"),
                   ("short_videos", 2024, 12, 1, "exact"), ("short_videos", 2025, 1, 1, "exact"),
                   *months("online_visits", 2024, (11, 12), 1), ("online_visits", 2025, 1, 1, "exact"),
                   ("online_visits", 2025, 2, 1, "exact"))
    found = exceptions.missing_month(frame, Period.of_month(2025, 2), CAT, "zh", LIMITS)
    assert found == [Finding("missing_month", "posts", "科普图文前 3 个月均有填报，2025年2月尚无数据，请补报。")]


def test_missing_month_reads_the_period_last_month():
    frame = values(*months("posts", 2025, (1, 2, 3), 1))
    assert [f.metric for f in exceptions.missing_month(frame, Period.of_quarter(2025, 2), CAT, "zh", LIMITS)] == []
    assert [f.metric for f in exceptions.missing_month(frame, Period.of_month(2025, 4), CAT, "zh", LIMITS)] == ["posts"]


def test_stale_source_more_than_35_days_before_the_period_end():
    last = pd.DataFrame({"platform": ["douyin", "wechat", "toutiao"],
                         "last_day": [date(2025, 3, 26), date(2025, 3, 25), None]})
    found = exceptions.stale_source(last, Period.of_month(2025, 4), "zh", LIMITS)
    assert found == [Finding("stale_source", "wechat", "微信公众号导出数据截至 2025-03-25，距期末 2025-04-30 已 36 天，请重新导出。")]


def test_implausible_above_the_bound_or_negative_in_the_period_only():
    frame = values(("posts", 2025, 4, 200001, "exact"), ("posts", 2025, 3, 999999, "exact"),
                   ("short_videos", 2025, 4, -1, "exact"), ("online_visits", 2025, 4, 5, "exact"))
    found = exceptions.implausible(frame, Period.of_month(2025, 4), CAT, "zh")
    assert [(f.kind, f.metric) for f in found] == [("implausible", "posts"), ("implausible", "short_videos")]
    assert found[0].text == "科普图文2025年4月为 200001，超出合理范围（≤ 200000），请核对。"
    assert "（≥ 0）" in found[1].text


def test_findings_are_ordered_by_what_needs_a_decision_first():
    found = [Finding("yoy_jump", "a", ""), Finding("implausible", "b", ""), Finding("behind_schedule", "c", "")]
    assert [f.kind for f in exceptions.ordered(found)] == ["behind_schedule", "implausible", "yoy_jump"]
