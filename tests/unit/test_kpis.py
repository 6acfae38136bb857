"""Year-over-year arithmetic by metric kind (DESIGN §4, issue 11 §1), on small hand-made value tables."""

import pandas as pd
import pytest

from museum import catalog, kpis

CAT = catalog.load()


def values(*rows, platforms=None):
    """rows: (metric_id, year, month, value, qualifier); `platforms`: one code list per row (or None)."""
    frame = pd.DataFrame(rows, columns=["metric_id", "year", "month", "value", "qualifier"])
    frame["month"] = frame["month"].astype("Int64")
    frame["note"] = None
    frame["sentence"] = None
    frame["batch_id"] = 1
    frame["from_records"] = False
    frame["batch_kind"] = "upload"
    frame["batch_file"] = "f.csv"
    frame["batch_user"] = "tester"
    frame["batch_time"] = "2025-01-01 00:00"
    frame["is_demo"] = False
    if platforms is not None:
        frame["platforms"] = platforms
    return frame


def months(metric_id, year, numbers, value, qualifier="exact"):
    return [(metric_id, year, m, value, qualifier) for m in numbers]


def kpi(frame, metric_id, year):
    found = [k for k in kpis.kpis_for_year(frame, CAT, year) if k.metric.metric_id == metric_id]
    return found[0] if found else None


def summary(k):
    return {"value": k.value, "prior": k.prior_value, "change": k.change, "change_pct": k.change_pct, "bound": k.bound,
            "reason": k.reason, "comparison": k.comparison, "basis_months": k.basis_months, "of_prior_year_pct": k.of_prior_year_pct}


# ---------------------------------------------------------------------------------------------
# Flows


def test_flow_full_year_against_full_year():
    k = kpi(values(("posts", 2023, None, 4000, "exact"), ("posts", 2024, None, 5000, "exact")), "posts", 2024)
    assert summary(k) == {"value": 5000, "prior": 4000, "change": 1000, "change_pct": 25.0, "bound": "exact", "reason": None,
                          "comparison": "years", "basis_months": None, "of_prior_year_pct": None}


def test_flow_year_is_the_sum_of_its_months():
    k = kpi(values(*months("posts", 2024, range(1, 13), 100)), "posts", 2024)
    assert (k.value, k.current.basis, k.current.months) == (1200, "year", tuple(range(1, 13)))


def test_twelve_months_against_an_annual_figure_compares_whole_years():
    rows = [("posts", 2023, None, 1000, "exact")] + months("posts", 2024, range(1, 13), 100)
    k = kpi(values(*rows), "posts", 2024)
    assert (k.comparison, k.basis_months, k.change_pct) == ("years", None, 20.0)


def test_partial_year_compares_the_same_months_of_a_full_prior_year():
    rows = months("posts", 2023, range(1, 13), 100) + months("posts", 2024, (1, 2, 3), 150)
    k = kpi(values(*rows), "posts", 2024)
    assert summary(k) == {"value": 450, "prior": 300, "change": 150, "change_pct": 50.0, "bound": "exact", "reason": None,
                          "comparison": "months", "basis_months": (1, 2, 3), "of_prior_year_pct": None}
    assert k.current.months == (1, 2, 3) and k.compared.value == 450


def test_partial_overlap_compares_the_months_both_years_have_and_keeps_the_value_to_date():
    """Issue 11: 2024-01…06 and 2025-01…09 uploaded; 2024 also has the report's annual figure."""
    rows = [("short_videos", 2024, None, 356, "exact")] + months("short_videos", 2024, range(1, 7), 20)
    rows += months("short_videos", 2025, range(1, 10), 30)
    k = kpi(values(*rows), "short_videos", 2025)
    assert summary(k) == {"value": 270, "prior": 120, "change": 60, "change_pct": 50.0, "bound": "exact", "reason": None,
                          "comparison": "months", "basis_months": (1, 2, 3, 4, 5, 6), "of_prior_year_pct": None}
    assert k.current.months == tuple(range(1, 10)) and k.compared.value == 180 and k.compared.months == tuple(range(1, 7))


def test_gaps_compare_exactly_the_common_months():
    rows = months("posts", 2024, (1, 2, 3, 5, 6), 10) + months("posts", 2025, (1, 2, 3, 4, 5), 12)
    k = kpi(values(*rows), "posts", 2025)
    assert (k.basis_months, k.compared.value, k.prior_value, k.value) == ((1, 2, 3, 5), 48, 40, 60)


def test_partial_year_against_an_annual_only_prior_is_a_share_never_a_change():
    rows = [("posts", 2024, None, 1200, "exact")] + months("posts", 2025, range(1, 10), 88)
    k = kpi(values(*rows), "posts", 2025)
    assert summary(k) == {"value": 792, "prior": 1200, "change": None, "change_pct": None, "bound": "exact", "reason": None,
                          "comparison": "share", "basis_months": None, "of_prior_year_pct": 66.0}


def test_the_share_against_a_zero_prior_year_is_refused():
    rows = [("livestreams", 2024, None, 0, "exact")] + months("livestreams", 2025, (1, 2), 1)
    k = kpi(values(*rows), "livestreams", 2025)
    assert (k.of_prior_year_pct, k.change, k.reason) == (None, None, "prior_zero")


