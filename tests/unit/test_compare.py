"""单位对比 on the demo's three units: values, 同比, targets, per staff, ranks (ties, lower is better), 未报送, JSON."""

from dataclasses import replace

import pytest

from museum import catalog, compare, demo, demo_units
from museum.compare import display
from museum.sections import Scope

MUSEUM, EXCHANGE, BASE = "西安市科学技术馆", "示例·西安市科技交流馆", "示例·某区科普基地"


@pytest.fixture
def three(con):
    demo.load(con, 1, actor="test")
    demo_units.load(con, 2, museum=1, actor="test")
    return con


def rows_of(con, period, lang="zh"):
    scopes = [Scope.from_connection(con, uid, name, period, lang) for uid, name in ((1, MUSEUM), (2, EXCHANGE), (3, BASE))]
    return {(r.institution, r.metric.metric_id): r for r in compare.build(scopes)}


def test_ranks_share_a_place_and_skip_the_next():
    assert compare.rank_values([10, 10, 5, None]) == [1, 1, 3, None]
    assert compare.rank_values([10, 5, 5, None], higher_is_better=False) == [3, 1, 1, None]
    assert compare.rank_values([0.1 + 0.2, 0.3]) == [1, 1]  # float noise is no difference
    assert compare.rank_values([None, None]) == [None, None]


def test_values_ranks_and_not_reported_on_three_units(three):
    rows = rows_of(three, "2024")
    assert len(rows) == 3 * 9  # every headline metric for every unit, reported or not
    visits = rows[(MUSEUM, "online_visits")]
    assert (visits.value, visits.qualifier, visits.rank, visits.ranked) == (5_000_000, "at_least", 1, 3)
    assert visits.change_pct == pytest.approx(29.6347, abs=1e-3) and visits.kpi.bound == "at_least"  # as its card
    # a tie shares rank 1 and the next unit is third
    assert [rows[(u, "outreach_events")].rank for u in (MUSEUM, EXCHANGE, BASE)] == [1, 1, 3]
    assert rows[(MUSEUM, "outreach_events")].tied and not rows[(BASE, "outreach_events")].tied
    # not reported: no value, no rank, never 0; the others are ranked among those that reported
    videos = rows[(BASE, "short_videos")]
    assert (videos.value, videos.rank, videos.per_staff, videos.change_pct) == (None, None, None, None)
    assert rows[(MUSEUM, "short_videos")].ranked == 2
    assert display.value_cell(videos, "zh") == "未报送" and display.value_cell(videos, "en") == "Not reported"
    assert rows[(MUSEUM, "onsite_visitors")].value is None and rows[(EXCHANGE, "onsite_visitors")].rank == 1


def test_lower_is_better_ranks_the_smallest_first(three, monkeypatch):
    real = catalog.load()
    flipped = catalog.Catalog([replace(m, higher_is_better=False) if m.metric_id == "posts" else m for m in real])
    monkeypatch.setattr(catalog, "load", lambda: flipped)
    rows = rows_of(three, "2024")
    assert [rows[(u, "posts")].rank for u in (MUSEUM, EXCHANGE, BASE)] == [3, 2, 1]


def test_per_staff_uses_the_headcount_at_the_period_end(three):
    year = rows_of(three, "2024")
    assert year[(MUSEUM, "posts")].per_staff == pytest.approx(5528 / 31)
    assert year[(BASE, "posts")].per_staff == pytest.approx(year[(BASE, "posts")].value / 4)
    assert year[(MUSEUM, "online_visits")].per_staff_qualifier == "at_least"  # 超500万 ÷ 31 is a lower bound too
    assert year[(MUSEUM, "headcount")].per_staff is None  # staff per staff means nothing
    # April 2025 has no headcount of its own: the latest before it, the 2024 year-end, counts
    april = rows_of(three, "2025-04")
    assert april[(MUSEUM, "posts")].per_staff == pytest.approx(april[(MUSEUM, "posts")].value / 31)
    assert april[(EXCHANGE, "posts")].per_staff == pytest.approx(april[(EXCHANGE, "posts")].value / 12)


def test_target_completion_and_time_progress_where_the_unit_has_targets(three):
    year = rows_of(three, "2024")
    posts = year[(EXCHANGE, "posts")]
    goal = round(posts.value * 1.1, -1)
    assert posts.completion_pct == pytest.approx(posts.value / goal * 100) and posts.progress_pct == 100
    assert year[(MUSEUM, "posts")].completion_pct is None and year[(MUSEUM, "posts")].progress_pct is None
    april = rows_of(three, "2025-04")[(EXCHANGE, "posts")]
    assert april.progress_pct == pytest.approx(4 / 12 * 100) and april.completion_pct < april.progress_pct


