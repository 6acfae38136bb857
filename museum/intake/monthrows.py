"""The commonest office sheet: one row per month, one column per metric (units in the headers).

The month cell holds 1月, 2025年3月, 2025-03, 2025/3 or 3. The year comes, in this order, from a
年份 column, the month cell itself, the title rows above the header, the sheet name, the file name
or the year option (museum.intake.context). 合计/总计/小计 rows are skipped and checked against
the sum of the months; quarter and half-year rows (一季度, 1-6月, 上半年合计, 第一季度小计) are
skipped too, each checked against the sum of its own months; notes under the table (填表人：…,
注：…) are ignored with a notice.

A month typed as 2025.10 in Excel is the number 2025.1: a month cell 2025.1 may be January or
October. It is read as October when the sheet shows it (the month before is 9 or the one after
is 11, the column has another January, the title or sheet name names October and not January),
as January when the sheet shows that, and otherwise refused with a message that says where it is
and how to type it. Either reading from the sheet is told in a warning.
"""

from __future__ import annotations

import re
import unicodedata
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
from museum.numbers import chinese_numeral

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


# --- quarter and half-year rows among the months ------------------------------------------------

_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]+)"
_SUBTOTAL = re.compile(
    r"^(?:\d{4}年?)?(?:全年)?(?P<part>第?(?P<q>[一二三四1-4])季度?|q(?P<qq>[1-4])|(?P<half>[上下])半年度?"
    r"|(?P<a>" + _NUM + r")月?份?(?:[-—–~至到])(?P<b>" + _NUM + r")月份?|前(?P<n>" + _NUM + r")个?月)"
    r"(?:合计|小计|累计|总计|汇总|共计|合计数)?$")


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else chinese_numeral(text)


def subtotal_months(text) -> tuple[int, ...] | None:
    """The months a quarter / half-year / month-range row adds up ("一季度" -> 1, 2, 3; "1-6月",
    "上半年合计" -> 1…6; "第一季度小计"); None when the text is no such row."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None
    match = _SUBTOTAL.match(normalize_name(text))
    if not match:
        return None
    if match["q"] or match["qq"]:
        q = _number(match["q"] or match["qq"])
        if match["q"] and not match["part"].endswith(("季度", "季")):
            return None
        return tuple(range(3 * q - 2, 3 * q + 1)) if q and 1 <= q <= 4 else None
    if match["half"]:
        return tuple(range(1, 7)) if match["half"] == "上" else tuple(range(7, 13))
    if match["n"]:
        n = _number(match["n"])
        return tuple(range(1, n + 1)) if n and 1 <= n <= 12 else None
    a, b = _number(match["a"]), _number(match["b"])
    return tuple(range(a, b + 1)) if a and b and 1 <= a < b <= 12 else None


# --- 2025.1: January, or October with its 0 dropped by Excel ------------------------------------

_DECIMAL_MONTH = re.compile(r"^(\d{4})\.1$")
_TITLE_RANGE = re.compile(r"(" + _NUM + r")\s*月?\s*[-—–~至到]\s*(" + _NUM + r")\s*月")
_TITLE_MONTH = re.compile(r"(?<![\d.])(" + _NUM + r")\s*月")
_TITLE_QUARTER = re.compile(r"第?([一二三四1-4])\s*季度|q([1-4])", re.I)


def decimal_month_year(text) -> int | None:
    """The year of a month cell 2025.1 (January, or October typed 2025.10 and kept by Excel as a number)."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None
    match = _DECIMAL_MONTH.match(unicodedata.normalize("NFKC", str(text)).strip())
    return int(match[1]) if match else None


def title_months(text: str) -> set[int]:
    """The months a title or sheet name names ("2025年10月…" -> {10}; "1-6月" -> 1…6; "第四季度" -> 10…12)."""
    folded = unicodedata.normalize("NFKC", text or "")
    found: set[int] = set()
    for a, b in _TITLE_RANGE.findall(folded):
        a, b = _number(a), _number(b)
        if a and b and 1 <= a <= b <= 12:
            found.update(range(a, b + 1))
    folded = _TITLE_RANGE.sub(" ", folded)
    for q, qq in _TITLE_QUARTER.findall(folded):
        n = _number(q or qq)
        if n and 1 <= n <= 4:
            found.update(range(3 * n - 2, 3 * n + 1))
    folded = _TITLE_QUARTER.sub(" ", folded)
    found.update(m for m in (_number(x) for x in _TITLE_MONTH.findall(folded)) if m and 1 <= m <= 12)
    if "上半年" in folded:
        found.update(range(1, 7))
    if "下半年" in folded:
        found.update(range(7, 13))
    return found


