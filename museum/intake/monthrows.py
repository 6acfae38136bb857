"""The commonest office sheet: one row per month, one column per metric (units in the headers).

The month cell holds 1月, 2025年3月, 2025-03, 2025/3 or 3. The year comes, in this order, from a
年份 column, the month cell itself, the title rows above the header, the sheet name, the file name
or the year option (museum.intake.context). 合计/总计/小计 rows are skipped and checked against
the sum of the months; notes under the table (填表人：…, 注：…) are ignored with a notice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from museum.catalog import normalize_name
from museum.intake.checks import differs_from_sum, total_differs
from museum.intake.columns import IGNORE, ColumnMatch, ColumnResolver
from museum.intake.context import SheetContext
from museum.i18n import Listing
from museum.intake.problems import Notice, Problem
from museum.intake.validate import TOTAL_WORDS
from museum.intake.values import parse_month, parse_period, parse_values

NOTE_PREFIXES = ("填表人", "填报人", "制表人", "制表", "审核人", "审核", "负责人", "单位负责人", "注", "备注", "说明",
                 "数据来源", "来源", "联系人", "联系电话", "填报日期", "填表日期", "note", "source")
_NOTE_KEYS = tuple(normalize_name(p) for p in NOTE_PREFIXES)


@dataclass
class MonthRowsResult:
    cells: pd.DataFrame
    errors: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    year_from: str | None = None
    unmatched: list[tuple[str, list[str]]] = field(default_factory=list)
    matched: dict[str, ColumnMatch] = field(default_factory=dict)


def is_note_row(values: list) -> bool:
    """A line under a table such as "填表人：张三" or "注：数据截至6月底"."""
    filled = [str(v).strip() for v in values if v is not None and not pd.isna(v) and str(v).strip()]
    if not filled:
        return False
    first = normalize_name(filled[0])
    if not first.startswith(_NOTE_KEYS + ("*",)):
        return False
    return any(first.startswith(p) and (len(first) == len(p) or first[len(p)] in ":：") for p in _NOTE_KEYS) \
        or (first.startswith(("注", "*")) and len(filled) == 1)


def month_value(text) -> tuple[int | None, int | None]:
    """(year or None, month) of a month cell; (None, None) when it is not a month."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None, None
    period = parse_period(text)
    if period is not None and period[1] is not None:
        return period
    month = parse_month(text)
    return (None, month) if month is not None else (None, None)


