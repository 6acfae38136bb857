"""What people read of a KPI (issue 11 §1–2): card texts, bounds in words, the pack's sentences in the
report's own words, the headline choice, the fresh-install notice and the JSON keys — zh and en."""

import json

import pandas as pd
import pytest

from museum import catalog, headlines, kpis, present

CAT = catalog.load()
VISITS_SENTENCE = "本年度共发布各类科普图文5528篇,总访问量超500万次,粉丝增长2万余人。"


def values(*rows):
    """rows: (metric_id, year, month, value, qualifier[, sentence[, platforms]])."""
    rows = [tuple(r) + (None,) * (7 - len(r)) for r in rows]
    frame = pd.DataFrame(rows, columns=["metric_id", "year", "month", "value", "qualifier", "sentence", "platforms"])
    frame["month"] = frame["month"].astype("Int64")
    frame["note"] = None
    frame["batch_id"] = 3
    frame["from_records"] = False
    frame["batch_kind"] = "upload"
    frame["batch_file"] = "months.xlsx"
    frame["batch_user"] = "张三"
    frame["batch_time"] = "2025-10-08 09:30"
    frame["is_demo"] = False
    return frame


def months(metric_id, year, numbers, value, qualifier="exact"):
    return [(metric_id, year, m, value, qualifier) for m in numbers]


def kpi(frame, metric_id, year):
    return next(k for k in kpis.kpis_for_year(frame, CAT, year) if k.metric.metric_id == metric_id)


def texts(k, lang):
    c = present.card(k, lang)
    return {"value": c.value, "coverage": c.coverage, "delta": c.delta, "notes": c.notes}


# ---------------------------------------------------------------------------------------------
# Cards


def test_card_of_a_partial_year_compared_on_the_common_months():
    rows = [("short_videos", 2024, None, 356, "exact")] + months("short_videos", 2024, range(1, 7), 20)
    rows += months("short_videos", 2025, range(1, 10), 30)
    k = kpi(values(*rows), "short_videos", 2025)
    assert texts(k, "zh") == {"value": "270条", "coverage": "1–9月累计", "delta": "1–6月同比 +50.0%", "notes": ("上年1–6月 120条",)}
    assert texts(k, "en") == {"value": "270 videos", "coverage": "Jan–Sep total", "delta": "Jan–Jun YoY +50.0%",
                              "notes": ("Jan–Jun 2024: 120 videos",)}
    c = present.card(k, "zh")
    assert (c.label, c.direction, c.arrow) == ("科普短视频", 1, "up")
    assert c.help == "来源：批次 #3（上传，文件 months.xlsx，张三，北京时间 2025-10-08 17:30）"


def test_card_of_a_partial_year_against_last_years_total():
    rows = [("posts", 2024, None, 1200, "exact")] + months("posts", 2025, range(1, 10), 88)
    k = kpi(values(*rows), "posts", 2025)
    assert texts(k, "zh") == {"value": "792篇", "coverage": "1–9月累计", "delta": "已达上年全年的 66%（截至9月）",
                              "notes": ("上年全年 1200篇",)}
    assert texts(k, "en") == {"value": "792 posts", "coverage": "Jan–Sep total", "delta": "66% of 2024 total (as of Sep)",
                              "notes": ("2024 total: 1,200 posts",)}
    assert present.card(k, "zh").arrow == "off" and present.direction(k) == 0


def test_a_share_against_a_lower_bound_is_at_most():
    rows = [("online_visits", 2024, None, 5_000_000, "at_least")] + months("online_visits", 2025, range(1, 10), 400_000)
    k = kpi(values(*rows), "online_visits", 2025)
    assert present.delta_text(k, "zh") == "不超过上年全年的 72%（截至9月；上年全年是“超”数）"
    assert present.delta_text(k, "en") == "at most 72% of 2024 total (as of Sep; that total is a lower bound)"
    assert present.card(k, "en").value == "3.6M visits"


