"""年报草稿 and 报送日历 (AppTest): the draft's fields, an editor's change saved as a batch, the downloads, the calendar, the overview's line."""

import pytest

from museum.forms import edits
from museum.store import db
from tests.app.conftest import open_page as open_first_run, texts as all_texts
from tests.app.test_access_pages import accounts, app, open_page  # noqa: F401 (fixture)


def labels(at, kind: str) -> list[str]:
    return [element.proto.label for element in at.get(kind)]


@pytest.mark.parametrize("lang,title", [("zh", "年报草稿"), ("en", "Report draft")])
def test_the_draft_page_in_both_languages(db_path, lang, title):
    at = open_first_run("app_pages/report_draft.py", lang)
    assert at.title[0].value == title
    shown = all_texts(at)
    assert "三、存在问题【待填写】" in shown and "共发布科普图文5528篇" in shown
    assert [e.label for e in at.expander][:3] == ["单位名称", "宗旨和业务范围", "住所"]
    assert at.get("text_area") == []   # nobody may change data before the first account exists


def test_an_editor_changes_a_field_and_it_is_a_batch(accounts):  # noqa: F811
    at = open_page(app("editor"), "report_draft")
    assert labels(at, "download_button")[:2] == ["下载草稿（Word）", "下载草稿（门户文本）"]
    assert "下载科普统计准备稿（2024年）" in labels(at, "download_button")
    at.text_area(key="draft_text_address").input("西安市新地址1号")
    at.button(key="FormSubmitter:draft_address-保存修改").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["已保存“住所”的修改。"]
    assert at.text_area(key="draft_text_address").value == "西安市新地址1号"
    with db.session(accounts) as con:
        saved = edits.current(con, 1, 2024)
    assert saved["address"][0] == "西安市新地址1号"


def test_a_viewer_reads_the_draft_without_editing(accounts):  # noqa: F811
    at = open_page(app("viewer"), "report_draft")
    assert at.get("text_area") == []
    assert [e.label for e in at.expander][0] == "单位名称"


@pytest.mark.parametrize("lang,title,status", [("zh", "报送日历", "已过截止日期"), ("en", "Reporting calendar", "overdue")])
def test_the_calendar_lists_the_years_obligations(db_path, lang, title, status):
    at = open_first_run("app_pages/calendar.py", lang)
    assert at.title[0].value == title
    table = at.dataframe[0].value
    assert len(table) == 4 + 12
    assert status in set(table.iloc[:, 4])


def test_the_overview_names_the_next_filing_due(db_path):
    at = open_first_run(None, "zh")
    assert any(label.startswith("下一项报送：") for label in labels(at, "page_link"))


@pytest.mark.parametrize("page", ["report_draft", "calendar"])
def test_signed_out_visitors_are_refused_the_forms_pages(accounts, page):  # noqa: F811
    from tests.app.test_access_pages import SIGN_IN_FIRST, texts

    at = open_page(app(), page)
    assert texts(at.warning) == [SIGN_IN_FIRST] and texts(at.title) == []


def test_the_calendar_for_an_editor_links_to_the_drafts(accounts):  # noqa: F811
    at = open_page(app("editor"), "calendar")
    assert {"年报草稿", "目标", "导出"} <= set(labels(at, "page_link"))
