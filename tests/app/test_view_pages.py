"""Every view page in both languages, asserting the values shown (AppTest)."""

import pytest

from museum import demo
from museum.store import db
from tests.app import cards
from tests.app.conftest import open_page, texts


def chart_names(at) -> list[str]:
    """The stable names of the charts a run drew (their widget keys are chart_<name>)."""
    return [element.proto.id.split("-chart_", 1)[1] for element in at.get("plotly_chart")]


def test_overview_zh_headline_then_categories(app_db):
    at = open_page(lang="zh")
    shown = cards.values(at)
    assert shown["科普图文"] == "5528篇"
    assert shown["总访问量"] == "500万+次"
    assert shown["粉丝增长"] == "2万+人"
    assert shown["志愿者后备人选"] == "约3000人"
    assert shown["资产年末数"] == "59.27万元"
    assert shown["获奖总数"] == "11项"
    # the headline row first, in the order the director asked for
    assert [c.metric for c in cards.cards(at)][:8] == [
        "posts", "short_videos", "online_visits", "follower_growth", "outreach_events", "awards_total",
        "assets_year_end", "headcount"]
    posts = cards.by_label(at)["科普图文"]
    assert posts.change == "同比 —" and posts.tone == "flat"
    assert "共发布各类科普图文5528篇" in posts.source
    assert "库中只有2024年数据：导入2023年的年度报告或上传上年数据后即可显示同比" in [i.value for i in at.info]
    assert "西安市科学技术馆 · 2024年" in texts(at)
    assert [h.value for h in at.header] == ["重点指标"]
    assert [s.value for s in at.subheader][:3] == ["线上传播", "科普活动", "交流合作"]


def test_overview_en(app_db):
    at = open_page(lang="en")
    shown = cards.values(at)
    assert shown["Science posts"] == "5,528 posts"
    assert shown["Online visits"] == "5.0M+ visits"
    assert shown["Volunteer reserve"] == "≈3,000 people"
    assert "Only 2024 is in the database" in texts(at)


def test_sources_are_listed_for_each_category(app_db):
    at = open_page(lang="zh")
    sources = at.dataframe[0].value
    row = sources[sources["指标"] == "科普图文"].iloc[0]
    assert "共发布各类科普图文5528篇" in row["原文"]
    assert "内置数据" in row["写入批次"]


def test_cards_escape_text_from_the_database(app_db):
    at = open_page(lang="zh")
    html = "".join(str(e.value) for e in at.html)
    assert "<script" not in html
    assert "“科普西安”融媒体矩阵" in cards.by_label(at)["科普图文"].source


@pytest.mark.parametrize("lang,expected", [
    ("zh", "2024年资产：年初 63.1 万元，年末 59.27 万元，变化 −3.83 万元（−6.1%）。"),
    ("en", "Assets 2024: 63.1 at year start, 59.27 at year end (10k CNY), change −3.83 (−6.1%)."),
])
def test_assets_page(app_db, lang, expected):
    at = open_page("app_pages/assets.py", lang)
    assert expected in [m.value.replace("\\", "") for m in at.markdown]
    # one year of assets: the bridge, and no by-year chart of a single year
    assert chart_names(at) == ["assets_bridge_2024"]


def test_awards_and_research_page(app_db):
    at = open_page("app_pages/awards_research.py", "zh")
    shown = cards.values(at)
    assert (shown["获奖总数"], shown["国家级获奖"], shown["省级获奖"], shown["市级获奖"], shown["集体荣誉"]) == \
        ("11项", "4项", "4项", "3项", "8项")
    matrix = next(d.value for d in at.dataframe if "一等奖" in d.value.columns)
    matrix = matrix.set_index("级别")
    assert matrix.loc["国家级"].tolist() == [1, 1, 2, 0, 4]
    assert matrix.loc["合计"].tolist() == [4, 4, 2, 1, 11]
    honors = next(d.value for d in at.dataframe if "荣誉" in d.value.columns)
    assert "先进单位" in honors["荣誉"].tolist()
    assert shown["主持申报课题"] == "3项" and shown["发表学术论文"] == "4篇"
    assert chart_names(at) == ["awards_matrix_2024", "research_projects_2024"]


def test_awards_page_en(app_db):
    at = open_page("app_pages/awards_research.py", "en")
    matrix = next(d.value for d in at.dataframe if "First prize" in d.value.columns).set_index("Level")
    assert matrix.loc["National"].tolist() == [1, 1, 2, 0, 4]


@pytest.mark.parametrize("lang,label,value", [("zh", "从业人数", "31人"), ("en", "Headcount", "31 people")])
def test_people_page(app_db, lang, label, value):
    at = open_page("app_pages/people.py", lang)
    assert cards.values(at)[label] == value
    assert cards.values(at)["志愿者后备人选" if lang == "zh" else "Volunteer reserve"] == ("约3000人" if lang == "zh" else "≈3,000 people")


