"""Every view page in both languages, asserting the values shown (AppTest)."""

import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto

from museum import db, demo
from tests.app.conftest import open_page, texts


def colour_of(metric) -> str:
    return MetricProto.MetricColor.Name(metric.proto.color).lower()


def metrics(at):
    return {m.label: m.value for m in at.metric}


def test_overview_zh_shows_kpis_with_units_and_qualifiers(app_db):
    at = open_page(lang="zh")
    shown = metrics(at)
    assert shown["科普图文"] == "5528篇"
    assert shown["总访问量"] == "500万+次"
    assert shown["粉丝增长"] == "2万+人"
    assert shown["志愿者后备人选"] == "约3000人"
    assert shown["资产年末数"] == "59.27万元"
    assert shown["获奖总数"] == "11项"
    posts = next(m for m in at.metric if m.label == "科普图文")
    assert posts.delta == "同比 —"
    assert "无上年数据" in texts(at)
    assert "西安市科学技术馆 · 2024年" in texts(at)
    assert [s.value for s in at.subheader][:3] == ["线上传播", "科普活动", "交流合作"]


def test_overview_en(app_db):
    at = open_page(lang="en")
    shown = metrics(at)
    assert shown["Science posts"] == "5,528 posts"
    assert shown["Online visits"] == "5.0M+ visits"
    assert shown["Volunteer reserve"] == "≈3,000 people"
    assert "no data for the prior year" in texts(at)


def test_sources_are_listed_for_each_category(app_db):
    at = open_page(lang="zh")
    sources = at.dataframe[0].value
    row = sources[sources["指标"] == "科普图文"].iloc[0]
    assert "共发布各类科普图文5528篇" in row["原文"]
    assert "内置数据" in row["写入批次"]


@pytest.mark.parametrize("lang,expected", [
    ("zh", "2024年资产：年初 63.1 万元，年末 59.27 万元，变化 −3.83 万元（−6.1%）。"),
    ("en", "Assets 2024: 63.1 at year start, 59.27 at year end (10k CNY), change −3.83 (−6.1%)."),
])
def test_assets_page(app_db, lang, expected):
    at = open_page("pages/assets.py", lang)
    assert expected in texts(at)
    assert len(at.get("plotly_chart")) == 2


def test_awards_and_research_page(app_db):
    at = open_page("pages/awards_research.py", "zh")
    shown = metrics(at)
    assert (shown["获奖总数"], shown["国家级获奖"], shown["省级获奖"], shown["市级获奖"], shown["集体荣誉"]) == \
        ("11项", "4项", "4项", "3项", "8项")
    matrix = next(d.value for d in at.dataframe if "一等奖" in d.value.columns)
    matrix = matrix.set_index(matrix.columns[0]) if "级别" in matrix.columns else matrix
    assert matrix.loc["国家级"].tolist() == [1, 1, 2, 0, 4]
    assert matrix.loc["合计"].tolist() == [4, 4, 2, 1, 11]
    honors = next(d.value for d in at.dataframe if "荣誉" in d.value.columns)
    assert "先进单位" in honors["荣誉"].tolist()
    assert shown["主持申报课题"] == "3项" and shown["发表学术论文"] == "4篇"


def test_awards_page_en(app_db):
    at = open_page("pages/awards_research.py", "en")
    matrix = next(d.value for d in at.dataframe if "First prize" in d.value.columns)
    matrix = matrix.set_index(matrix.columns[0]) if "Level" in matrix.columns else matrix
    assert matrix.loc["National"].tolist() == [1, 1, 2, 0, 4]


@pytest.mark.parametrize("lang,label,value", [("zh", "从业人数", "31人"), ("en", "Headcount", "31 people")])
def test_people_page(app_db, lang, label, value):
    at = open_page("pages/people.py", lang)
    assert metrics(at)[label] == value
    assert metrics(at)["志愿者后备人选" if lang == "zh" else "Volunteer reserve"] == ("约3000人" if lang == "zh" else "≈3,000 people")


@pytest.mark.parametrize("lang,field", [("zh", "法定代表人"), ("en", "Legal representative")])
def test_profile_page(app_db, lang, field):
    at = open_page("pages/profile.py", lang)
    table = at.dataframe[0].value
    values = dict(zip(table.iloc[:, 0], table.iloc[:, 1]))
    assert values[field] == "徐鹏"
    assert values["住所" if lang == "zh" else "Address"] == "西安市碑林区南大街粉巷22号"
    assert any("开展科普展览" in t.value for t in at.text)


@pytest.mark.parametrize("lang,message", [("zh", "该指标只有 2024 年一年的数据"), ("en", "has data for 2024 only")])
def test_trends_page_without_history(app_db, lang, message):
    at = open_page("pages/trends.py", lang)
    assert message in texts(at)
    assert len(at.get("plotly_chart")) == 1


@pytest.fixture
def demo_db(app_db):
    with db.session(app_db) as con:
        demo.load(con, 1, actor="test")
    return app_db


PAGES = ["pages/overview.py", "pages/trends.py", "pages/assets.py", "pages/awards_research.py", "pages/people.py", "pages/profile.py"]


@pytest.mark.parametrize("page", PAGES)
def test_demo_banner_on_every_page(demo_db, page):
    at = open_page(page, "zh")
    assert "示例数据，非真实统计" in [w.value for w in at.warning]


def test_demo_history_gives_changes_and_monthly_charts(demo_db):
    at = open_page(lang="zh")
    posts = next(m for m in at.metric if m.label == "科普图文")
    assert posts.delta.startswith("同比 +") or posts.delta.startswith("同比 -")
    at = open_page("pages/trends.py", "zh")
    assert len(at.get("plotly_chart")) == 4  # by year, by month, year to date, category changes
    at = open_page("pages/assets.py", "zh")
    assert any("不一致" in w.value for w in at.warning)


@pytest.mark.parametrize("lang,label,colour", [("zh", "科普图文", "red"), ("en", "Science posts", "green")])
def test_colour_convention_follows_language(demo_db, lang, label, colour):
    at = open_page(lang=lang)
    posts = next(m for m in at.metric if m.label == label)
    assert posts.delta.endswith("%") and "+" in posts.delta  # the demo history grows
    assert colour_of(posts) == colour


def test_colour_convention_is_a_setting(demo_db):
    at = open_page(lang="zh", session={"convention_zh": "green_up"})
    posts = next(m for m in at.metric if m.label == "科普图文")
    assert colour_of(posts) == "green"


def test_institution_selector_appears_with_a_second_institution(app_db):
    at = open_page(lang="zh")
    assert not [s for s in at.selectbox if s.label == "机构"]
    with db.session(app_db) as con:
        from museum import batches

        with db.transaction(con):
            other = batches.institution_id(con, "示例市科技馆")
            batch = batches.create_batch(con, "upload", institution=other)
            batches.write_observations(con, batch, other, [{"metric_id": "posts", "year": 2023, "month": None,
                                                            "value": 100.0, "qualifier": "exact", "note": None, "sentence": None}])
    at = open_page(lang="zh", session={"institution": "示例市科技馆"})
    selector = next(s for s in at.selectbox if s.label == "机构")
    assert selector.options == ["示例市科技馆", "西安市科学技术馆"]
    assert {m.label: m.value for m in at.metric}["科普图文"] == "100篇"