def test_cards_say_a_bound_in_words():
    frame = values(("online_visits", 2023, None, 3_857_000, "exact"), ("online_visits", 2024, None, 5_000_000, "at_least", VISITS_SENTENCE))
    k = kpi(frame, "online_visits", 2024)
    assert texts(k, "zh") == {"value": "500万+次", "coverage": None, "delta": "同比 增长超29.6%", "notes": ("上年 385.7万次",)}
    assert texts(k, "en") == {"value": "5.0M+ visits", "coverage": None, "delta": "YoY at least +29.6%", "notes": ("2023: 3.9M visits",)}
    assert present.card(k, "zh").help == f"来源：{VISITS_SENTENCE} 本年数字为下限（超/余），变化为下限"
    k = kpi(values(("online_visits", 2023, None, 5_000_000, "at_least"), ("online_visits", 2024, None, 3_000_000, "exact")),
            "online_visits", 2024)
    assert (present.delta_text(k, "zh"), present.delta_text(k, "en")) == ("同比 下降超40.0%", "YoY at most −40.0%")
    assert present.bound_note(k, "en") == "last year's figure is a lower bound (“more than …”), so the change is a maximum"


def test_approximate_changes_stay_approximate():
    k = kpi(values(("volunteer_reserve", 2023, None, 2000, "exact"), ("volunteer_reserve", 2024, None, 3000, "approx")),
            "volunteer_reserve", 2024)
    assert texts(k, "zh") == {"value": "约3000人", "coverage": None, "delta": "同比 约 +50.0%", "notes": ("上年 2000人",)}
    assert texts(k, "en") == {"value": "≈3,000 people", "coverage": None, "delta": "YoY ≈ +50.0%", "notes": ("2023: 2,000 people",)}


def test_cards_without_a_change_carry_a_short_dash_and_reason():
    k = kpi(values(("posts", 2024, None, 5528, "exact")), "posts", 2024)
    assert texts(k, "zh") == {"value": "5528篇", "coverage": None, "delta": "同比 —", "notes": ("无上年数据",)}
    assert texts(k, "en") == {"value": "5,528 posts", "coverage": None, "delta": "YoY —", "notes": ("no data for the prior year",)}
    assert present.card(k, "zh", show_reason=False).notes == ()
    k = kpi(values(*months("posts", 2023, (10, 11), 100), *months("posts", 2024, (1, 2), 150)), "posts", 2024)
    assert texts(k, "zh") == {"value": "300篇", "coverage": "1–2月累计", "delta": "同比 —", "notes": ("上年 200篇", "上年无同期月份")}
    k = kpi(values(("livestreams", 2023, None, 0, "exact"), ("livestreams", 2024, None, 7, "exact")), "livestreams", 2024)
    assert texts(k, "zh") == {"value": "7场次", "coverage": None, "delta": "同比 +7场次", "notes": ("上年 0场次", "上年为0")}
    assert texts(k, "en")["delta"] == "YoY +7 sessions"


def test_stock_cards():
    k = kpi(values(("headcount", 2024, None, 30, "exact"), ("headcount", 2025, 9, 33, "exact")), "headcount", 2025)
    assert texts(k, "zh") == {"value": "33人", "coverage": "截至9月", "delta": "较上年末 +10.0%", "notes": ("上年末 30人",)}
    assert texts(k, "en") == {"value": "33 people", "coverage": "as of Sep", "delta": "vs end of 2024 +10.0%",
                              "notes": ("end of 2024: 30 people",)}
    rows = [("headcount", 2024, m, 20 + m, "exact") for m in (3, 6, 12)] + [("headcount", 2025, m, 30 + m, "exact") for m in (3, 6, 9)]
    k = kpi(values(*rows), "headcount", 2025)
    assert texts(k, "zh") == {"value": "39人", "coverage": "截至9月", "delta": "6月同比 +38.5%", "notes": ("上年6月 26人",)}
    assert texts(k, "en")["delta"] == "Jun YoY +38.5%"


def test_money_and_ratios_on_cards():
    k = kpi(values(("assets_year_end", 2023, None, 63.1, "exact"), ("assets_year_end", 2024, None, 59.27, "exact")), "assets_year_end", 2024)
    assert texts(k, "zh") == {"value": "59.27万元", "coverage": None, "delta": "同比 −6.1%", "notes": ("上年 63.1万元",)}
    assert texts(k, "en") == {"value": "CNY 592.7k", "coverage": None, "delta": "YoY −6.1%", "notes": ("2023: CNY 631k",)}
    assert present.card(k, "zh").direction == -1
    k = kpi(values(("budget_execution_rate", 2023, None, 92.5, "exact"), ("budget_execution_rate", 2024, None, 97.0, "exact")),
            "budget_execution_rate", 2024)
    assert (present.delta_text(k, "zh"), present.delta_text(k, "en")) == ("同比 +4.5个百分点", "YoY +4.5 pp")


