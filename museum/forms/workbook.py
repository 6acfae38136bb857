"""A statistics sheet as XLSX: the form's lines as filed, the museum's own additions apart, and what to collect."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from museum.forms.sheets import Row, to_collect
from museum.safe_csv import neutralise

TITLES = {"kepu": "全国科普统计调查表（准备稿）", "kexie": "科协综合统计（准备稿）"}
BOLD = Font(bold=True)
HEAD = PatternFill("solid", fgColor="DDE6F0")
WIDTHS = {"A": 18, "B": 30, "C": 8, "D": 10, "E": 12, "F": 14, "G": 60}


def _headers(form: str) -> list[str]:
    if form == "kexie":
        return ["表", "指标", "单位", "填报值", "1–10月实际", "11–12月计划", "来源（指标 期间 批次）"]
    return ["表", "指标", "单位", "填报值", "实际", "", "来源（指标 期间 批次）"]


def _cells(row: Row, form: str) -> list:
    planned = f"计划 {row.planned:g}" if row.planned is not None else ""
    actual = "-" if row.actual is None else row.actual
    return [row.line.table, row.line.indicator, row.line.unit, row.value, actual, planned if form == "kexie" else "",
            neutralise(row.source)]


def _sheet(sheet: Worksheet, title: str, headers: list[str], lines: list[list]) -> None:
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font, cell.fill = BOLD, HEAD
    for line in lines:
        sheet.append(line)
    for column, width in WIDTHS.items():
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=3):
        row[3].alignment = Alignment(horizontal="right")
        row[3].number_format = "@"      # "0" and "-" as filed, text
    sheet.freeze_panes = "A3"
    sheet.page_setup.orientation, sheet.page_setup.paperSize = "landscape", sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1


def sheet_xlsx(form: str, year: int, institution: str, found: list[Row]) -> bytes:
    book = Workbook()
    fields = [r for r in found if r.line.kind == "field"]
    additions = [r for r in found if r.line.kind == "addition"]
    title = f"{institution} {year}年 {TITLES[form]}"
    _sheet(book.active, title, _headers(form), [_cells(r, form) for r in fields])
    book.active.title = "统计表"
    _sheet(book.create_sheet("本馆补充"), f"{title} · 本馆补充（非统计表指标，不填入统计表）", _headers(form),
           [_cells(r, form) for r in additions])
    collect = book.create_sheet("待收集")
    _sheet(collect, f"{title} · 数据库中没有、需另行收集的指标", ["表", "指标", "单位", "口径"],
           [[r.line.table, r.line.indicator, r.line.unit, r.line.definition] for r in to_collect(found)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
