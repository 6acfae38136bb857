"""Year-over-year arithmetic by metric kind (DESIGN §4), on small hand-made value tables."""

import pandas as pd
import pytest

from museum import catalog, kpis

CAT = catalog.load()


def values(*rows):
    """rows: (metric_id, year, month, value, qualifier)."""
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
    return frame


def kpi(frame, metric_id, year):
    found = [k for k in kpis.kpis_for_year(frame, CAT, year) if k.metric.metric_id == metric_id]
    return found[0] if found else None


def test_flow_full_year_against_full_year():
    k = kpi(values(("posts", 2023, None, 4000, "exact"), ("posts", 2024, None, 5000, "exact")), "posts", 2024)
    assert (k.value, k.prior_value, k.change, k.change_pct, k.approximate, k.reason) == (5000, 4000, 1000, 25.0, False, None)


def test_flow_year_is_the_sum_of_its_months():
    rows = [("posts", 2024, m, 100, "exact") for m in range(1, 13)]
    k = kpi(values(*rows), "posts", 2024)
    assert k.value == 1200 and k.current.basis == "year"


def test_flow_partial_year_compares_same_months_of_prior_year():
    rows = [("posts", 2023, m, 100, "exact") for m in range(1, 13)]
    rows += [("posts", 2024, m, 150, "exact") for m in (1, 2, 3)]
    k = kpi(values(*rows), "posts", 2024)
    assert k.current.basis == "months" and k.current.months == (1, 2, 3)
    assert (k.value, k.prior_value, k.change_pct) == (450, 300, 50.0)


def test_partial_year_against_annual_only_prior_is_not_compared():
    rows = [("posts", 2023, None, 1200, "exact")] + [("posts", 2024, m, 150, "exact") for m in (1, 2, 3)]
    k = kpi(values(*rows), "posts", 2024)
    assert (k.change, k.change_pct, k.reason) == (None, None, "prior_no_months")


def test_full_year_against_partial_prior_is_not_compared():
    rows = [("posts", 2023, m, 100, "exact") for m in (1, 2)] + [("posts", 2024, None, 1500, "exact")]
    k = kpi(values(*rows), "posts", 2024)
    assert (k.change_pct, k.reason) == (None, "prior_partial")


def test_stock_is_year_end_never_summed():
    rows = [("headcount", 2023, None, 30, "exact")] + [("headcount", 2024, m, 30 + m, "exact") for m in (1, 6, 12)]
    k = kpi(values(*rows), "headcount", 2024)
    assert (k.value, k.prior_value, k.change) == (42, 30, 12)
    assert k.current.basis == "year"


def test_stock_mid_year_compares_same_month_when_prior_has_it():
    rows = [("headcount", 2023, 6, 28, "exact"), ("headcount", 2023, 12, 30, "exact"), ("headcount", 2024, 6, 35, "exact")]
    k = kpi(values(*rows), "headcount", 2024)
    assert (k.value, k.prior_value, k.current.basis) == (35, 28, "months")


def test_missing_prior_year_says_so():
    k = kpi(values(("posts", 2024, None, 5528, "exact")), "posts", 2024)
    assert (k.prior, k.change, k.change_pct, k.reason) == (None, None, None, "no_prior")


def test_zero_prior_gives_no_percentage():
    k = kpi(values(("livestreams", 2023, None, 0, "exact"), ("livestreams", 2024, None, 7, "exact")), "livestreams", 2024)
    assert (k.change, k.change_pct, k.reason) == (7, None, "prior_zero")


def test_qualified_values_make_the_change_approximate():
    k = kpi(values(("online_visits", 2023, None, 4_000_000, "exact"), ("online_visits", 2024, None, 5_000_000, "at_least")),
            "online_visits", 2024)
    assert k.approximate and k.change_pct == pytest.approx(25.0)
    k = kpi(values(("volunteer_reserve", 2023, None, 2000, "approx"), ("volunteer_reserve", 2024, None, 3000, "exact")),
            "volunteer_reserve", 2024)
    assert k.approximate


def test_ratio_changes_in_percentage_points():
    k = kpi(values(("budget_execution_rate", 2023, None, 92.5, "exact"), ("budget_execution_rate", 2024, None, 97.0, "exact")),
            "budget_execution_rate", 2024)
    assert k.change == pytest.approx(4.5) and k.change_pct is None and k.reason == "ratio"


def test_months_with_qualifiers_combine():
    assert kpis.combine_qualifiers(["exact", "at_least"]) == "at_least"
    assert kpis.combine_qualifiers(["at_least", "approx"]) == "approx"
    assert kpis.combine_qualifiers(["exact"]) == "exact"


def test_yearly_series_and_monthly_ytd():
    rows = [("posts", 2023, m, 10, "exact") for m in range(1, 13)] + [("posts", 2024, 1, 5, "exact"), ("posts", 2024, 2, 7, "exact")]
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