@pytest.mark.parametrize("lang,field", [("zh", "法定代表人"), ("en", "Legal representative")])
def test_profile_page(app_db, lang, field):
    at = open_page("app_pages/profile.py", lang)
    table = at.dataframe[0].value
    values = dict(zip(table.iloc[:, 0], table.iloc[:, 1]))
    assert values[field] == "徐鹏"
    assert values["住所" if lang == "zh" else "Address"] == "西安市碑林区南大街粉巷22号"
    assert any("开展科普展览" in t.value for t in at.text)


@pytest.mark.parametrize("lang,message", [("zh", "本类别各指标只有 2024 年一年的数据，暂无趋势图"),
                                          ("en", "known for 2024 only, so there is no trend to draw yet")])
def test_trends_page_without_history(app_db, lang, message):
    at = open_page("app_pages/trends.py", lang)
    assert message in texts(at)
    assert chart_names(at) == []


@pytest.fixture
def demo_db(app_db):
    with db.session(app_db) as con:
        demo.load(con, 1, actor="test")
    return app_db


PAGES = ["app_pages/overview.py", "app_pages/trends.py", "app_pages/assets.py", "app_pages/awards_research.py",
         "app_pages/people.py", "app_pages/profile.py"]


@pytest.mark.parametrize("page", PAGES)
def test_demo_banner_on_every_page(demo_db, page):
    at = open_page(page, "zh")
    assert "示例数据，非真实统计" in [w.value for w in at.warning]


def test_demo_history_gives_changes_and_monthly_charts(demo_db):
    at = open_page(lang="zh")
    posts = cards.by_label(at)["科普图文"]
    assert posts.change.startswith("▲ 同比 +") or posts.change.startswith("▼ 同比 ")
    at = open_page("app_pages/trends.py", "zh")
    chooser = next(s for s in at.selectbox if s.key == "group_online_media")
    assert chooser.options[:5] == ["科普图文", "科普短视频", "直播活动", "总访问量", "粉丝增长"]
    assert chooser.options[-1] == "本类别各指标同比"
    # 2024 is the report's whole year: by year, and the months of the two years before it
    for title, metric in zip(chooser.options[:5], ("posts", "short_videos", "livestreams", "online_visits", "follower_growth")):
        next(s for s in at.selectbox if s.key == "group_online_media").select(title).run()
        assert chart_names(at) == [f"{metric}_years_2024", f"{metric}_monthly_2024"]
    next(s for s in at.selectbox if s.key == "group_online_media").select("本类别各指标同比").run()
    assert chart_names(at) == ["online_media_change_2024"]
    # 2025 has January–September: year to date against the same months of 2024 … which has no months
    at = open_page("app_pages/trends.py", "zh", session={"year_1": 2025})
    assert chart_names(at) == ["posts_years_2025", "posts_monthly_2025", "posts_ytd_2025"]
    at = open_page("app_pages/assets.py", "zh")
    assert any("不一致" in w.value for w in at.warning)


@pytest.mark.parametrize("lang,label,colour", [("zh", "科普图文", "#C0392B"), ("en", "Science posts", "#1E8449")])
def test_colour_convention_follows_language(demo_db, lang, label, colour):
    at = open_page(lang=lang)
    posts = cards.by_label(at)[label]
    assert "+" in posts.change and posts.change.endswith("%") and posts.tone == "good"  # the demo history grows
    grid = next(str(e.value) for e in at.html if 'data-metric="posts"' in str(e.value))
    assert f"--kpi-good:{colour}" in grid


def test_colour_convention_is_a_setting(demo_db):
    at = open_page(lang="zh", session={"convention_zh": "green_up"})
    grid = next(str(e.value) for e in at.html if 'data-metric="posts"' in str(e.value))
    assert "--kpi-good:#1E8449" in grid


def test_institution_selector_appears_with_a_second_institution(app_db):
    at = open_page(lang="zh")
    assert not [s for s in at.selectbox if s.label == "机构"]
    with db.session(app_db) as con:
        from museum.store import batches

        with db.transaction(con):
            other = batches.institution_id(con, "!示例市科技馆")
            db.set_institution(con, other)  # the new unit's rows (row-level security on PostgreSQL)
            batch = batches.create_batch(con, "upload", institution=other)
            batches.write_observations(con, batch, other, [{"metric_id": "posts", "year": 2023, "month": None,
                                                            "value": 100.0, "qualifier": "exact", "note": None, "sentence": None}])
    # a name that sorts first does not become the default: the institution registered first stays it
    at = open_page(lang="zh")
    selector = next(s for s in at.selectbox if s.label == "机构")
    assert selector.options == ["!示例市科技馆", "西安市科学技术馆"]
    assert selector.value == 1 and cards.values(at)["科普图文"] == "5528篇"
    at = open_page(lang="zh", session={"institution": other})
    assert cards.values(at)["科普图文"] == "100篇"
