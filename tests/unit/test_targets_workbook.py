"""The 绩效自评表 and the blank template: layout, merged cells, print setup, and a round trip."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl

from museum.sections.scope import Scope
from museum.targets import edit, importer, store, view, workbook

CORPUS = Path(__file__).resolve().parents[1] / "data" / "targets"


def _view(con, lang="zh"):
    importer.import_file(con, 1, (CORPUS / "good_merged.xlsx").read_bytes(), "t.xlsx", 2024, actor="tester")
    scope = Scope.from_connection(con, 1, "西安市科学技术馆", 2024, lang)
    return scope, view.year_targets(scope, today=date(2025, 3, 1))


def test_self_evaluation_layout(con):
    _view(con)
    target = next(r for r in store.year_targets(con, 1, 2024) if r["indicator"] == "项目支出预算")
    edit.set_actual(con, 1, target["target_id"], "1,080万元", note="决算报表", actor="tester")
    edit.set_deviation(con, 1, store.year_targets(con, 1, 2024)[3]["target_id"], "设备检修闭馆 2 天；已调整检修安排。", actor="tester")
    scope = Scope.from_connection(con, 1, "西安市科学技术馆", 2024, "zh")
    content = workbook.self_evaluation_xlsx(view.year_targets(scope, today=date(2025, 3, 1)), scope.catalog, institution="西安市科学技术馆")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert cells[0][0] == "2024年度部门整体支出绩效自评表"
    assert cells[1][0] == "单位名称：西安市科学技术馆        金额单位：万元"
    assert cells[2] == ["预算执行情况（万元）", None, "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"]
    assert cells[3] == [None, None, 1040, 1100, 1050, 0.9545, 20, 19.09]
    assert cells[5] == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    assert cells[6] == ["产出指标", "数量指标", "“科普西安”融媒体矩阵发布科普图文", "≥6000篇", "5528篇", 15, 13.82, None]
    assert cells[8] == [None, None, "新媒体总访问量", "450万次", "500万+次", 10, 10, None]
    assert cells[9] == [None, "质量指标", "免费开放天数", "=300天", "待评", 10, "待评", "设备检修闭馆 2 天；已调整检修安排。"]
    assert cells[10] == [None, "成本指标", "项目支出预算", "≤1100万元", "1080万元", 10, 10, None]
    assert cells[12][2:] == ["科普服务社会影响", "达到预期", "待评", 5, "待评", None]
    assert cells[14] == ["总分", None, None, None, None, 100, 62.91, "已评 65 分，得分率 96.8%；待评 35 分；暂不评等级；4 项指标待评"]
    merged = sorted(str(r) for r in sheet.merged_cells.ranges)
    assert merged == sorted(["A1:H1", "A2:H2", "A3:B4", "A5:H5", "A7:A11", "B7:B9", "A12:A13", "B12:B13", "A15:E15"])
    assert (sheet.page_setup.orientation, sheet.page_setup.paperSize) == ("landscape", 9)  # 9: A4
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight, sheet.sheet_properties.pageSetUpPr.fitToPage) == (1, 0, True)
    assert sheet.print_title_rows == "$6:$6"


def test_self_evaluation_in_english(con):
    scope, year_view = _view(con, "en")
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.self_evaluation_xlsx(year_view, scope.catalog, institution="X", lang="en"))).active
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert cells[0][0] == "Performance self-evaluation 2024"
    assert cells[5] == ["Level 1", "Level 2", "Indicator", "Annual target", "Actual", "Points", "Score",
                        "Reasons for deviation and improvements"]
    assert cells[-1][-1] == "65 points assessed, 96.8% earned; 35 points open; no grade yet; 4 indicators pending"


def test_blank_template_imports_as_its_examples():
    content = workbook.template_xlsx(2025, institution="西安市科学技术馆")
    parsed = importer.parse(content, "template.xlsx", 2025)
    assert parsed.status == "valid" and parsed.notices == []
    assert [(r["indicator"], r["operator"], r["metric_id"]) for r in parsed.records] == [
        ("“科普西安”融媒体矩阵发布科普图文", ">=", "posts"), ("免费开放天数", "=", "open_days"), ("项目预算控制数", "<=", None),
        ("“三探五进”公益行科普活动", ">=", "outreach_events"), ("科普志愿服务机制建设", "qualitative", None),
        ("服务对象满意度", ">=", "visitor_satisfaction")]
    english = importer.parse(workbook.template_xlsx(2025, lang="en"), "template.xlsx", 2025)
    assert english.status == "valid" and len(english.records) == 6


def test_formula_like_text_from_people_and_files_stays_text(con):
    """A 偏差原因 or an indicator name like =HYPERLINK(…) is a quote-prefixed text cell: neither opening
    the 自评表 nor editing the cell in Excel or WPS runs it (issue 20)."""
    _view(con)
    rows = store.year_targets(con, 1, 2024)
    hostile = ['=HYPERLINK("http://attacker/x","点击查看")', "+cmd|' /C calc'!A0", "＝1+1", "@SUM(A1)"]
    for row, text in zip(rows, hostile):
        edit.set_deviation(con, 1, row["target_id"], text, actor="tester")
    scope = Scope.from_connection(con, 1, "西安市科学技术馆", 2024, "zh")
    content = workbook.self_evaluation_xlsx(view.year_targets(scope, today=date(2025, 3, 1)), scope.catalog, institution="西安市科学技术馆")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    found = {cell.value: cell for line in sheet.iter_rows() for cell in line if cell.value in hostile}
    assert sorted(found) == sorted(hostile)
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in found.values())
    target_cell = next(cell for line in sheet.iter_rows() for cell in line if cell.value == "≥6000篇")
    assert not target_cell.quotePrefix  # ordinary text is left as it is
