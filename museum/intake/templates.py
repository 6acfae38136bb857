"""Upload templates (bytes out): long and wide layouts, as UTF-8-BOM CSV and as XLSX, listing the catalog.

Event metrics (awards, projects, papers …) are counted from their records, so the templates
list only the metrics whose values are uploaded; the XLSX adds a sheet with the whole catalog.
"""

from __future__ import annotations

import csv
import io

from museum.catalog import Catalog

LONG_HEADERS = {"zh": ["年份", "月份", "指标", "数值", "单位", "备注"], "en": ["year", "month", "metric", "value", "unit", "note"]}
WIDE_FIRST = {"zh": ["指标", "单位"], "en": ["metric", "unit"]}
CATALOG_HEADERS = {
    "zh": ["指标编号", "中文名", "英文名", "单位", "类型", "别名"],
    "en": ["metric id", "Chinese name", "English name", "unit", "kind", "aliases"],
}
CATALOG_SHEET = {"zh": "指标目录", "en": "catalog"}
DATA_SHEET = {"zh": "数据", "en": "data"}


def uploadable(cat: Catalog) -> list:
    """The metrics a file or a typed value may give (event counts come from their records)."""
    return [m for m in cat if m.kind != "event"]


def long_rows(cat: Catalog, year: int, lang: str) -> list[list]:
    return [LONG_HEADERS[lang]] + [[year, None, m.name(lang) if lang == "zh" else m.metric_id, None, m.unit(lang), None] for m in uploadable(cat)]


def wide_rows(cat: Catalog, year: int, lang: str) -> list[list]:
    periods = [f"{year - 1}年", f"{year}年"] if lang == "zh" else [str(year - 1), str(year)]
    return [WIDE_FIRST[lang] + periods] + [[m.name(lang) if lang == "zh" else m.metric_id, m.unit(lang), None, None] for m in uploadable(cat)]


def catalog_rows(cat: Catalog, lang: str) -> list[list]:
    return [CATALOG_HEADERS[lang]] + [[m.metric_id, m.name_zh, m.name_en, m.unit(lang), m.kind, "、".join(m.aliases)] for m in cat]


def template_rows(cat: Catalog, layout: str, year: int, lang: str) -> list[list]:
    if layout not in ("long", "wide"):
        raise ValueError(f"unknown layout {layout!r}")
    return long_rows(cat, year, lang) if layout == "long" else wide_rows(cat, year, lang)


def template_csv(cat: Catalog, layout: str, year: int, lang: str = "zh") -> bytes:
    """A UTF-8 CSV with BOM (Excel on Chinese Windows opens it correctly)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in template_rows(cat, layout, year, lang):
        writer.writerow(["" if cell is None else cell for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def template_xlsx(cat: Catalog, layout: str, year: int, lang: str = "zh") -> bytes:
    """An .xlsx with the data sheet first (what the upload reads) and the catalog second."""
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = DATA_SHEET[lang]
    for row in template_rows(cat, layout, year, lang):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["A" if layout == "wide" else "C"].width = 36
    listing = workbook.create_sheet(CATALOG_SHEET[lang])
    for row in catalog_rows(cat, lang):
        listing.append(row)
    for cell in listing[1]:
        cell.font = Font(bold=True)
    listing.column_dimensions["A"].width = 30
    listing.column_dimensions["B"].width = 30
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