def test_singular_units_in_english():
    k = kpi(values(("projects_concluded", 2023, None, 2, "exact"), ("projects_concluded", 2024, None, 1, "exact")), "projects_concluded", 2024)
    assert texts(k, "en") == {"value": "1 project", "coverage": None, "delta": "YoY −50.0%", "notes": ("2023: 2 projects",)}


def test_a_sum_of_platforms_says_which():
    rows = [("posts", 2025, 1, 10, "exact", None, "douyin,wechat"), ("posts", 2025, 2, 12, "exact", None, "wechat")]
    k = kpi(values(*rows), "posts", 2025)
    assert present.platform_text(k, "zh") == "仅含 微信公众号、抖音"
    assert present.platform_text(k, "en") == "WeChat and Douyin only"
    assert present.card(k, "zh").notes == ("无上年数据", "仅含 微信公众号、抖音")
    rows = [("posts", 2025, 1, 10, "exact", None, "channels,douyin,toutiao"), ("posts", 2025, 2, 12, "exact")]
    k = kpi(values(*rows), "posts", 2025)
    assert present.platform_text(k, "zh") == "部分月份仅含 抖音、视频号、头条号"
    assert present.platform_text(k, "en") == "some months Douyin, WeChat Channels and Toutiao only"
    assert present.platform_text(kpi(values(("posts", 2025, None, 5, "exact")), "posts", 2025), "zh") is None


def test_values_of_another_platform_coverage_are_not_compared_on_cards():
    rows = [("posts", 2024, None, 100, "exact"), ("posts", 2025, None, 80, "exact", None, "douyin,wechat")]
    k = kpi(values(*rows), "posts", 2025)
    assert texts(k, "zh") == {"value": "80篇", "coverage": None, "delta": "同比 —",
                              "notes": ("上年 100篇", "两年统计口径不同", "仅含 微信公众号、抖音")}


@pytest.mark.parametrize("numbers,zh,en", [
    ((1, 2, 3, 4, 5, 6), "1–6月", "Jan–Jun"),
    ((1, 2, 3, 5), "1–3、5月", "Jan–Mar, May"),
    ((9,), "9月", "Sep"),
    ((12, 11, 1), "1、11–12月", "Jan, Nov–Dec"),
])
def test_months_text(numbers, zh, en):
    assert (present.months_text(numbers, "zh"), present.months_text(numbers, "en")) == (zh, en)


# ---------------------------------------------------------------------------------------------
# The pack's sentences


def test_sentences_use_the_reports_own_words():
    frame = values(("online_visits", 2023, None, 3_857_000, "exact"), ("online_visits", 2024, None, 5_000_000, "at_least", VISITS_SENTENCE),
                   ("follower_growth", 2024, None, 20_000, "at_least", VISITS_SENTENCE))
    visits, followers = kpi(frame, "online_visits", 2024), kpi(frame, "follower_growth", 2024)
    assert present.sentence(visits, "zh") == "2024年总访问量超500万次，同比增长超29.6%。"
    assert present.sentence(visits, "en") == "Online visits in 2024: more than 5.0M visits, up at least 29.6% on 2023."
    assert present.sentence(followers, "zh") == "2024年粉丝增长2万余人；库中没有2023年数据，不作同比。"
    assert present.sentence(followers, "en") == "Follower growth in 2024: more than 20k followers; there is no 2023 figure to compare with."


def test_sentences_without_a_source_word_use_the_usual_ones():
    frame = values(("outreach_events", 2024, None, 50, "at_least"), ("volunteer_reserve", 2024, None, 3000, "approx", "招募了3000人左右的志愿者"))
    assert present.sentence(kpi(frame, "outreach_events", 2024), "zh") == "2024年“三探五进”公益行科普活动超50场；库中没有2023年数据，不作同比。"
    assert present.sentence(kpi(frame, "volunteer_reserve", 2024), "zh") == "2024年志愿者后备人选3000人左右；库中没有2023年数据，不作同比。"


