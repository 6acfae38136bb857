"""A year without a page's data says so instead of a blank page; the headline row names what it lacks;
the missing-prior-year notice shows only where 同比 plays a part (AppTest)."""

from __future__ import annotations

import pytest

from museum.intake import ingest
from museum.store import db
from tests.app.conftest import open_page, texts

OFFICE_2025 = "年份,月份,科普图文,科普短视频\r\n2025,1,400,30\r\n2025,2,380,28\r\n".encode()


@pytest.fixture
def year_2025(app_db):
    with db.session(app_db) as con:
        assert ingest.ingest(con, 1, OFFICE_2025, "office_2025.csv", actor="test").status == "committed"
    return {"year_1": 2025}


def test_records_and_people_pages_say_the_year_has_none(year_2025):
    at = open_page("app_pages/awards_research.py", session=year_2025)
    assert "2025年没有获奖、荣誉或科研记录。导入该年的年度报告后即可显示。" in [i.value for i in at.info]
    at = open_page("app_pages/people.py", lang="en", session=year_2025)
    assert any(i.value.startswith("No staff or volunteer figures for 2025.") for i in at.info)


def test_the_headline_row_names_the_figures_it_lacks(year_2025):
    at = open_page(session=year_2025)
    caption = next(c.value for c in at.caption if "重点指标中" in c.value)
    assert "2025年还没有数据的有：" in caption.replace("\\", "") and "总访问量" in caption and "显示 2 项，共 8 项" in caption


def test_the_prior_year_notice_is_left_off_pages_without_comparisons(app_db):
    notice = "库中只有2024年数据：导入2023年的年度报告或上传上年数据后即可显示同比"
    assert notice in texts(open_page("app_pages/assets.py"))
    assert notice not in texts(open_page("app_pages/profile.py"))
