"""导入年度报告 page: paste a report, see every figure with its sentence, the changes, commit."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from museum.store import db
from tests.app.conftest import open_page as open_app, signed_in, unescaped

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "report"


def open_page(lang: str) -> AppTest:
    """The page as a signed-in editor (it is closed to viewers and before any account exists)."""
    return open_app("app_pages/report_import.py", lang, session=signed_in("editor"))


def frame_with(at: AppTest, column: str):
    return next(df.value for df in at.dataframe if column in df.value.columns)


@pytest.mark.parametrize(
    "lang, title, waiting",
    [("zh", "导入年度报告", "请粘贴报告文字或上传文件。"), ("en", "Import annual report", "Paste the report's text or upload a file.")],
)
def test_page_waits_for_a_report(db_path, lang, title, waiting):
    at = open_page(lang)
    assert [t.value for t in at.title] == [title]
    assert [i.value for i in at.info] == [waiting]


def test_pasted_report_is_reviewed_and_committed_zh(db_path):
    at = open_page("zh")
    at.text_area(key="report_text").input((DATA / "pipe_multi.txt").read_text(encoding="utf-8")).run()
    assert not at.exception
    summary = frame_with(at, "字段")
    assert summary.to_dict("records") == [
        {"字段": "单位名称", "数值": "青岚市科技馆"},
        {"字段": "报告年度", "数值": "2022"},
        {"字段": "版式", "数值": "表格（单元格以 | 或制表符分隔）"},
        {"字段": "读取方式", "数值": "粘贴的文字"},
    ]
    figures = frame_with(at, "confidence")
    visits = figures[figures["name"] == "接待观众人次"].iloc[0]
    assert (visits["key"], visits["value"], visits["qualifier"], visits["unit"]) == ("接待观众人次", "126000", "约数（约/近/左右）", "人次")
    # the review speaks words: no code and no "None" in any of its tables
    codes = {"exact", "at_least", "approx", "national", "provincial", "municipal", "first", "second", "third", "excellence",
             "project", "local_standard", "national_standard", "paper", "lead", "participant", "applied", "approved",
             "concluded", "published", "None", "onsite_visitors"}
    for frame in at.dataframe:
        cells = {str(v) for column in frame.value.columns for v in frame.value[column]}
        assert not cells & codes, cells & codes
    assert visits["sentence"] == "2022年，本馆全年开放306天，接待观众约12.6万人次，同比增长8%。"
    unplaced = frame_with(at, "数字")
    assert list(unplaced["数字"]) == ["8%", "获得全国科学实验展演汇演金奖1项", "3个", "3万元"]
    changes = frame_with(at, "原值")
    assert changes.iloc[5].to_dict() == {"指标": "接待观众人次", "原值": "—", "新值": "约12.6万人次", "变化": "新增"}
    # the preview counts what the commit will say: values and records together
    assert "导入后将写入：新增 37（数值 15 个，机构信息、获奖、荣誉、科研等记录 22 条），修改 0，不变 0，未归类 4。" in [t.value for t in at.text]
    assert at.warning[0].value == "将新建机构“青岚市科技馆”。"
    # a unit the database does not know is never created silently: the person ticks the box naming it (issue 24)
    assert at.button(key="report_commit").disabled
    next(c for c in at.checkbox if c.label == "新建单位“青岚市科技馆”并导入（数据库中还没有这个单位）").check().run()
    at.button(key="report_commit").click().run()
    assert [s.value for s in at.success] == ["已导入为批次 #2：新增 37，修改 0，不变 0，未归类 4。"]
    with db.session(db_path) as con:
        assert db.scalar(con, "institution_by_name", name="青岚市科技馆") == 2


def test_seed_report_shows_unchanged_and_duplicate_en(db_path):
    at = open_page("en")
    at.text_area(key="report_text").input((ROOT / "data" / "seed" / "annual-report-2024" / "report.txt").read_text(encoding="utf-8")).run()
    assert not at.exception
    assert "0 new, 0 changed, 20 unchanged." in [t.value for t in at.text]
    assert set(frame_with(at, "Stored")["Change"]) == {"unchanged"}
    changes = frame_with(at, "Stored")
    assert changes.iloc[3].to_dict() == {"Metric": "Online visits", "Stored": "5,000,000+ visits", "New": "5,000,000+ visits", "Change": "unchanged"}
    awards = frame_with(at, "competition")
    assert list(awards["count"]) == [1, 1, 2, 2, 2, 1, 1, 1]
    at.button(key="report_commit").click().run()
    assert [i.value for i in at.info] == ["This file was already imported; nothing changed."]


def test_not_a_report_says_why(db_path):
    at = open_page("zh")
    at.text_area(key="report_text").input("<b>粗体</b> 只是一段文字").run()
    assert [unescaped(e.value) for e in at.error] == [
        "pasted.txt 不像事业单位法人年度报告：只找到 0 个登记事项（至少需要 3 个，如 单位名称、住所、法定代表人、开办资金）。"
    ]
    assert all("<b>" not in m.value for m in at.markdown)