def read_month_rows(grid: pd.DataFrame, header_row: int, header: list, month_index: int, year_index: int | None,
                    resolver: ColumnResolver, context: SheetContext, column_name) -> MonthRowsResult:
    errors: list[Problem] = []
    notices: list[Notice] = []
    position = grid.index.get_loc(header_row)
    title_rows = grid.iloc[:position].values.tolist()
    fallback_year, fallback_source = context.fallback_year(title_rows)

    columns: dict[int, ColumnMatch] = {}
    unmatched = []
    for i, cell in enumerate(header):
        if i in (month_index, year_index) or cell is None or pd.isna(cell) or not str(cell).strip():
            continue
        name = column_name(header[i], i)
        if normalize_name(name) in TOTAL_WORDS:
            notices.append(Notice("intake.warning.total_column", {"column": name}))
            continue
        match = resolver.resolve(cell)
        if match.metric_id is None:
            unmatched.append((name, resolver.suggest(match.name)))
        elif match.metric_id == IGNORE:
            continue
        elif match.unit_error:
            metric = resolver.cat[match.metric_id]
            errors.append(Problem("intake.error.header_unit", header_row, name, match.unit, {"unit": match.unit, "expected": metric.unit_zh}))
        else:
            columns[i] = match

    data = grid.iloc[position + 1:]
    rows = data.index.to_numpy()
    month_cells = data[f"c{month_index}"].tolist()
    year_cells = data[f"c{year_index}"].tolist() if year_index is not None else [None] * len(data)
    keep_rows, years, months, sources, total_rows = [], [], [], [], []
    row_errors: list[Problem] = []  # capped: a daily sheet of 100,000 rows is not 100,000 messages
    notes_at = []
    ended = False
    for k, (row, text, year_text, values) in enumerate(zip(rows, month_cells, year_cells, data.values.tolist())):
        if all(v is None or (isinstance(v, float) and np.isnan(v)) or not str(v).strip() for v in values):
            continue
        if ended or is_note_row(values):
            ended = True
            notes_at.append(int(row))
            continue
        if text is not None and normalize_name(text) in TOTAL_WORDS:
            total_rows.append((int(row), k))
            continue
        year, month = month_value(text)
        if month is None:
            row_errors.append(Problem("intake.error.bad_month", int(row), column_name(header[month_index], month_index), None if text is None else str(text).strip()))
            continue
        source = "month" if year is not None else None
        if year_index is not None and year_text is not None and str(year_text).strip():
            column_year = parse_period(year_text)
            if column_year is None or column_year[1] is not None:
                row_errors.append(Problem("intake.error.bad_year", int(row), column_name(header[year_index], year_index), str(year_text).strip()))
                continue
            year, source = column_year[0], "column"
        if year is None:
            year, source = fallback_year, fallback_source
        if year is None:
            row_errors.append(Problem("intake.error.no_year_anywhere", int(row), column_name(header[month_index], month_index), str(text).strip()))
            continue
        if not 1 <= month <= 12:
            row_errors.append(Problem("intake.error.month_range", int(row), column_name(header[month_index], month_index), str(text).strip()))
            continue
        keep_rows.append(k)
        years.append(year)
        months.append(month)
        sources.append(source)
    errors += row_errors  # the file's list is cut once, in ingest.analyse
    if notes_at:
        notices.append(Notice("intake.warning.note_rows", {"rows": Listing.of(notes_at, limit=20)}))
    if total_rows:
        notices.append(Notice("intake.warning.total_rows", {"rows": Listing.of(r for r, _ in total_rows)}))

    parts = []
    for i, match in columns.items():
        texts = data[f"c{i}"]
        parts.append(pd.DataFrame({
            "row": rows[keep_rows],
            "metric_text": match.metric_id,
            "metric_column": column_name(header[i], i),
            "value_text": texts.iloc[keep_rows].to_numpy(dtype=object),
            "value_column": column_name(header[i], i),
            "year": np.array(years, dtype="float64"),
            "month": np.array(months, dtype="float64"),
            "note": None,
            "scale": match.scale,
        }))
        notices.extend(_check_total(resolver, match, texts, keep_rows, years, total_rows, column_name(header[i], i)))
    cells = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["row", "metric_text", "metric_column", "value_text", "value_column", "year", "month", "note", "scale"])
    cells = cells.astype({"metric_text": "str", "value_text": "str", "note": "str", "year": "float64", "month": "float64", "scale": "float64"})
    cells.attrs["year_column"] = None
    cells.attrs["month_column"] = None
    year_from = max(set(sources), key=sources.count) if sources else None
    return MonthRowsResult(cells, errors, notices, year_from, unmatched, {column_name(header[i], i): m for i, m in columns.items()})


def _check_total(resolver, match, texts: pd.Series, keep_rows, years, total_rows, column: str) -> list[Notice]:
    """A 合计 row that differs from the sum of the months (beyond rounding) is worth a look."""
    if not total_rows or not keep_rows or resolver.cat[match.metric_id].kind != "flow":
        return []
    unit = resolver.cat[match.metric_id].unit_zh
    months = parse_values(texts.iloc[keep_rows].reset_index(drop=True), [unit] * len(keep_rows))
    total_texts = texts.iloc[[k for _, k in total_rows]].reset_index(drop=True)
    totals = parse_values(total_texts, [unit] * len(total_rows))
    summed = float(np.nansum(months["value"].to_numpy()))
    notices = []
    for (row, _), stated, missing, bad in zip(total_rows, totals["value"], totals["missing"], totals["bad"]):
        if missing or bad:
            continue
        if differs_from_sum(float(stated), summed):  # in the sheet's own unit: whole numbers are exact
            notices.append(total_differs(row, column, float(stated) * match.scale, summed * match.scale))
    return notices

