"""The 绩效自评报告 as a Word document: the same numbers as the 自评表 (XLSX) and the 目标 page —
the score on what is assessed, the budget, every indicator, and the 偏差原因 of those short of
their target — as text an office can edit and file (A4 landscape, python-docx)."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from museum.i18n import t
from museum.safe_csv import xml_safe
from museum.targets import view

FONT = "SimSun"    # 宋体, as the 自评表; Word and LibreOffice substitute a CJK font where it is missing
LATIN = "Times New Roman"
TEXT_WIDTH_CM = 25.7   # A4 landscape minus 2 cm margins
# shares of the width: 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因
INDICATOR_SHARES = (0.08, 0.10, 0.20, 0.11, 0.12, 0.06, 0.07, 0.26)


def _fonts(document) -> None:
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Table Grid"):
        style = document.styles[name]
        style.font.name = LATIN
        fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            style.element.get_or_add_rPr().append(fonts)
        fonts.set(qn("w:eastAsia"), FONT)
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attribute), None)
    document.styles["Normal"].font.size = Pt(10.5)


def _landscape(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))


def _table(document, frame: pd.DataFrame, shares: tuple[float, ...] | None = None) -> None:
    table = document.add_table(rows=1, cols=len(frame.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, frame.columns):
        cell.text = xml_safe(str(header))
        for run in cell.paragraphs[0].runs:
            run.bold = True
    repeat = OxmlElement("w:tblHeader")   # the header row repeats on every page
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for values in frame.itertuples(index=False):
        row = table.add_row()
        for cell, value in zip(row.cells, values):
            cell.text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else xml_safe(str(value))
    if shares:
        table.autofit = False
        for column, share in zip(table.columns, shares):
            for cell in column.cells:
                cell.width = Cm(TEXT_WIDTH_CM * share)
    document.add_paragraph()


def deviation_lines(year_view: view.YearTargets, cat, lang: str = "zh") -> list[str]:
    """One line per indicator short of its target or with a 偏差原因: what was done and why (or that none is given)."""
    lines = []
    for row in year_view.evaluation.to_dict("records"):
        short = row["met"] is False or (row["completion_pct"] is not None and row["operator"] == ">="
                                         and float(row["completion_pct"]) < 100)
        reason = row.get("deviation") if isinstance(row.get("deviation"), str) and row.get("deviation") else None
        if not short and not reason:
            continue
        lines.append(t("targets.docx.deviation_line", lang, indicator=row["indicator"], target=view.target_text(row, lang),
                       actual=view.actual_text(row, cat, lang),
                       done=view.pct_text(row["completion_pct"], row["completion_qualifier"], lang),
                       reason=reason or t("targets.docx.no_reason", lang)))
    return lines


def self_evaluation_docx(year_view: view.YearTargets, cat, *, institution: str, lang: str = "zh",
                         stamp: dt.datetime | None = None) -> bytes:
    """The 绩效自评报告 of one year as DOCX bytes."""
    document = Document()
    _fonts(document)
    _landscape(document)
    year = year_view.year
    title = document.add_heading(t("targets.docx.title", lang, year=year), level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(t("targets.xlsx.unit_line", lang, institution=institution))
    document.add_heading(t("targets.docx.overall", lang), level=1)
    for line in view.total_sentences(year_view, lang):
        document.add_paragraph(line)
    _table(document, view.score_table(year_view, lang))
    document.add_heading(t("targets.docx.budget", lang), level=1)
    _table(document, view.budget_table(year_view, lang))
    document.add_heading(t("targets.docx.indicators", lang), level=1)
    indicators = view.indicator_table(year_view, cat, lang)
    indicators.columns = [*indicators.columns[:-1], t("targets.xlsx.deviation_header", lang)]
    _table(document, indicators, INDICATOR_SHARES)
    document.add_heading(t("targets.docx.deviations", lang), level=1)
    for line in deviation_lines(year_view, cat, lang) or [t("targets.docx.no_deviation", lang)]:
        document.add_paragraph(line)
    document.add_paragraph(view.rule_text(lang)).runs[0].font.size = Pt(9)
    if stamp is not None:   # the same content gives the same bytes of metadata (tests)
        document.core_properties.created = document.core_properties.modified = stamp
    document.core_properties.title = t("targets.docx.title", lang, year=year)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