def decimal_months(cells: list, named: set[int]) -> dict[int, int | None]:
    """For each month cell 2025.1 (by position): 10 or 1 when the sheet shows which, None when not.

    The evidence: the month right before (9: October; December of the year before: January) or
    right after (11: October; 2: January), another January or October of that year written
    plainly in the column, and the months the title or sheet name names (`named`)."""
    years = [decimal_month_year(c) for c in cells]
    if not any(y is not None for y in years):
        return {}
    plain = [None if y is not None else month_value(c) for c, y in zip(cells, years)]
    plain = [p if p is not None and p[1] is not None else None for p in plain]
    decided: dict[int, int | None] = {}
    for k, year in enumerate(years):
        if year is None:
            continue
        evidence: set[int] = set()
        prev, prev_decided = None, False
        for j in range(k - 1, -1, -1):
            if plain[j] is not None:
                prev = plain[j]
                break
            if j in decided:  # another 2025.1 before this one
                prev, prev_decided = ((year, decided[j]) if decided[j] else None), True
                break
        nxt = None
        for j in range(k + 1, len(cells)):
            if plain[j] is not None or years[j] is not None:
                nxt = plain[j]  # None when it is another 2025.1
                break
        if prev is not None:
            if prev[1] == 9 and prev[0] in (None, year):
                evidence.add(10)
            elif prev[1] == 12 and prev[0] == year - 1:
                evidence.add(1)
            elif prev[1] == 1 and prev[0] in (None, year) and prev_decided:
                evidence.add(10)  # the one before was read as January: a second 2025.1 is October
        if nxt is not None and nxt[0] in (None, year):
            if nxt[1] == 11:
                evidence.add(10)
            elif nxt[1] == 2:
                evidence.add(1)
        plainly = {p[1] for p in plain if p is not None and p[0] in (None, year)}
        if 1 in plainly:
            evidence.add(10)
        if 10 in plainly:
            evidence.add(1)
        if 10 in named and 1 not in named:
            evidence.add(10)
        if 1 in named and 10 not in named:
            evidence.add(1)
        decided[k] = evidence.pop() if len(evidence) == 1 else None
    return decided


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
    keep_rows, years, months, sources, total_rows, subtotal_rows = [], [], [], [], [], []
    month_column = column_name(header[month_index], month_index)
    title_text = " ".join(str(c) for r in title_rows for c in r if c is not None and not pd.isna(c))
    decimal = decimal_months(month_cells, title_months(" ".join((title_text, context.sheet or "", context.file_name or ""))))
    decimal_read: list[tuple[int, int]] = []
    row_errors: list[Problem] = []  # capped: a daily sheet of 100,000 rows is not 100,000 messages
    notes_at = []
    ended = False
    for k, (row, text, year_text, values) in enumerate(zip(rows, month_cells, year_cells, data.values.tolist())):
        if all(v is None or (isinstance(v, float) and np.isnan(v)) or not str(v).strip() for v in values):
            continue
        if isinstance(text, float) and np.isnan(text):
            text = None  # an empty month cell is told as empty, never as "nan"
        if ended or is_note_row(values):
            ended = True
            notes_at.append(int(row))
            continue
        if text is not None and normalize_name(text) in TOTAL_WORDS:
            total_rows.append((int(row), k))
            continue
        within = subtotal_months(text)
        if within is not None:
            subtotal_rows.append((int(row), k, within))
            continue
        year, month = month_value(text)
        if k in decimal:
            if decimal[k] is None:
                row_errors.append(Problem("intake.error.decimal_month", int(row), month_column, str(text).strip(),
                                          {"sheet": context.sheet or "—", "row": int(row), "column": month_column,
                                           "text": str(text).strip(), "year": year}))
                continue
            month = decimal[k]
            decimal_read.append((int(row), month))
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
    if subtotal_rows:
        notices.append(Notice("intake.warning.subtotal_rows", {"rows": Listing.of(r for r, _, _ in subtotal_rows)}))
    for row, month in decimal_read:
        cell = next(str(t).strip() for r, t in zip(rows, month_cells) if int(r) == row)
        notices.append(Notice("intake.warning.decimal_month", {"sheet": context.sheet or "—", "row": row, "column": month_column,
                                                               "text": cell, "month": month}))

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
        notices.extend(_check_subtotals(resolver, match, texts, keep_rows, years, months, subtotal_rows, column_name(header[i], i)))
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


def _check_subtotals(resolver, match, texts: pd.Series, keep_rows, years, months, subtotal_rows, column: str) -> list[Notice]:
    """A quarter or half-year row that differs from the sum of its own months (all of them present,
    in a sheet of one year) is worth a look, like a 合计 row."""
    if not subtotal_rows or not keep_rows or len(set(years)) != 1 or resolver.cat[match.metric_id].kind != "flow":
        return []
    unit = resolver.cat[match.metric_id].unit_zh
    values = parse_values(texts.iloc[keep_rows].reset_index(drop=True), [unit] * len(keep_rows))
    by_month: dict[int, float] = {}
    for month, value, missing, bad in zip(months, values["value"], values["missing"], values["bad"]):
        if not (missing or bad):
            by_month[month] = by_month.get(month, 0.0) + float(value)
    stated = parse_values(texts.iloc[[k for _, k, _ in subtotal_rows]].reset_index(drop=True), [unit] * len(subtotal_rows))
    notices = []
    for (row, _, within), value, missing, bad in zip(subtotal_rows, stated["value"], stated["missing"], stated["bad"]):
        if missing or bad or not all(m in by_month for m in within):
            continue
        summed = sum(by_month[m] for m in within)
        if differs_from_sum(float(value), summed):
            notices.append(total_differs(row, column, float(value) * match.scale, summed * match.scale))
    return notices
