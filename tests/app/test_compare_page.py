"""单位对比 page (AppTest): three demo units side by side in zh and en, 未报送 as such, and the one-unit notice."""

import re

import pytest

from museum import demo, demo_units
from museum.store import db, views
from tests.app.conftest import open_page, texts, unescaped

# raw codes a reader must never see; "posts" and "headcount" are also English words, so they count in zh only
CODES = r"None|nan|NaN|at_least|approx|exact|onsite_visitors|short_videos|online_visits|follower_growth|outreach_events|" \
        r"awards_total|assets_year_end"
RAW = {"zh": re.compile(rf"\b({CODES}|posts|headcount)\b"), "en": re.compile(rf"\b({CODES})\b")}
EXCHANGE, BASE = "示例·西安市科技交流馆", "示例·某区科普基地"


@pytest.fixture
def three_units(app_db):
    with db.session(app_db) as con:
        demo.load(con, 1, actor="test")
        demo_units.load(con, 2, museum=1, actor="test")
    return app_db


def chart_names(at) -> list[str]:
    return [element.proto.id.split("-chart_", 1)[1] for element in at.get("plotly_chart")]


def shown(at) -> str:
    """Every text and every table cell of the run, for the raw-code check."""
    frames = "\n".join(df.value.to_csv(index=False) for df in at.dataframe)
    return texts(at) + "\n" + frames + "\n" + "\n".join(str(m.label) for m in at.multiselect)


def test_three_units_side_by_side_in_chinese(three_units):
    at = open_page("app_pages/compare.py", "zh")
    assert [t.value for t in at.title] == ["单位对比"]
    assert at.multiselect[0].value == [1, 2, 3]  # every unit by default, the install's own first
    table = at.dataframe[0].value
    assert list(table.columns) == ["指标", "单位", "数值", "排名", "同比", "目标完成", "序时进度", "人均（按从业人数）"]
    cell = lambda metric, unit, column: table[(table["指标"] == metric) & (table["单位"] == unit)][column].iloc[0]  # noqa: E731
    assert cell("总访问量", "西安市科学技术馆", "数值") == "超500万次"
    assert cell("总访问量", "西安市科学技术馆", "同比") == "增长超29.6%"  # the column says 同比
    assert cell("科普图文", "西安市科学技术馆", "人均（按从业人数）") == "178.32篇/人"
    assert cell("科普短视频", BASE, "数值") == "未报送" and cell("科普短视频", BASE, "排名") == "—"
    assert cell("“三探五进”公益行科普活动", EXCHANGE, "排名") == "1/3（并列）"
    assert cell("“三探五进”公益行科普活动", BASE, "排名") == "3/3"
    assert cell("科普图文", EXCHANGE, "序时进度") == "100%" and cell("科普图文", EXCHANGE, "目标完成").endswith("%")
    # a chart per metric that any unit reported; the units that did not report are named under it, not drawn as 0
    assert "compare_posts_2024" in chart_names(at) and "compare_assets_year_end_2024" in chart_names(at)
    assert "资产年末数未报送：示例·西安市科技交流馆、示例·某区科普基地（不按0计，不参与排名）" in [i.value for i in at.info]
    assert "示例数据，非真实统计" in [w.value for w in at.warning]
    assert [b.label for b in at.get("download_button")][:2] == ["下载对比表（CSV）", "下载对比表（XLSX）"]
    assert not RAW["zh"].search(shown(at)), RAW["zh"].search(shown(at))


def test_three_units_in_english(three_units):
    at = open_page("app_pages/compare.py", "en")
    table = at.dataframe[0].value
    assert list(table.columns) == ["Metric", "Unit", "Value", "Rank", "YoY", "Target done", "Time elapsed", "Per staff member"]
    row = table[(table["Metric"] == "Online visits") & (table["Unit"] == "西安市科学技术馆")].iloc[0]
    assert row["Value"] == "more than 5.0M visits" and row["Rank"] == "1 of 3"
    assert (table[table["Unit"] == BASE]["Value"] == "Not reported").sum() >= 3
    assert not RAW["en"].search(shown(at)), RAW["en"].search(shown(at))


def test_choosing_one_unit_asks_for_another(three_units):
    at = open_page("app_pages/compare.py", "zh")
    at.multiselect[0].set_value([2]).run()
    assert not at.exception
    assert "请至少选择两家单位进行对比。" in [i.value for i in at.info]
    assert not at.dataframe


def test_one_unit_only_says_how_others_get_here(app_db):
    for lang, words in (("zh", "导入另一家单位的事业单位法人年度报告"), ("en", "receive a unit's return")):
        at = open_page("app_pages/compare.py", lang)
        assert any(words in i.value for i in at.info), [i.value for i in at.info]
        assert not at.dataframe and not at.get("plotly_chart")


def test_the_sidebar_period_is_the_comparisons(three_units):
    at = open_page("app_pages/compare.py", "zh", session={"year_1": 2025, "period_1_2025": "2025-04"})
    table = at.dataframe[0].value
    posts = table[(table["指标"] == "科普图文") & (table["单位"] == EXCHANGE)].iloc[0]
    assert posts["数值"].endswith("篇（4月）") and posts["序时进度"] == "33%"
    assert "compare_posts_2025-04" in chart_names(at)
    assert "2025年4月 · 3家单位" in texts(at)


def test_a_view_behind_the_data_says_as_of_when_in_both_languages(three_units, engine, monkeypatch):
    """PostgreSQL reads the comparison from a materialized view (migration 0020): while it is behind the data
    the page says the time its figures are of; once refreshed, nothing extra."""
    if engine != "postgresql":
        pytest.skip("the materialized view is PostgreSQL's")
    views.wait()
    for lang in ("zh", "en"):
        assert not any("截至" in i.value or "as of" in i.value for i in open_page("app_pages/compare.py", lang).info)
    refresh_soon = views.refresh_soon
    monkeypatch.setattr(views, "refresh_soon", lambda url: None)  # the refresh is "still running"
    with db.session(three_units) as con:
        con.execute("select nextval('data_version_seq')")  # as another process's commit moves it
    for lang, words in (("zh", "（正在更新）：此后导入或修改的数据稍后在此显示"), ("en", "(being updated): data imported")):
        at = open_page("app_pages/compare.py", lang)
        notes = [unescaped(i.value) for i in at.info if words in unescaped(i.value)]
        assert len(notes) == 1 and re.search(r"\d\d:\d\d", notes[0]), [i.value for i in at.info]
        assert at.dataframe[0].value.shape[0] > 0  # the figures it has are shown
    monkeypatch.setattr(views, "refresh_soon", refresh_soon)
    at = open_page("app_pages/compare.py", "zh")  # the reader asks for the refresh and waits its moment
    assert not any("正在更新" in i.value for i in at.info)
