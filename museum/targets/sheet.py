"""Read a 绩效目标表 as the office saved it (.xlsx, .xls or .csv) into its rows, before any checking.

Offices add a title row ("2025年度部门整体绩效目标表"), a line like "单位名称：…  金额单位：万元",
sometimes the budget figures (年初预算数 / 全年预算数 / 全年执行数), then the header and the
indicators, with 一级/二级 cells merged vertically: only the first row of a group holds the
text, so those two columns are filled down within the table. Row numbers are the ones Excel shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from museum import numbers
from museum.catalog import normalize_name
from museum.errors import InputRejected
from museum.intake.read import read_book

HEADER_SEARCH_ROWS = 20
# Header texts (folded with catalog.normalize_name, brackets removed) -> column key.
HEADERS = {
    "level1": ("一级指标", "一级", "level1", "level 1"),
    "level2": ("二级指标", "二级", "level2", "level 2"),
    "indicator": ("三级指标", "三级", "指标名称", "指标内容", "三级指标名称", "绩效指标", "indicator", "level 3", "level3"),
    "target": ("年度指标值", "指标值", "目标值", "年度目标值", "绩效指标值", "预期目标值", "target", "annual target"),
    "weight": ("分值", "权重", "分数", "指标分值", "weight", "points"),
    "metric": ("关联指标", "指标代码", "关联指标代码", "对应指标", "metric", "linked metric"),
    "note": ("备注", "说明", "note", "remarks"),
}
REQUIRED = ("indicator", "target", "weight")
BUDGET_LABELS = {
    "initial_budget": ("年初预算数", "Initial budget"),
    "full_year_budget": ("全年预算数", "Full-year budget"),
    "executed": ("全年执行数", "Full-year spending"),
}
TOTAL_MARKS = ("合计", "总计", "小计", "total")
_UNIT_LINE = re.compile(r"金额单位[:：]\s*(万元|元)")
_NAME_LINE = re.compile(r"单位名称[:：]\s*(.+?)(?:\s{2,}|\s*金额单位|$)")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass
class SheetRow:
    row: int                    # as Excel shows it
    cells: dict[str, str | None]


@dataclass
class Sheet:
    rows: list[SheetRow]
    columns: dict[str, str]     # key -> header text as written (for messages)
    encoding: str               # xlsx | xls | utf-8 | gbk …
    sheet: str | None = None
    title: str | None = None
    title_year: int | None = None
    unit_name: str | None = None
    money_unit: str = "万元"
    budget: dict[str, float] = field(default_factory=dict)   # key -> 万元
    budget_rows: dict[str, int] = field(default_factory=dict)
    skipped: int = 0
    header_row: int = 0


def _header_key(text: str | None) -> str | None:
    if not text:
        return None
    folded = normalize_name(re.sub(r"[(（].*?[)）]", "", text))
    for key, names in HEADERS.items():
        if folded in (normalize_name(name) for name in names):
            return key
    return None


def _find_header(rows: list[list[str | None]]) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found: dict[str, int] = {}
        for column, cell in enumerate(row):
            key = _header_key(cell)
            if key and key not in found:
                found[key] = column
        if all(key in found for key in REQUIRED):
            return index, found
    return None


def _budget_figures(rows: list[list[str | None]], money_unit: str) -> tuple[dict[str, float], dict[str, int]]:
    """年初预算数 / 全年预算数 / 全年执行数 above the header: the figure right of the label, or below it."""
    figures, where = {}, {}
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            folded = normalize_name(re.sub(r"[(（].*?[)）]|[:：]", "", cell or ""))
            key = next((k for k, labels in BUDGET_LABELS.items() if folded in map(normalize_name, labels)), None)
            if key is None or key in figures:
                continue
            candidates = [v for v in row[c + 1:] if v]
            candidates = candidates[:1] if candidates and _as_number(candidates[0]) is not None else []
            if not candidates and r + 1 < len(rows) and c < len(rows[r + 1]) and rows[r + 1][c]:
                candidates = [rows[r + 1][c]]
            value = _as_number(candidates[0]) if candidates else None
            if value is not None:
                figures[key] = round(value / 10_000, 6) if money_unit == "元" else value
                where[key] = r + 1
    return figures, where


def _as_number(text: str | None) -> float | None:
    try:
        quantity = numbers.parse_quantity(text, unit="万元")
    except numbers.NotANumber:
        return None
    return None if quantity is None or quantity.unit not in ("", "万元") else quantity.value


def read_grids(content: bytes) -> tuple[list[tuple[str | None, list[list[str | None]]]], str]:
    """Every visible sheet of a workbook (or the one table of a CSV) as rows of text cells, and the
    encoding. Read as every upload is (museum.intake.read: size, zip, extent and cell limits), so a
    hostile sheet is refused here as on 数据上传; position i of a sheet's rows is Excel's row i + 1."""
    if not content.strip():
        raise InputRejected("targets.file.empty")
    book = read_book(content)
    return [(grid.name, _rows(grid.cells)) for grid in book.sheets], book.encoding


def _rows(cells) -> list[list[str | None]]:
    """A grid (index = Excel row number) as a list of rows, blank rows where Excel has them."""
    rows: list[list[str | None]] = [[] for _ in range(int(cells.index.max()) if len(cells) else 0)]
    for number, values in zip(cells.index, cells.itertuples(index=False, name=None)):
        rows[int(number) - 1] = [value.strip() or None if isinstance(value, str) else None for value in values]
    return rows


def read_sheet(content: bytes) -> Sheet:
    """The rows of the first sheet that has a 三级指标 / 指标值 / 分值 header. Raises InputRejected."""
    sheets, encoding = read_grids(content)
    for name, rows in sheets:
        header = _find_header(rows)
        if header is None:
            continue
        return _read_table(rows, header, encoding, name)
    raise InputRejected("targets.file.no_header")


def _read_table(rows, header, encoding: str, sheet_name: str | None) -> Sheet:
    header_index, columns = header
    above = [cell for row in rows[:header_index] for cell in row if cell]
    money_unit = next((m[1] for m in (_UNIT_LINE.search(c) for c in above) if m), "万元")
    unit_name = next((m[1].strip() for m in (_NAME_LINE.search(c) for c in above) if m), None)
    title = next((c for c in above if "绩效" in c and "单位名称" not in c), None)
    title_year = int(m[1]) if title and (m := _TITLE_YEAR.search(title)) else None
    budget, budget_rows = _budget_figures(rows[:header_index], money_unit)
    sheet = Sheet([], {key: rows[header_index][col] for key, col in columns.items()}, encoding, sheet_name, title,
                  title_year, unit_name, money_unit, budget, budget_rows, header_row=header_index + 1)
    carried = {"level1": None, "level2": None}
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        cells = {key: (row[col] if col < len(row) else None) for key, col in columns.items()}
        if not any(cells.values()):
            continue
        first = normalize_name(next((c for c in row if c), ""))
        if any(first.startswith(mark) for mark in TOTAL_MARKS):
            sheet.skipped += 1
            continue
        # a merged 一级 cell starts a new group: its 二级 starts afresh too
        if cells.get("level1"):
            carried = {"level1": cells["level1"], "level2": None}
        if cells.get("level2"):
            carried["level2"] = cells["level2"]
        cells["level1"], cells["level2"] = carried["level1"], carried["level2"]
        if not any(cells.get(key) for key in ("indicator", "target", "weight")):
            sheet.skipped += 1  # a note under the table, or a group label with nothing in it
            continue
        sheet.rows.append(SheetRow(index + 1, cells))
    return sheet