def test_full_year_against_a_partial_prior_year_is_not_compared():
    rows = months("posts", 2023, (1, 2), 100) + [("posts", 2024, None, 1500, "exact")]
    k = kpi(values(*rows), "posts", 2024)
    assert (k.change, k.change_pct, k.of_prior_year_pct, k.reason, k.prior_value) == (None, None, None, "prior_partial", 200)


def test_twelve_months_against_a_partial_prior_year_compares_the_common_months():
    rows = months("posts", 2023, (1, 2), 100) + months("posts", 2024, range(1, 13), 150)
    k = kpi(values(*rows), "posts", 2024)
    assert (k.value, k.basis_months, k.compared.value, k.prior_value, k.change_pct) == (1800, (1, 2), 300, 200, 50.0)


def test_partial_years_without_a_common_month_are_not_compared():
    rows = months("posts", 2023, (10, 11), 100) + months("posts", 2024, (1, 2), 150)
    k = kpi(values(*rows), "posts", 2024)
    assert (k.change, k.of_prior_year_pct, k.reason, k.comparison) == (None, None, "no_common_months", None)


def test_missing_prior_year_says_so():
    k = kpi(values(("posts", 2024, None, 5528, "exact")), "posts", 2024)
    assert (k.prior, k.change, k.change_pct, k.reason, k.comparison, k.basis_months) == (None, None, None, "no_prior", None, None)


def test_zero_prior_gives_no_percentage():
    k = kpi(values(("livestreams", 2023, None, 0, "exact"), ("livestreams", 2024, None, 7, "exact")), "livestreams", 2024)
    assert (k.change, k.change_pct, k.reason) == (7, None, "prior_zero")


# ---------------------------------------------------------------------------------------------
# Stocks, events, ratios


def test_stock_is_year_end_never_summed():
    rows = [("headcount", 2023, None, 30, "exact")] + [("headcount", 2024, m, 30 + m, "exact") for m in (1, 6, 12)]
    k = kpi(values(*rows), "headcount", 2024)
    assert (k.value, k.prior_value, k.change, k.comparison, k.basis_months) == (42, 30, 12, "years", None)
    assert k.current.basis == "year"


def test_stock_mid_year_compares_the_same_month_end():
    rows = [("headcount", 2023, 6, 28, "exact"), ("headcount", 2023, 12, 30, "exact"), ("headcount", 2024, 6, 35, "exact")]
    k = kpi(values(*rows), "headcount", 2024)
    assert (k.value, k.prior_value, k.current.basis, k.comparison, k.basis_months) == (35, 28, "months", "months", (6,))


def test_stock_compares_the_latest_month_end_both_years_have():
    rows = [("headcount", 2024, m, 20 + m, "exact") for m in (3, 6, 12)]
    rows += [("headcount", 2025, m, 30 + m, "exact") for m in (3, 6, 9)]
    k = kpi(values(*rows), "headcount", 2025)
    assert (k.value, k.compared.value, k.prior_value, k.change, k.basis_months) == (39, 36, 26, 10, (6,))


def test_stock_mid_year_without_a_common_month_compares_with_last_year_end():
    rows = [("headcount", 2024, None, 30, "exact"), ("headcount", 2025, 9, 33, "exact")]
    k = kpi(values(*rows), "headcount", 2025)
    assert summary(k) == {"value": 33, "prior": 30, "change": 3, "change_pct": 10.0, "bound": "exact", "reason": None,
                          "comparison": "prior_year_end", "basis_months": None, "of_prior_year_pct": None}


def test_stock_year_end_against_a_prior_year_without_one_is_not_compared():
    rows = [("headcount", 2023, 6, 28, "exact"), ("headcount", 2024, None, 31, "exact")]
    k = kpi(values(*rows), "headcount", 2024)
    assert (k.change, k.reason, k.prior_value) == (None, "prior_partial", 28)


def test_events_compare_whole_years_as_counts():
    k = kpi(values(("awards_total", 2023, None, 4, "exact"), ("awards_total", 2024, None, 11, "exact")), "awards_total", 2024)
    assert (k.change, k.change_pct, k.comparison) == (7, 175.0, "years")


def test_ratio_changes_in_percentage_points():
    k = kpi(values(("budget_execution_rate", 2023, None, 92.5, "exact"), ("budget_execution_rate", 2024, None, 97.0, "exact")),
            "budget_execution_rate", 2024)
    assert k.change == pytest.approx(4.5) and k.change_pct is None and k.reason == "ratio" and k.bound == "exact"


# ---------------------------------------------------------------------------------------------
# Bounds: 超/余 make a change a bound, 约/近 make it approximate


@pytest.mark.parametrize("current,prior,bound", [
    ("exact", "exact", "exact"),
    ("at_least", "exact", "at_least"),
    ("exact", "at_least", "at_most"),
    ("approx", "exact", "approx"),
    ("exact", "approx", "approx"),
    ("at_least", "approx", "approx"),
    ("approx", "at_least", "approx"),
    ("at_least", "at_least", "approx"),
])
def test_change_bound(current, prior, bound):
    assert kpis.change_bound(current, prior) == bound


