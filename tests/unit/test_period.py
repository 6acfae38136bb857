"""Periods (issue 17): text forms, names, 环比 steps, and the KPI arithmetic of a month, a quarter
and months a–b on small hand-made value tables."""

import json

import pytest

from museum import kpis, present
from museum.errors import InputRejected
from museum.period import Period, choices, parse
from tests.unit.test_kpis import CAT, months, values


def period_kpi(frame, metric_id, period):
    found = [k for k in kpis.kpis_for_period(frame, CAT, period) if k.metric.metric_id == metric_id]
    return found[0] if found else None


# ---------------------------------------------------------------------------------------------
# Text forms and steps


@pytest.mark.parametrize("text, kind, first, last, canonical", [
    ("2025", "year", 1, 12, "2025"),
    ("2025-Q2", "quarter", 4, 6, "2025-Q2"),
    ("2025-q4", "quarter", 10, 12, "2025-Q4"),
    ("2025-04", "month", 4, 4, "2025-04"),
    ("2025-4", "month", 4, 4, "2025-04"),
    ("2025-01..2025-04", "range", 1, 4, "2025-01..2025-04"),
    (" 2025-05..2025-06 ", "range", 5, 6, "2025-05..2025-06"),
    ("2025-03..2025-03", "month", 3, 3, "2025-03"),      # one month is that month
    ("2025-01..2025-12", "year", 1, 12, "2025"),          # all twelve are the year
])
def test_text_forms_parse_to_their_canonical_period(text, kind, first, last, canonical):
    period = parse(text)
    assert (period.kind, period.year, period.first, period.last, period.text) == (kind, 2025, first, last, canonical)
    assert parse(period.text) == period


@pytest.mark.parametrize("text", ["", "25", "2025-13", "2025-00", "2025-Q5", "2025-04..2025-02", "2024-11..2025-02",
                                  "2025/04", "April 2025", "2025-04-01"])
def test_a_bad_period_is_refused_with_the_forms_named(text):
    with pytest.raises(InputRejected) as refused:
        parse(text)
    assert refused.value.message("zh").endswith(
        "不是一个期间。可写：2025（全年）、2025-Q2（季度）、2025-04（月份）、2025-01..2025-04（同一年内的几个月）。")
    assert "2025-Q2 (a quarter)" in refused.value.message("en")


@pytest.mark.parametrize("text, previous, reason", [
    ("2025-04", "2025-03", None),
    ("2025-01", "2024-12", None),                       # January against the previous December
    ("2025-Q1", "2024-Q4", None),                       # Q1 against the previous Q4
    ("2025-Q3", "2025-Q2", None),
    ("2025-05..2025-06", "2025-03..2025-04", None),     # months 5–6 against 3–4
    ("2025", None, "period_year"),
    ("2025-01..2025-04", None, "period_to_date"),       # a year so far has none
    ("2025-02..2025-04", None, "previous_crosses_year"),
])
def test_the_previous_period_has_the_same_length(text, previous, reason):
    period = parse(text)
    assert (None if period.previous() is None else period.previous().text) == previous
    assert period.previous_reason() == reason


def test_periods_are_named_in_both_languages():
    assert [parse(p).label("zh") for p in ("2025", "2025-Q2", "2025-04", "2025-01..2025-04")] == [
        "2025年", "2025年第二季度", "2025年4月", "2025年1–4月"]
    assert [parse(p).label("en") for p in ("2025", "2025-Q2", "2025-04", "2025-01..2025-04")] == [
        "2025", "2025 Q2", "Apr 2025", "Jan–Apr 2025"]
    assert [parse(p).choice_label("zh") for p in ("2025", "2025-Q2", "2025-04", "2025-01..2025-04")] == [
        "全年", "第二季度", "4月", "1–4月"]


def test_choices_are_the_year_and_the_parts_with_data():
    assert [p.text for p in choices(2025, [1, 2, 4])] == [
        "2025", "2025-Q1", "2025-Q2", "2025-01", "2025-02", "2025-04", "2025-01..2025-02", "2025-01..2025-04"]
    assert [p.text for p in choices(2024, [])] == ["2024"]  # a year of annual figures: the year only


def test_a_year_given_as_a_number_is_the_whole_year():
    assert Period.coerce(2024) == Period.of_year(2024) == parse("2024")
    assert Period.coerce("2025-Q2") == Period.of_quarter(2025, 2)


# ---------------------------------------------------------------------------------------------
# Flows


