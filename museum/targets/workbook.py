"""The two spreadsheets of the targets: the blank 绩效目标表 template and the 绩效自评表 (XLSX bytes).

The 自评表 follows the standard layout: title, 单位名称 / 金额单位 line, the budget rows (年初预算数,
全年预算数, 全年执行数, 执行率, 分值 20, 得分), then 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 |
分值 | 得分 | 偏差原因分析及改进措施 with the 一级/二级 cells merged over their groups, and the total
at the bottom; A4 landscape, fitted to the page width, the header row repeated on every page.
"""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from museum import safe_csv
from museum.i18n import t
from museum.targets import scoring, view

FONT = "SimSun"   # 宋体: what these forms are printed in; LibreOffice/Excel substitute a CJK font
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
# widths in characters: A4 landscape holds about 150 at 100%; fit-to-width scales the rest
WIDTHS = (10, 14, 30, 14, 16, 7, 8, 36)
COLUMNS = len(WIDTHS)


def _save(workbook: Workbook, stamp: dt.datetime | None) -> bytes:
    # a fixed stamp (tests, the corpus) makes the same content the same bytes of metadata
    if stamp is not None:
        workbook.properties.created = workbook.properties.modified = stamp
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _print_setup(sheet: Worksheet, header_row: int) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0   # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.print_title_rows = f"{header_row}:{header_row}"
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _cell(sheet: Worksheet, row: int, column: int, value, *, header: bool = False, center: bool = False):
    cell = sheet.cell(row=row, column=column, value=value)
    safe_csv.mark_text(cell)  # 指标值 like "=300天", or a name like =HYPERLINK(…) from a file: text, never a formula
    cell.border = BORDER
    cell.font = Font(name=FONT, size=10, bold=header)
    cell.alignment = CENTER if header or center else WRAP
    if header:
        cell.fill = HEADER_FILL
    return cell


def _title(sheet: Worksheet, title: str, line: str) -> None:
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=COLUMNS)
    sheet.cell(row=1, column=1, value=title).font = Font(name=FONT, size=16, bold=True)
    sheet.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=COLUMNS)
    sheet.cell(row=2, column=1, value=line).font = Font(name=FONT, size=10)
    safe_csv.mark_text(sheet.cell(row=2, column=1))


def _merge_groups(sheet: Worksheet, first_row: int, values: list[str], column: int, parents: list[str] | None = None) -> None:
    """Merge runs of equal text in `column` (within the same parent group), as the forms do."""
    start = 0
    for index in range(1, len(values) + 1):
        ends = index == len(values) or values[index] != values[start] or (parents and parents[index] != parents[start])
        if ends:
            if index - start > 1 and values[start]:
                sheet.merge_cells(start_row=first_row + start, start_column=column, end_row=first_row + index - 1, end_column=column)
            start = index