@pytest.mark.parametrize("prior,current,zh,en", [
    ((4000, "exact"), (5000, "exact"), "2024年科普图文5000篇，同比增长25.0%。", "Science posts in 2024: 5,000 posts, up 25.0% on 2023."),
    ((5000, "exact"), (4500, "exact"), "2024年科普图文4500篇，同比下降10.0%。", "Science posts in 2024: 4,500 posts, down 10.0% on 2023."),
    ((5000, "exact"), (5000, "exact"), "2024年科普图文5000篇，同比持平。", "Science posts in 2024: 5,000 posts, unchanged on 2023."),
    ((4000, "approx"), (5000, "exact"), "2024年科普图文5000篇，同比增长约25.0%。", "Science posts in 2024: 5,000 posts, up about 25.0% on 2023."),
    ((5000, "at_least"), (4000, "exact"), "2024年科普图文4000篇，同比下降超20.0%。", "Science posts in 2024: 4,000 posts, down at least 20.0% on 2023."),
    ((4000, "at_least"), (5000, "exact"), "2024年科普图文5000篇，同比增长不超过25.0%。", "Science posts in 2024: 5,000 posts, up at most 25.0% on 2023."),
    ((5000, "exact"), (4000, "at_least"), "2024年科普图文超4000篇，同比下降不超过20.0%。",
     "Science posts in 2024: more than 4,000 posts, down at most 20.0% on 2023."),
])
def test_sentences_put_the_bound_in_words(prior, current, zh, en):
    k = kpi(values(("posts", 2023, None, *prior), ("posts", 2024, None, *current)), "posts", 2024)
    assert (present.sentence(k, "zh"), present.sentence(k, "en")) == (zh, en)


def test_sentences_of_partial_years():
    rows = months("posts", 2024, range(1, 13), 100) + months("posts", 2025, range(1, 10), 120)
    k = kpi(values(*rows), "posts", 2025)
    assert present.sentence(k, "zh") == "2025年科普图文1080篇（1–9月累计），1–9月同比增长20.0%。"
    assert present.sentence(k, "en") == "Science posts in 2025: 1,080 posts (Jan–Sep total), up 20.0% on Jan–Sep 2024."
    k = kpi(values(("posts", 2024, None, 1200, "exact"), *months("posts", 2025, range(1, 10), 88)), "posts", 2025)
    assert present.sentence(k, "zh") == "2025年科普图文792篇（1–9月累计），已达上年全年的66%。"
    assert present.sentence(k, "en") == "Science posts in 2025: 792 posts (Jan–Sep total), 66% of the 2024 total."
    k = kpi(values(("headcount", 2024, None, 30, "exact"), ("headcount", 2025, 9, 33, "exact")), "headcount", 2025)
    assert present.sentence(k, "zh") == "2025年从业人数33人（截至9月），较上年末增长10.0%。"
    assert present.sentence(k, "en") == "Headcount in 2025: 33 people (as of Sep), up 10.0% on the end of 2024."


def test_sentences_of_ratios_counts_and_missing_changes():
    k = kpi(values(("budget_execution_rate", 2023, None, 92.5, "exact"), ("budget_execution_rate", 2024, None, 97.0, "exact")),
            "budget_execution_rate", 2024)
    assert present.sentence(k, "zh") == "2024年预算执行率97%，同比增长4.5个百分点。"
    assert present.sentence(k, "en") == "Budget execution rate in 2024: 97%, up 4.5 pp on 2023."
    k = kpi(values(("livestreams", 2023, None, 0, "exact"), ("livestreams", 2024, None, 7, "exact")), "livestreams", 2024)
    assert present.sentence(k, "zh") == "2024年直播活动7场次，比上年+7场次。"
    assert present.sentence(k, "en") == "Livestreams in 2024: 7 sessions, +7 sessions on 2023."
    k = kpi(values(*months("posts", 2023, (1, 2), 100), ("posts", 2024, None, 1500, "exact")), "posts", 2024)
    assert present.sentence(k, "zh") == "2024年科普图文1500篇（上年仅部分月份）。"
    assert present.sentence(k, "en") == "Science posts in 2024: 1,500 posts (prior year incomplete)."


# ---------------------------------------------------------------------------------------------
# Headline, notice, JSON