def test_a_month_of_a_flow_is_that_month_with_yoy_and_mom():
    frame = values(*months("posts", 2024, range(1, 13), 100), *months("posts", 2025, [3], 120), ("posts", 2025, 4, 150, "exact"))
    k = period_kpi(frame, "posts", "2025-04")
    assert (k.value, k.current.months, k.period.text) == (150.0, (4,), "2025-04")
    assert (k.comparison, k.basis_months, k.prior_value, k.change_pct) == ("months", (4,), 100.0, 50.0)
    assert (k.previous_period.text, k.previous.value, k.previous_change_pct, k.previous_reason) == ("2025-03", 120.0, 25.0, None)
    assert present.coverage_text(k, "zh") == "4月"
    assert present.delta_text(k, "zh") == "4月同比 +50.0%"
    assert present.previous_line(k, "zh") == "环比 +25.0%"


def test_january_is_compared_with_the_previous_december():
    frame = values(("posts", 2024, 1, 80, "exact"), ("posts", 2024, 12, 200, "exact"), ("posts", 2025, 1, 100, "exact"))
    k = period_kpi(frame, "posts", "2025-01")
    assert (k.change_pct, k.previous_period.text, k.previous.value, k.previous_change_pct) == (25.0, "2024-12", 200.0, -50.0)


def test_a_quarter_in_progress_is_named_by_its_months_and_has_no_mom():
    """Q2 with April and May in: the sum of both, "4–5月"; 同比 on the same months; no 环比 of a part."""
    frame = values(*months("posts", 2024, range(1, 13), 10), *months("posts", 2025, range(1, 6), 20))
    k = period_kpi(frame, "posts", "2025-Q2")
    assert (k.value, k.current.months, k.basis_months, k.prior_value, k.change_pct) == (40.0, (4, 5), (4, 5), 20.0, 100.0)
    assert present.coverage_text(k, "zh") == "4–5月累计"
    assert (k.previous_period.text, k.previous_reason, k.previous_change_pct) == ("2025-Q1", "period_partial", None)
    assert present.previous_line(k, "zh") == "环比 —"
    assert "本期月份不全" in present.card(k, "zh").notes


def test_a_previous_period_with_missing_months_gives_no_mom():
    frame = values(*months("posts", 2025, [1, 3, 4, 5, 6], 20))
    k = period_kpi(frame, "posts", "2025-Q2")
    assert (k.value, k.previous.value, k.previous_reason) == (60.0, 40.0, "previous_partial")


def test_months_five_and_six_are_compared_with_three_and_four():
    frame = values(*months("posts", 2025, [3, 4], 10), *months("posts", 2025, [5, 6], 15))
    k = period_kpi(frame, "posts", "2025-05..2025-06")
    assert (k.value, k.previous_period.text, k.previous.value, k.previous_change_pct) == (30.0, "2025-03..2025-04", 20.0, 50.0)
    assert k.reason == "no_prior"


def test_a_year_to_date_range_has_no_mom_and_reaches_a_share_of_last_year():
    frame = values(("posts", 2024, None, 1000, "exact"), *months("posts", 2025, range(1, 5), 50))
    k = period_kpi(frame, "posts", "2025-01..2025-04")
    assert (k.value, k.comparison, k.of_prior_year_pct) == (200.0, "share", 20.0)
    assert (k.previous_period, k.previous_reason) == (None, "period_to_date")
    assert present.previous_line(k, "zh") is None


def test_a_month_against_a_year_known_only_as_a_whole_says_so():
    frame = values(("posts", 2024, None, 1000, "exact"), ("posts", 2025, 4, 50, "exact"))
    k = period_kpi(frame, "posts", "2025-04")
    assert (k.prior, k.change_pct, k.reason) == (None, None, "prior_annual_only")
    assert present.reason_text(k, "zh") == "上年只有全年数"


def test_an_annual_figure_is_not_a_month():
    frame = values(("posts", 2025, None, 1000, "exact"))
    assert period_kpi(frame, "posts", "2025-04") is None
    assert period_kpi(frame, "posts", "2025").value == 1000.0