def self_evaluation_xlsx(year_view: view.YearTargets, cat, *, institution: str, lang: str = "zh",
                         stamp: dt.datetime | None = None) -> bytes:
    """The 绩效自评表 of one year as XLSX bytes (see the module docstring for the layout)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = t("targets.xlsx.sheet", lang)
    year = year_view.year
    _title(sheet, t("targets.xlsx.self_title", lang, year=year), t("targets.xlsx.unit_line", lang, institution=institution))
    # budget rows
    budget = year_view.total.budget
    sheet.merge_cells(start_row=3, start_column=1, end_row=4, end_column=2)
    _cell(sheet, 3, 1, t("targets.xlsx.budget_block", lang), header=True)
    _cell(sheet, 4, 1, None, header=True)
    _cell(sheet, 4, 2, None, header=True)
    _cell(sheet, 3, 2, None, header=True)
    labels = [t("targets.budget.initial_budget", lang), t("targets.budget.full_year_budget", lang), t("targets.budget.executed", lang),
              t("targets.budget.rate", lang), t("targets.table.weight", lang), t("targets.table.score", lang)]
    values = [budget.initial, budget.full_year, budget.executed,
              None if budget.rate_pct is None else round(budget.rate_pct / 100, 4), scoring.BUDGET_WEIGHT,
              None if budget.score is None else round(budget.score, 2)]
    # six labels over columns C..H
    for offset, (label, value) in enumerate(zip(labels, values)):
        _cell(sheet, 3, 3 + offset, label, header=True)
        cell = _cell(sheet, 4, 3 + offset, value if value is not None else t("targets.pending", lang), center=True)
        if offset == 3 and value is not None:
            cell.number_format = "0.00%"
    header_row = 6
    sheet.merge_cells(start_row=5, start_column=1, end_row=5, end_column=COLUMNS)
    _cell(sheet, 5, 1, t("targets.xlsx.indicators_block", lang), header=True)
    for column in range(2, COLUMNS + 1):
        _cell(sheet, 5, column, None, header=True)
    headers = view.indicator_headers(lang)
    headers[-1] = t("targets.xlsx.deviation_header", lang)
    for column, text in enumerate(headers, start=1):
        _cell(sheet, header_row, column, text, header=True)
    rows = view.indicator_rows(year_view, cat, lang)
    first = header_row + 1
    for offset, row in enumerate(rows):
        for column, key in enumerate(view.INDICATOR_COLUMNS, start=1):
            value = row[key]
            if key == "weight":
                value = float(year_view.evaluation.iloc[offset]["weight"])
            elif key == "score" and year_view.evaluation.iloc[offset]["score"] is not None:
                value = round(float(year_view.evaluation.iloc[offset]["score"]), 2)  # a number Excel can sum
            elif value == "":
                value = None
            _cell(sheet, first + offset, column, value, center=key in ("level1", "level2", "weight", "score"))
    _merge_groups(sheet, first, [r["level1"] for r in rows], 1)
    _merge_groups(sheet, first, [r["level2"] for r in rows], 2, [r["level1"] for r in rows])
    total_row = first + len(rows)
    total = year_view.total
    sheet.merge_cells(start_row=total_row, start_column=1, end_row=total_row, end_column=5)
    _cell(sheet, total_row, 1, t("targets.xlsx.total", lang), header=True)
    for column in range(2, 6):
        _cell(sheet, total_row, column, None, header=True)
    _cell(sheet, total_row, 6, scoring.BUDGET_WEIGHT + total.weight_total, header=True)
    _cell(sheet, total_row, 7, round(total.score, 2), header=True)
    note = t("targets.xlsx.grade", lang, grade=view.grade_label(total.grade, lang)) if view.graded(year_view) \
        else view.total_note(year_view, lang)
    if total.pending:
        note += t("targets.xlsx.pending", lang, count=total.pending)
    _cell(sheet, total_row, 8, note, header=True)
    _print_setup(sheet, header_row)
    return _save(workbook, stamp)


TEMPLATE_EXAMPLES = (
    ("产出指标", "数量指标", "“科普西安”融媒体矩阵发布科普图文", "≥6000篇", 20, "posts"),
    ("产出指标", "质量指标", "免费开放天数", "=300天", 10, ""),
    ("产出指标", "成本指标", "项目预算控制数", "≤120万元", 10, ""),
    ("效益指标", "社会效益指标", "“三探五进”公益行科普活动", "不少于50场", 20, ""),
    ("效益指标", "可持续影响指标", "科普志愿服务机制建设", "达到预期", 10, ""),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%", 10, ""),
)


def template_xlsx(year: int, *, institution: str = "", lang: str = "zh", stamp: dt.datetime | None = None) -> bytes:
    """A blank 绩效目标表 in the layout the import reads, with example rows to overwrite."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = t("targets.xlsx.template_sheet", lang)
    columns = 6
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    sheet.cell(row=1, column=1, value=t("targets.xlsx.template_title", lang, year=year)).font = Font(name=FONT, size=16, bold=True)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=columns)
    sheet.cell(row=2, column=1, value=t("targets.xlsx.unit_line", lang, institution=institution))
    for offset, key in enumerate(("initial_budget", "full_year_budget", "executed")):
        sheet.cell(row=3, column=1 + offset * 2, value=t(f"targets.budget.{key}", lang))
    headers = [t(f"targets.column.{key}", lang) for key in ("level1", "level2", "indicator", "target", "weight", "metric")]
    for column, text in enumerate(headers, start=1):
        _cell(sheet, 4, column, text, header=True)
    for offset, example in enumerate(TEMPLATE_EXAMPLES):
        for column, value in enumerate(example, start=1):
            _cell(sheet, 5 + offset, column, value if value != "" else None)
    sheet.cell(row=6 + len(TEMPLATE_EXAMPLES), column=1, value=t("targets.xlsx.template_help", lang))
    for index, width in enumerate((12, 18, 36, 16, 8, 14), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    return _save(workbook, stamp)
