"""The 绩效自评报告 in Word: the same numbers as the 自评表 and the page (issue 18 item 26)."""

from __future__ import annotations

import datetime as dt
import io
from datetime import date
from pathlib import Path

from docx import Document

from museum.sections.scope import Scope
from museum.targets import edit, importer, store, view
from museum.targets.report_docx import self_evaluation_docx

CORPUS = Path(__file__).resolve().parents[1] / "data" / "targets"
STAMP = dt.datetime(2025, 3, 1, 9, 0)


def _docx(con, lang="zh"):
    scope = Scope.from_connection(con, 1, "西安市科学技术馆", 2024, lang)
    year_view = view.year_targets(scope, today=date(2025, 3, 1))
    return year_view, scope, Document(io.BytesIO(self_evaluation_docx(year_view, scope.catalog, institution="西安市科学技术馆",
                                                                      lang=lang, stamp=STAMP)))


def test_the_report_says_what_the_workbook_says(con):
    importer.import_file(con, 1, (CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024, actor="t")
    posts = next(r for r in store.year_targets(con, 1, 2024) if r["indicator"].endswith("科普图文"))
    edit.set_deviation(con, 1, posts["target_id"], "春节假期发布减少；下半年增加专题策划。", actor="t")
    year_view, scope, document = _docx(con)
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "2024年度部门整体支出绩效自评报告"
    assert "2024年绩效自评：已评 65 分，得 62.91 分（得分率 96.8%）；待评 35 分，未评部分不计为零" in paragraphs
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        "一、总体情况", "二、预算执行情况", "三、绩效指标完成情况", "四、偏差原因分析及改进措施"]
    assert ("“科普西安”融媒体矩阵发布科普图文：年度指标值 ≥6000篇，实际完成 5528篇（完成 92.1%）。"
            "春节假期发布减少；下半年增加专题策划。") in paragraphs
    indicators = document.tables[2]
    expected = view.indicator_table(year_view, scope.catalog, "zh")
    assert [c.text for c in indicators.rows[0].cells][-1] == "偏差原因分析及改进措施"
    assert [[c.text for c in row.cells] for row in indicators.rows[1:]] == expected.astype(str).values.tolist()
    assert [c.text for c in document.tables[0].rows[3].cells] == ["合计", "100", "62.91", "已评 65 分，得分率 96.8%；待评 35 分；暂不评等级"]
    section = document.sections[0]
    assert section.page_width > section.page_height   # landscape


def test_english_and_reproducible(con):
    importer.import_file(con, 1, (CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024, actor="t")
    _, _, document = _docx(con, "en")
    assert document.paragraphs[0].text == "Performance self-evaluation report 2024"
    scope = Scope.from_connection(con, 1, "X", 2024, "en")
    year_view = view.year_targets(scope, today=date(2025, 3, 1))
    first = self_evaluation_docx(year_view, scope.catalog, institution="X", lang="en", stamp=STAMP)
    assert first[:2] == b"PK" and len(first) > 5000