def test_the_headline_row_comes_from_its_data_file():
    assert headlines.headline_ids() == ("onsite_visitors", "posts", "short_videos", "online_visits", "follower_growth",
                                      "outreach_events", "awards_total", "assets_year_end", "headcount")
    frame = values(("headcount", 2024, None, 31, "exact"), ("posts", 2024, None, 5528, "exact"), ("livestreams", 2024, None, 7, "exact"))
    year_kpis = kpis.kpis_for_year(frame, CAT, 2024)
    assert [k.metric.metric_id for k in headlines.headline(year_kpis)] == ["posts", "headcount"]
    assert [k.metric.metric_id for k in headlines.headline(year_kpis, ("livestreams", "posts"))] == ["livestreams", "posts"]


def test_on_site_visitors_lead_the_headline_when_they_have_data():
    """A science museum's first figure is 接待观众人次 (issue 18 item 8); without it the row is as before, eight at most."""
    listed = headlines.headline_ids()
    full = values(*[(metric_id, 2024, None, 100, "exact") for metric_id in listed])
    shown = [k.metric.metric_id for k in headlines.headline(kpis.kpis_for_year(full, CAT, 2024))]
    assert shown == list(listed[:8]) and shown[0] == "onsite_visitors"
    without = values(*[(metric_id, 2024, None, 100, "exact") for metric_id in listed[1:]])
    assert [k.metric.metric_id for k in headlines.headline(kpis.kpis_for_year(without, CAT, 2024))] == list(listed[1:])


@pytest.mark.parametrize("content,message", [
    ("metric_id\nposts\nno_such_metric\n", "bad.csv row 3: 'no_such_metric' is not a metric id of data/metrics.csv"),
    ("metric_id\nposts\nposts\n", "bad.csv row 3: 'posts' is listed twice"),
    ("metric_id\nposts\nheadcount\n", "bad.csv lists 2 metrics; the headline row takes 6–9"),
])
def test_a_bad_headline_file_is_refused_with_its_row(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        headlines.headline_ids(path)
    assert str(raised.value) == message


def test_one_notice_when_no_kpi_has_a_prior_year():
    assert headlines.prior_year_notice([2024], 2024, "zh") == "库中只有2024年数据：导入2023年的年度报告或上传上年数据后即可显示同比"
    assert headlines.prior_year_notice([2024], 2024, "en") == (
        "Only 2024 is in the database: import the 2023 annual report or upload last year's figures to see year-over-year changes")
    assert headlines.prior_year_notice([2022, 2024], 2024, "zh") == "库中没有2023年数据：导入2023年的年度报告或上传上年数据后即可显示同比"
    assert headlines.prior_year_notice([2023, 2024], 2024, "zh") is None
    with_prior = kpis.kpis_for_year(values(("posts", 2023, None, 1, "exact"), ("posts", 2024, None, 2, "exact"),
                                           ("headcount", 2024, None, 3, "exact")), CAT, 2024)
    assert headlines.prior_year_notice([2023, 2024], 2024, "zh", with_prior) is None
    without = [k for k in with_prior if k.metric.metric_id == "headcount"]
    assert headlines.prior_year_notice([2023, 2024], 2024, "zh", without) == "库中没有2023年数据：导入2023年的年度报告或上传上年数据后即可显示同比"


def test_json_gains_the_basis_months_and_the_share_at_the_end():
    rows = [("short_videos", 2024, None, 356, "exact")] + months("short_videos", 2024, range(1, 7), 20)
    rows += months("short_videos", 2025, range(1, 10), 30) + [("posts", 2024, None, 1200, "exact")] + months("posts", 2025, range(1, 10), 88)
    frame = values(*rows)
    records = {k.metric.metric_id: present.kpi_json(k) for k in kpis.kpis_for_year(frame, CAT, 2025)}
    assert list(records["posts"])[12:15] == ["source", "basis_months", "of_prior_year_pct"]  # then the period's keys
    assert tuple(records["posts"]) == present.KPI_JSON_KEYS
    assert {k: records["short_videos"][k] for k in ("value", "prior_value", "change", "change_pct", "basis_months", "of_prior_year_pct")} == {
        "value": 270.0, "prior_value": 120.0, "change": 60.0, "change_pct": 50.0, "basis_months": [1, 2, 3, 4, 5, 6], "of_prior_year_pct": None}
    assert {k: records["posts"][k] for k in ("value", "prior_value", "change", "change_pct", "basis_months", "of_prior_year_pct")} == {
        "value": 792.0, "prior_value": 1200.0, "change": None, "change_pct": None, "basis_months": None, "of_prior_year_pct": 66.0}
    json.dumps(list(records.values()), ensure_ascii=False)  # plain JSON types only