def test_bounds_hold_on_both_sides_of_mom():
    """超 this month against an exact last month is a lower bound; exact against 超 an upper one; 约 is approximate."""
    frame = values(("posts", 2025, 3, 100, "exact"), ("posts", 2025, 4, 120, "at_least"))
    k = period_kpi(frame, "posts", "2025-04")
    assert (k.previous_bound, present.previous_line(k, "zh")) == ("at_least", "环比 增长超20.0%")
    frame = values(("posts", 2025, 3, 100, "at_least"), ("posts", 2025, 4, 120, "exact"))
    assert period_kpi(frame, "posts", "2025-04").previous_bound == "at_most"
    frame = values(("posts", 2025, 3, 100, "approx"), ("posts", 2025, 4, 120, "exact"))
    k = period_kpi(frame, "posts", "2025-04")
    assert (k.previous_bound, present.previous_line(k, "en")) == ("approx", "vs Mar 2025: ≈ +20.0%")
    frame = values(("posts", 2024, 4, 100, "at_least"), ("posts", 2025, 4, 120, "at_least"))
    assert period_kpi(frame, "posts", "2025-04").bound == "approx"  # both lower bounds: 同比 only approximate


def test_mom_against_zero_or_nothing_is_a_dash_with_a_reason():
    k = period_kpi(values(("posts", 2025, 3, 0, "exact"), ("posts", 2025, 4, 7, "exact")), "posts", "2025-04")
    assert (k.previous_change, k.previous_change_pct, k.previous_reason) == (7.0, None, "previous_zero")
    assert present.previous_line(k, "zh") == "环比 +7篇"
    k = period_kpi(values(("posts", 2025, 4, 7, "exact")), "posts", "2025-04")
    assert (k.previous, k.previous_reason, present.previous_line(k, "zh")) == (None, "no_previous", "环比 —")
    assert "上期无数据" in present.card(k, "zh").notes


# ---------------------------------------------------------------------------------------------
# Stocks, ratios, events


def test_a_stock_is_its_latest_month_end_in_the_period():
    frame = values(("headcount", 2024, 6, 28, "exact"), ("headcount", 2025, 1, 29, "exact"), ("headcount", 2025, 3, 30, "exact"),
                   ("headcount", 2025, 4, 31, "exact"), ("headcount", 2025, 5, 33, "exact"), ("headcount", 2024, 5, 27, "exact"))
    k = period_kpi(frame, "headcount", "2025-Q2")
    assert (k.value, k.current.months) == (33.0, (5,))
    assert (k.comparison, k.basis_months, k.prior_value) == ("months", (5,), 27.0)  # May against May
    assert (k.previous_period.text, k.previous.value, k.previous.months) == ("2025-Q1", 30.0, (3,))
    assert k.previous_change_pct == pytest.approx(10.0)
    assert present.coverage_text(k, "zh") == "截至5月"


def test_a_ratio_is_compared_in_points_between_periods():
    frame = values(("visitor_satisfaction", 2025, 3, 95.0, "exact"), ("visitor_satisfaction", 2025, 4, 97.0, "exact"))
    k = period_kpi(frame, "visitor_satisfaction", "2025-04")
    assert (k.previous_change, k.previous_change_pct, k.previous_reason) == (2.0, None, "ratio")
    assert present.previous_line(k, "zh") == "环比 +2.0个百分点"


def test_event_records_count_for_a_year_only():
    frame = values(("awards_total", 2025, None, 4, "exact"))
    assert period_kpi(frame, "awards_total", "2025-Q1") is None
    assert period_kpi(frame, "awards_total", "2025").value == 4.0


def test_a_year_period_is_exactly_the_year():
    frame = values(("posts", 2024, None, 1000, "exact"), *months("posts", 2025, range(1, 7), 50),
                   ("headcount", 2024, None, 30, "exact"), ("headcount", 2025, 6, 31, "exact"))
    assert kpis.kpis_for_period(frame, CAT, "2025") == kpis.kpis_for_year(frame, CAT, 2025)


def test_the_json_record_adds_exactly_the_period_keys():
    frame = values(("posts", 2025, 3, 100, "exact"), ("posts", 2025, 4, 120, "exact"), ("posts", 2024, 4, 60, "exact"))
    record = present.kpi_json(period_kpi(frame, "posts", "2025-04"))
    assert list(record)[-5:] == ["period", "previous_period", "previous_value", "previous_change_pct", "previous_reason"]
    assert {k: record[k] for k in list(record)[-5:]} == {
        "period": "2025-04", "previous_period": "2025-03", "previous_value": 100.0, "previous_change_pct": 20.0,
        "previous_reason": None}
    assert (record["year"], record["value"], record["change_pct"], record["basis_months"]) == (2025, 120.0, 100.0, [4])
    json.dumps(record)
