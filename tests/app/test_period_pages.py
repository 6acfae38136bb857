"""Every page for a month, a quarter and a year, in both languages (issue 17), on the demo history:
2025 has January–September, 2024 is the report's whole year."""

import pytest
from streamlit.testing.v1 import AppTest

from museum import catalog, demo, kpis, present
from museum.store import db
from museum.period import parse
from tests.app import cards
from tests.app.conftest import DASHBOARD, open_page, signed_in, texts, unescaped

VIEW_PAGES = ["app_pages/overview.py", "app_pages/targets.py", "app_pages/trends.py", "app_pages/assets.py",
              "app_pages/awards_research.py", "app_pages/people.py", "app_pages/profile.py"]


@pytest.fixture
def demo_db(app_db):
    with db.session(app_db) as con:
        demo.load(con, 1, actor="test")
    return app_db


def chosen(period_text: str) -> dict:
    """Session state of a sidebar set to `period_text`, as the two select boxes leave it."""
    period = parse(period_text)
    return {"year_1": period.year, f"period_1_{period.year}": period.text}


def expected_kpi(db_path, metric_id: str, period_text: str):
    with db.session(db_path, read_only=True) as con:
        values = kpis.load_values(con, 1)
    return next(k for k in kpis.kpis_for_period(values, catalog.load(), period_text) if k.metric.metric_id == metric_id)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("period_text", ["2025-04", "2025-Q2", "2025"])
@pytest.mark.parametrize("page", VIEW_PAGES)
def test_every_view_page_takes_the_period(demo_db, page, period_text, lang):
    at = open_page(page, lang, session=chosen(period_text))
    label = parse(period_text).label(lang)
    assert any(caption.value.endswith(f" · {label}") for caption in at.caption), [c.value for c in at.caption]
    period_box = next(s for s in at.selectbox if s.key == "period_1_2025")
    assert period_box.value == parse(period_text).text


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("period_text", ["2025-04", "2025-Q2", "2025"])
def test_the_export_page_builds_the_whole_year(demo_db, period_text, lang):
    at = open_page("app_pages/export.py", lang, session={**chosen(period_text), **signed_in("editor")})
    assert any(caption.value.endswith(f" · {parse('2025').label(lang)}") for caption in at.caption)


@pytest.mark.parametrize("lang, month, yoy, mom", [("zh", "4月", "4月同比", "环比"), ("en", "Apr", "Apr YoY", "vs Mar 2023")])
def test_a_month_shows_its_own_figures_with_yoy_and_mom(demo_db, lang, month, yoy, mom):
    """2023 and 2022 both have months in the demo history."""
    at = open_page(lang=lang, session=chosen("2023-04"))
    posts = cards.by_label(at)[catalog.load()["posts"].name(lang)]
    kpi = expected_kpi(demo_db, "posts", "2023-04")
    assert posts.value == present.value_text(kpi, lang)
    assert posts.notes[0] == month == present.coverage_text(kpi, lang)  # the months the value covers
    assert yoy in posts.change and posts.change.endswith(present.change_text(kpi, lang))
    assert mom in posts.previous
    assert posts.previous.endswith(present.previous_change_text(kpi, lang))
    whole_year = cards.by_label(open_page(lang=lang, session=chosen("2023")))[catalog.load()["posts"].name(lang)]
    assert whole_year.value != posts.value and whole_year.previous == ""  # a year has no 环比 line


def test_a_quarter_in_progress_names_its_months_and_says_why_there_is_no_mom(demo_db):
    at = open_page(lang="zh", session=chosen("2023-Q3"))
    posts = cards.by_label(at)["科普图文"]
    assert "7–9月同比" in posts.change and posts.notes[0] == "7–9月累计"
    assert posts.previous.startswith(("▲ 环比", "▼ 环比", "环比")) and "—" not in posts.previous  # Q3 against Q2
    at = open_page(lang="zh", session=chosen("2025-Q3"))  # 2024 is known as a whole year only
    assert "上年只有全年数" in cards.by_label(at)["科普图文"].notes
    at = open_page(lang="zh", session=chosen("2025-01..2025-04"))
    posts = cards.by_label(at)["科普图文"]
    assert "1–4月累计" in texts(at) and posts.previous == ""  # a year so far has no 环比


def test_the_period_choices_are_the_parts_of_the_year_with_data(demo_db):
    at = open_page(lang="zh", session={"year_1": 2025})
    box = next(s for s in at.selectbox if s.key == "period_1_2025")
    assert box.label == "期间" and box.value == "2025"
    assert box.options == ["全年", "第一季度", "第二季度", "第三季度", *[f"{m}月" for m in range(1, 10)],
                           *[f"1–{n}月" for n in range(2, 10)]]
    box.select("2025-Q1").run()
    assert at.caption[0].value.endswith("· 2025年第一季度")
    at = open_page(lang="zh", session={"year_1": 2024})
    assert next(s for s in at.selectbox if s.key == "period_1_2024").options == ["全年"]  # the report is annual


def test_records_say_once_that_they_are_counted_by_year(demo_db):
    at = open_page("app_pages/awards_research.py", "zh", session=chosen("2025-04"))
    notices = [i.value for i in at.info if "只登记了年份" in i.value]
    assert notices == ["获奖、荣誉和科研记录只登记了年份，不能按2025年4月统计：在侧栏“期间”选“全年”查看2025年的记录。"]
    assert not [c for c in cards.cards(at) if c.value.startswith("0")]
    at = open_page("app_pages/assets.py", "en", session=chosen("2025-Q2"))
    assert any("Assets are recorded per year" in i.value for i in at.info)


def test_a_period_in_the_url_is_chosen_and_a_bad_one_is_said(demo_db):
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["period"] = "2025-04"
    at.run()
    assert at.caption[0].value.endswith("· 2025年4月")
    assert next(s for s in at.selectbox if s.key == "period_1_2025").value == "2025-04"
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["period"] = "2025-13"
    at.run()
    assert any("“2025-13” 不是一个期间" in unescaped(w.value) for w in at.warning)
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["period"] = "2025-11"  # a month of a year with data, but without data itself
    at.run()
    assert any(i.value == "2025年11月没有数据：在侧栏选择其他期间，或在“数据上传”导入这几个月的数据。" for i in at.info)


DATA_PAGES = ["app_pages/upload.py", "app_pages/history.py", "app_pages/targets_edit.py", "app_pages/report_import.py",
              "app_pages/admin.py"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("period_text", ["2025-04", "2025-Q2"])
@pytest.mark.parametrize("page", DATA_PAGES)
def test_the_data_pages_run_under_any_period(demo_db, page, period_text, lang):
    """Pages that change data keep their own year boxes; a month or a quarter in the sidebar breaks none."""
    at = open_page(page, lang, session={**chosen(period_text), **signed_in("admin")})
    assert at.title and next(s for s in at.selectbox if s.key == "period_1_2025").value == period_text