def test_at_least_this_year_is_a_lower_bound_of_the_change():
    """超500万 vs 385.7万: "增长超29.6%" / "at least +29.6%"."""
    k = kpi(values(("online_visits", 2023, None, 3_857_000, "exact"), ("online_visits", 2024, None, 5_000_000, "at_least")),
            "online_visits", 2024)
    assert (k.bound, round(k.change_pct, 4)) == ("at_least", 29.6344)


def test_at_least_last_year_is_an_upper_bound_of_the_change():
    k = kpi(values(("online_visits", 2023, None, 5_000_000, "at_least"), ("online_visits", 2024, None, 4_000_000, "exact")),
            "online_visits", 2024)
    assert (k.bound, k.change_pct) == ("at_most", -20.0)


def test_approximate_values_make_the_change_approximate():
    k = kpi(values(("volunteer_reserve", 2023, None, 2000, "approx"), ("volunteer_reserve", 2024, None, 3000, "exact")),
            "volunteer_reserve", 2024)
    assert (k.bound, k.change_pct) == ("approx", 50.0)


def test_the_share_of_last_year_carries_the_bound():
    rows = [("online_visits", 2024, None, 5_000_000, "at_least")] + months("online_visits", 2025, range(1, 10), 400_000)
    k = kpi(values(*rows), "online_visits", 2025)
    assert (k.bound, k.of_prior_year_pct) == ("at_most", 72.0)
    rows = [("online_visits", 2024, None, 5_000_000, "exact")] + months("online_visits", 2025, (1, 2), 400_000, "at_least")
    assert kpi(values(*rows), "online_visits", 2025).bound == "at_least"


def test_only_the_compared_months_decide_the_bound():
    rows = months("posts", 2024, (1, 2), 10) + months("posts", 2025, (1, 2), 12) + [("posts", 2025, 3, 5, "approx")]
    k = kpi(values(*rows), "posts", 2025)
    assert (k.qualifier, k.bound, k.change_pct) == ("approx", "exact", 20.0)


def test_months_with_qualifiers_combine():
    assert kpis.combine_qualifiers(["exact", "at_least"]) == "at_least"
    assert kpis.combine_qualifiers(["at_least", "approx"]) == "approx"
    assert kpis.combine_qualifiers(["exact"]) == "exact"


# ---------------------------------------------------------------------------------------------
# Platforms: a value that is only a sum of some platforms


def test_platforms_travel_with_the_value_and_a_missing_column_means_totals():
    k = kpi(values(("posts", 2024, None, 10, "exact")), "posts", 2024)
    assert (k.current.platforms, k.current.platforms_partial) == ((), False)
    frame = values(("posts", 2024, 1, 10, "exact"), ("posts", 2024, 2, 12, "exact"), platforms=["wechat,douyin", "douyin"])
    k = kpi(frame, "posts", 2024)
    assert (k.current.platforms, k.current.platforms_partial) == (("douyin", "wechat"), False)
    frame = values(("posts", 2024, 1, 10, "exact"), ("posts", 2024, 2, 12, "exact"), platforms=[None, "wechat"])
    assert kpi(frame, "posts", 2024).current.platforms_partial is True


def test_values_of_different_platform_coverage_are_not_compared():
    frame = values(("posts", 2024, None, 100, "exact"), ("posts", 2025, None, 80, "exact"), platforms=[None, "douyin,wechat"])
    k = kpi(frame, "posts", 2025)
    assert (k.change, k.change_pct, k.reason, k.prior_value) == (None, None, "platforms_differ", 100)
    frame = values(("posts", 2024, None, 100, "exact"), ("posts", 2025, None, 80, "exact"), platforms=["wechat", "wechat"])
    assert kpi(frame, "posts", 2025).change_pct == -20.0


# ---------------------------------------------------------------------------------------------
# Series


def test_yearly_series_and_monthly_ytd():
    rows = months("posts", 2023, range(1, 13), 10) + [("posts", 2024, 1, 5, "exact"), ("posts", 2024, 2, 7, "exact")]
    frame = values(*rows)
    series = kpis.yearly_series(frame, CAT["posts"])
    assert series.to_dict("records") == [
        {"year": 2023, "value": 120.0, "qualifier": "exact", "basis": "year", "months": 12},
        {"year": 2024, "value": 12.0, "qualifier": "exact", "basis": "months", "months": 2},
    ]
    monthly = kpis.monthly_series(frame, CAT["posts"])
    assert list(monthly[monthly["year"] == 2024]["ytd"]) == [5, 12]


def test_direction_inverts_for_metrics_where_up_is_bad():
    from dataclasses import replace

    from museum import present

    k = kpi(values(("posts", 2023, None, 4000, "exact"), ("posts", 2024, None, 5000, "exact")), "posts", 2024)
    assert present.direction(k) == 1
    k.metric = replace(k.metric, higher_is_better=False)
    assert present.direction(k) == -1
