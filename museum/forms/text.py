"""The draft as the portal's text (`label | value | |` rows, which `parse-report` reads) and as a Word document."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from museum.forms.draft import Draft
from museum.forms.fields import LABELS

FONT = "Noto Sans CJK SC"


def _cell(text: str) -> str:
    """A value on one row: the portal's cells hold no line breaks and no `|`."""
    return " ".join(str(text).replace("|", "｜").split())


def to_text(draft: Draft) -> str:
    """The draft laid out as the seed report (data/seed/annual-report-2024/report.txt) is."""
    f = {key: _cell(value) for key, value in draft.fields.items()}
    rows = [f"{LABELS[key]} | {f[key]} | |" for key in ("name", "purpose", "address", "legal_representative",
                                                         "startup_capital", "funding_source", "sponsor")]
    rows += ["资产损益情况 | ||", f"{LABELS['assets_year_start']} | {LABELS['assets_year_end']} | |",
             f"{f['assets_year_start']} | {f['assets_year_end']} | |",
             f"{LABELS['website']} | {f['website']} | {LABELS['headcount']} {f['headcount']} |"]
    rows += [f"{LABELS[key]} | {f[key]} | |" for key in ("compliance_statement", "activities", "qualifications",
                                                         "performance_and_litigation")]
    rows.append(f"{LABELS['donations']} | {f['donations']} |")
    return "\n".join(rows) + "\n"


def _font(run, size: float = 10.5, bold: bool = False) -> None:
    run.font.name, run.font.size, run.font.bold = FONT, Pt(size), bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _row(table, label: str, value: str) -> None:
    cells = table.add_row().cells
    _font(cells[0].paragraphs[0].add_run(label), bold=True)
    for index, line in enumerate(_paragraphs(value)):
        paragraph = cells[1].paragraphs[0] if index == 0 else cells[1].add_paragraph()
        _font(paragraph.add_run(line))


def _paragraphs(value: str) -> list[str]:
    """开展业务活动情况 broken before its 一、 and （一） headings, as the report reads on paper."""
    out, current = [], ""
    for index, char in enumerate(value):
        heading = (char in "一二三四" and value[index + 1: index + 2] == "、") or (
            char == "（" and value[index + 1: index + 2] in "一二三四五六七八九十" and value[index + 2: index + 3] == "）")
        if heading and current:
            out.append(current)
            current = ""
        current += char
    return out + ([current] if current else [])


def to_docx(draft: Draft, title: str) -> bytes:
    """The draft as the portal's two-column form, A4, Chinese fonts."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(heading.add_run(title), size=16, bold=True)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    f = draft.fields
    for key in ("name", "purpose", "address", "legal_representative", "startup_capital", "funding_source", "sponsor"):
        _row(table, LABELS[key], f[key])
    _row(table, "资产损益情况", f"{LABELS['assets_year_start']}：{f['assets_year_start']}　{LABELS['assets_year_end']}：{f['assets_year_end']}")
    for key in ("website", "headcount", "compliance_statement", "activities", "qualifications",
                "performance_and_litigation", "donations"):
        _row(table, LABELS[key], f[key])
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Cm(4), Cm(13)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
