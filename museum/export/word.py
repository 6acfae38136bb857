"""summary.docx: the annual summary as a Word document a clerk can edit (python-docx)."""

from __future__ import annotations

import io
import re

import pandas as pd
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from museum.export.content import Report, column_shares, kpi_table
from museum.sections import Chart, Heading, KpiCards, LongText, Notice, Sentences, Table
from museum.safe_csv import xml_safe

# Word on the office PCs has YaHei; LibreOffice and WPS substitute a CJK font by fontconfig.
EAST_ASIAN_FONT = "Microsoft YaHei"
LATIN_FONT = "Arial"
DEMO_RED = RGBColor(0xC0, 0x39, 0x2B)
CHART_WIDTH = Cm(16)
TEXT_WIDTH = Cm(16.6)  # A4 minus the 2.2 cm margins


def _set_fonts(document: Document) -> None:
    for style_name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Caption", "Table Grid"):
        style = document.styles[style_name]
        style.font.name = LATIN_FONT
        r_pr = style.element.get_or_add_rPr()
        fonts = r_pr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            r_pr.append(fonts)
        for attribute in ("w:ascii", "w:hAnsi"):
            fonts.set(qn(attribute), LATIN_FONT)
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
        # the theme fonts would otherwise win over the names above
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attribute), None)
    document.styles["Normal"].font.size = Pt(10.5)


def _field(run, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when laying out the page."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _footer(document: Document, report: Report) -> None:
    section = document.sections[0]
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # "第 {page} 页 / 共 {pages} 页" with the two numbers as fields
    template = report.t("doc.page", page="\x00PAGE\x00", pages="\x00NUMPAGES\x00")
    for index, part in enumerate(re.split("\x00", template)):
        run = paragraph.add_run()
        if index % 2:
            _field(run, part)
        else:
            run.text = part
    if report.demo:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = header.add_run(report.t("demo.banner"))
        run.font.color.rgb = DEMO_RED
        run.bold = True


def _table(document: Document, frame: pd.DataFrame) -> None:
    table = document.add_table(rows=1, cols=len(frame.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [int(TEXT_WIDTH * share) for share in column_shares(frame)]
    for cell, header in zip(table.rows[0].cells, frame.columns):
        cell.text = xml_safe(str(header))
        for run in cell.paragraphs[0].runs:
            run.bold = True
    header_props = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page the table spans
    repeat.set(qn("w:val"), "true")
    header_props.append(repeat)
    for values in frame.itertuples(index=False):
        row = table.add_row()
        keep = OxmlElement("w:cantSplit")  # a row never breaks across pages
        keep.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(keep)
        for cell, value in zip(row.cells, values):
            cell.text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else xml_safe(str(value))
    for column, width in zip(table.columns, widths):
        column.width = width  # the grid (LibreOffice reads this) and each cell (Word reads that)
        for cell in column.cells:
            cell.width = width
    document.add_paragraph()


def _title_page(document: Document, report: Report) -> None:
    for _ in range(6):
        document.add_paragraph()
    institution, subtitle = report.title_text().split("\n", 1)
    for text, size in ((institution, 26), (subtitle, 20)):
        paragraph = document.add_paragraph(style="Title")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(xml_safe(text))
        run.font.size = Pt(size)
    paragraph = document.add_paragraph(report.t("doc.subtitle", time=report.generated))
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if report.demo:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(report.t("doc.demo_notice"))
        run.bold = True
        run.font.color.rgb = DEMO_RED
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _block(document: Document, block, report: Report, png: dict[str, bytes]) -> None:
    """One section block, as a clerk would lay it out in Word."""
    if isinstance(block, Heading):
        document.add_heading(xml_safe(block.text), level=2)
    elif isinstance(block, KpiCards):
        if block.title:
            document.add_heading(xml_safe(block.title), level=3)
        _table(document, kpi_table(block, report.year, report.lang))
    elif isinstance(block, Sentences):
        for text in block.lines:
            document.add_paragraph(xml_safe(text), style="List Bullet")
    elif isinstance(block, Chart):
        document.add_picture(io.BytesIO(png[block.name]), width=CHART_WIDTH)
        document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption = document.add_paragraph(xml_safe(report.t("doc.chart_caption", title=block.title)), style="Caption")
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif isinstance(block, Table):
        document.add_heading(xml_safe(block.title), level=3)
        _table(document, block.frame)
    elif isinstance(block, Notice):
        run = document.add_paragraph().add_run(xml_safe(block.text))
        run.italic = True
        if block.level == "warning":
            run.font.color.rgb = DEMO_RED
    elif isinstance(block, LongText):
        document.add_heading(xml_safe(block.title), level=3)
        document.add_paragraph(xml_safe(block.text))
    else:
        raise TypeError(f"no Word layout for {type(block).__name__}")


def build_docx(report: Report, png: dict[str, bytes]) -> bytes:
    """The Word document; `png` maps each chart name to its PNG bytes (rendered once for the pack)."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.2)
    _set_fonts(document)
    document.core_properties.title = report.title_text().replace("\n", " ")
    _footer(document, report)
    _title_page(document, report)
    for part in report.sections:
        document.add_heading(xml_safe(part.title), level=1)
        for block in part.blocks:
            _block(document, block, report, png)
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_heading(report.t("doc.sources"), level=1)
    document.add_paragraph(report.t("doc.sources_intro"))
    _table(document, report.sources)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