def test_json_rows_have_exactly_the_contract_keys(three):
    rows = rows_of(three, "2024")
    records = [compare.row_json(r) for r in rows.values()]
    assert all(tuple(r) == ("institution", "metric", "value", "qualifier", "change_pct", "completion_pct", "per_staff", "rank")
               for r in records)
    missing = compare.row_json(rows[(BASE, "short_videos")])
    assert missing == {"institution": BASE, "metric": "short_videos", "value": None, "qualifier": None, "change_pct": None,
                       "completion_pct": None, "per_staff": None, "rank": None}


def test_the_default_demo_is_unchanged(con):
    demo.load(con, 1, actor="test")
    from museum import institutions

    assert list(institutions.table(con)["name"]) == [MUSEUM]


def test_demo_remove_takes_the_units_figures_away(three):
    from museum import kpis

    demo.remove(three, actor="test")
    assert kpis.load_values(three, 2).empty and kpis.load_values(three, 3).empty


def test_the_change_cell_keeps_what_the_card_compares(three):
    rows = rows_of(three, "2025-01..2025-09")
    posts = rows[(MUSEUM, "posts")]
    assert posts.change_pct is None and posts.kpi.of_prior_year_pct is not None
    assert display.change_cell(posts, "zh").startswith("已达上年全年的")  # the share of last year, as the card says
    assert display.change_cell(rows_of(three, "2024")[(MUSEUM, "posts")], "zh") == "+5.9%"  # the column says 同比
    april = rows_of(three, "2025-04")[(MUSEUM, "posts")]
    assert display.change_cell(april, "zh").startswith("同比 —（")  # none, and why


def test_a_unit_over_other_months_is_shown_but_not_ranked(three):
    """Two units filed October 2025, the third not yet: 1–10月 is ranked, the 1–9月 sum is not ranked against it."""
    from museum.intake import entry

    for unit in (1, 2):
        entry.submit(three, unit, 2025, 10, {"posts": "40"}, actor="test")
    rows = rows_of(three, "2025")
    museum, exchange, base = (rows[(u, "posts")] for u in (MUSEUM, EXCHANGE, BASE))
    assert (museum.rank, exchange.rank, museum.ranked) == (1, 2, 2)
    assert (base.rank, base.other_months, base.value) == (None, True, rows_of(three, "2025-01..2025-09")[(BASE, "posts")].value)
    assert not museum.other_months and compare.row_json(base)["rank"] is None
    assert display.rank_cell(base, "zh") == "不排名" and display.rank_cell(base, "en") == "not ranked"
    assert display.value_cell(base, "zh").endswith("（1–9月累计）")
    # the notice names it with its months; the chart draws it last, paler, its months beside the value
    section = display.section([r for r in rows.values() if r.metric.metric_id == "posts"], base.kpi.period, "zh")
    notices = [b.text for b in section.blocks if type(b).__name__ == "Notice"]
    assert any("示例·某区科普基地（1–9月累计）报送的月份与其他单位不同" in n and "不参与排名" in n for n in notices)
    bars = display.figure([museum, exchange, base], base.kpi.period, "zh").data[0]
    assert list(bars.y) == [MUSEUM, EXCHANGE, BASE] and bars.text[-1].endswith("（1–9月累计）")
    assert bars.marker.color[0] != bars.marker.color[-1]
    # months everyone reported are ranked as before
    assert rows[(BASE, "online_visits")].rank == 3 and not rows[(BASE, "online_visits")].other_months


def test_a_whole_years_value_is_said_to_cover_the_year(three):
    """Not ranked beside units over fewer months, an annual value is named with '全年' (a stock: '年末'), never '—'."""
    year = rows_of(three, "2024")
    assert display.months_covered(year[(MUSEUM, "posts")], "zh") == "全年"
    assert display.months_covered(year[(MUSEUM, "headcount")], "zh") == "年末"
    assert display.months_covered(year[(MUSEUM, "posts")], "en") == "full year"
    apart = replace(year[(MUSEUM, "posts")], other_months=True, rank=None)
    assert display.other_months_names([apart], "zh") == [f"{MUSEUM}（全年）"]
