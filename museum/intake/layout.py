"""Find the header row and the layout of a grid, and flatten it to one cell per value.

Long: one row per value with 年份/月份?/指标/数值/备注? columns. Month rows: a month column and one
column per metric (museum.intake.monthrows). Wide: a metric column and one column per period
(2023, 2023年, 2024-03, 2024年3月, 2024/3). The header may be any of the first 20 rows, under
merged title rows and unit lines. Header names are matched in Chinese or English, ignoring
spaces, width and case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from museum.catalog import normalize_name
from museum.intake import columns as column_match
from museum.intake.context import SheetContext
from museum.intake.checks import differs_from_sum, total_differs
from museum.intake.monthrows import is_note_row, month_value, read_month_rows
from museum.i18n import Listing, quoted
from museum.intake.problems import FileRejected, Notice, Problem
from museum.intake.validate import MAX_PROBLEMS, TOTAL_WORDS
from museum.intake.values import blank, blank_cell, numbers_distinct, parse_month, parse_period, parse_values, parse_year, year_bounds

HEADER_ALIASES = {
    "year": ("年份", "年度", "年", "year"),
    "month": ("月份", "月", "month", "统计月份", "月度", "时间", "日期", "期间", "统计期间", "period"),
    "metric": ("指标", "指标名称", "指标名", "指标id", "metric", "metric_id", "metricid", "indicator"),
    "value": ("数值", "数量", "值", "数据", "value"),
    "note": ("备注", "说明", "note", "notes", "remark", "remarks"),
    "unit": ("单位", "unit"),
}
_ROLE_BY_NAME = {normalize_name(alias): role for role, aliases in HEADER_ALIASES.items() for alias in aliases}
HEADER_SEARCH_ROWS = 20

CELL_COLUMNS = ["row", "metric_text", "metric_column", "value_text", "value_column", "year", "month", "note"]
# month rows add "scale": the factor of a header's unit (访问量（万次） -> x10⁴); absent means 1


@dataclass
class Flattened:
    layout: str                              # long | wide | month_rows
    header_row: int
    cells: pd.DataFrame                      # CELL_COLUMNS, one row per value cell
    errors: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    blank_rows: int = 0
    year_from: str | None = None             # see museum.intake.context.YEAR_SOURCES
    unmatched: list[tuple[str, list[str]]] = field(default_factory=list)   # (column, suggested ids)
    more: int = 0                            # row problems beyond the ones listed


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _role(text) -> str | None:
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None
    return _ROLE_BY_NAME.get(normalize_name(text))


def _header_name(text, index: int) -> str:
    return str(text).strip() if text is not None and not pd.isna(text) and str(text).strip() else column_letter(index)


def flatten(grid: pd.DataFrame, resolver: column_match.ColumnResolver | None = None,
            context: SheetContext | None = None) -> Flattened:
    """The grid's values as one row per cell; FileRejected-style problems for a missing header.

    Without a resolver only the long and wide layouts are recognised (no catalog at hand).
    """
    if grid.empty or grid.shape[1] == 0:
        raise FileRejected("intake.error.empty_file")
    context = context or SheetContext()
    default_unit = None
    for row_number in grid.index[:HEADER_SEARCH_ROWS]:
        header = list(grid.loc[row_number])
        units = _unit_row(grid, row_number, header)
        if units is not None:  # "科普图文" over "（篇）": one header "科普图文（篇）", the unit row is no data
            header = [h if u is None else f"{str(h).strip()}{u}" for h, u in zip(header, units)]
            grid = grid.drop(index=grid.index[grid.index.get_loc(row_number) + 1])
            grid.loc[row_number] = header
        roles = [_role(cell) for cell in header]
        default_unit = column_match.unit_line(header) or default_unit
        metric_index = roles.index("metric") if "metric" in roles else 0
        periods = [None if i == metric_index else parse_period(cell) for i, cell in enumerate(header)]
        if "metric" in roles and "value" in roles:
            if "year" in roles:
                return _long(grid, row_number, header, roles)
            year, source = context.fallback_year(grid.iloc[: grid.index.get_loc(row_number)].values.tolist())
            if year is not None:
                return _long(grid, row_number, header, roles, (year, source, context.sheet_period()))
        if resolver is not None and "metric" not in roles:
            found = _month_rows(grid, row_number, header, roles, resolver, context, default_unit)
            if found is not None:
                return found
        if any(p is not None and roles[i] is None for i, p in enumerate(periods)):
            return _wide(grid, row_number, header, roles, periods)
        if "value" not in roles:
            found = _month_columns(grid, row_number, header, roles, periods, metric_index, context)
            if found is not None:
                return found
        if "metric" in roles or "value" in roles:
            return _missing_columns(row_number, header, roles)
    raise FileRejected("intake.error.no_header", rows=HEADER_SEARCH_ROWS)


_UNIT_CELL = re.compile(r"[（(\[【]\s*(?:单位[:：]\s*)?[^（()）\[\]【】\d]{1,6}\s*[）)\]】]")


def _unit_row(grid: pd.DataFrame, row_number, header: list) -> list | None:
    """The units of a row right under `header` that holds only bracketed units under named columns
    ("（篇）", "(人次)", "（单位：天）"), each as written; None when the next row is anything else."""
    position = grid.index.get_loc(row_number) + 1
    if position >= len(grid.index):
        return None
    below = list(grid.iloc[position])
    units = [None if blank_cell(cell) else str(cell).strip() for cell in below]
    if not any(units) or any(u is not None and (not _UNIT_CELL.fullmatch(u) or blank_cell(h)) for u, h in zip(units, header)):
        return None
    return units


def _month_rows(grid, row_number, header, roles, resolver, context, default_unit) -> Flattened | None:
    """A header with a month column (named, or the first column when its cells are months) and
    at least one column that names a metric (or a column the resolver cannot place)."""
    named = [i for i, r in enumerate(roles) if r == "month"]
    below = grid.iloc[grid.index.get_loc(row_number) + 1:]
    if named:
        month_index = named[0]
    else:
        first = [c for c in below["c0"].head(13).tolist() if c is not None and str(c).strip()]
        months = [month_value(c)[1] for c in first if not is_note_row([c])]
        if not months or sum(m is not None for m in months) < max(2, len(months) * 0.6):
            return None
        month_index = 0
    year_index = roles.index("year") if "year" in roles else None
    others = [i for i, c in enumerate(header)
              if i not in (month_index, year_index) and c is not None and not pd.isna(c) and str(c).strip()]
    if not others:
        return None
    resolver.default_unit = default_unit
    if not named and not any(resolver.resolve(header[i]).metric_id for i in others):
        return None
    result = read_month_rows(grid, row_number, header, month_index, year_index, resolver, context, _header_name)
    return Flattened("month_rows", row_number, result.cells, result.errors, result.notices, 0, result.year_from, result.unmatched)


def _month_header(text) -> int | None:
    """The month of a header cell that names only a month ("1月", "一月", "3月份"); None otherwise."""
    if text is None or (isinstance(text, float) and np.isnan(text)) or "月" not in str(text):
        return None
    return parse_month(text)


def _month_columns(grid, row_number, header, roles, periods, metric_index, context) -> Flattened | None:
    """Months as columns without their year ("指标 | 单位 | 1月 … 6月 | 合计"): a wide table whose
    year is the one given (--year, the page's 年份), or named by the title, the sheet or the file.
    None when fewer than two columns are months; a problem saying so when no year is known."""
    months = [None if i == metric_index or roles[i] is not None or periods[i] is not None else _month_header(cell)
              for i, cell in enumerate(header)]
    if sum(m is not None for m in months) < 2:
        return None
    year, source = context.fallback_year(grid.iloc[: grid.index.get_loc(row_number)].values.tolist())
    if year is None:
        first = next(i for i, m in enumerate(months) if m is not None)
        problem = Problem("intake.error.month_columns_no_year", row_number, _header_name(header[first], first), str(header[first]).strip())
        return Flattened("wide", row_number, pd.DataFrame(columns=CELL_COLUMNS), [problem])
    periods = [p if m is None else (year, m) for p, m in zip(periods, months)]
    flat = _wide(grid, row_number, header, roles, periods)
    flat.year_from = source
    return flat


def _missing_columns(row_number: int, header: list, roles: list) -> Flattened:
    missing = [role for role in ("metric", "value", "year") if role not in roles]
    errors = [
        Problem("intake.error.missing_column", row_number, HEADER_ALIASES[role][0], None, {"role": f"{HEADER_ALIASES[role][0]} / {role}"})
        for role in missing
    ]
    flat = Flattened("long", row_number, pd.DataFrame(columns=CELL_COLUMNS), errors)
    return flat


def _data_rows(grid: pd.DataFrame, header_row: int) -> tuple[pd.DataFrame, int]:
    data = grid.iloc[grid.index.get_loc(header_row) + 1:]
    empty = np.ones(len(data), dtype=bool)
    for column in data.columns:
        empty &= blank(data[column]).to_numpy()
        if not empty.any():
            return data, 0
    return data[~empty], int(empty.sum())


def _long(grid: pd.DataFrame, header_row: int, header: list, roles: list, fallback=None) -> Flattened:
    """`fallback` (year, source, sheet period) stands in for a missing 年份 column."""
    col = {role: roles.index(role) for role in ("year", "month", "metric", "value", "note") if role in roles}
    names = {role: _header_name(header[i], i) for role, i in col.items()}
    notices = _ignored_columns(header, [i for i, r in enumerate(roles) if r is None])
    data, blank_rows = _data_rows(grid, header_row)
    data, notes = _drop_note_rows(data)
    if notes:
        notices.append(Notice("intake.warning.note_rows", {"rows": Listing.of(notes, limit=20)}))
    series = {role: data[f"c{i}"].reset_index(drop=True) for role, i in col.items()}
    rows = data.index.to_numpy()
    errors: list[Problem] = []

    more = 0

    def listed(mask) -> np.ndarray:
        """The first MAX_PROBLEMS rows of a rule; the rest are counted."""
        nonlocal more
        found = np.flatnonzero(mask)
        more += max(0, len(found) - MAX_PROBLEMS)
        return found[:MAX_PROBLEMS]

    if fallback is None:
        years = numbers_distinct(series["year"], parse_year)
        no_year = blank(series["year"]).to_numpy()
        for i in listed(np.isnan(years) & ~no_year):
            errors.append(Problem("intake.error.bad_year", int(rows[i]), names["year"], str(series["year"].iloc[i]).strip()))
        for i in listed(no_year & ~blank(series["value"]).to_numpy()):
            errors.append(Problem("intake.error.no_year", int(rows[i]), names["year"], None))
    else:
        years = np.full(len(data), float(fallback[0]))
    if "month" in series:
        months = numbers_distinct(series["month"], parse_month)
        for i in listed(np.isnan(months) & ~blank(series["month"]).to_numpy()):
            errors.append(Problem("intake.error.bad_month", int(rows[i]), names["month"], str(series["month"].iloc[i]).strip()))
    elif fallback is not None and fallback[2] is not None and fallback[2][1] is not None:
        months = np.full(len(data), float(fallback[2][1]))  # a sheet named "2025年3月"
    else:
        months = np.full(len(data), np.nan)

    cells = pd.DataFrame(
        {
            "row": rows,
            "metric_text": series["metric"],
            "metric_column": _constant(names["metric"], len(data)),
            "value_text": series["value"],
            "value_column": _constant(names["value"], len(data)),
            "year": years,
            "month": months,
            "note": series["note"] if "note" in series else pd.Series(None, index=range(len(data)), dtype="str"),
        },
        copy=False,  # fresh arrays: no copy into one block per type (a million rows)
    )
    cells.attrs["year_column"] = names.get("year")
    cells.attrs["month_column"] = names.get("month")
    year_from = "column" if fallback is None else fallback[1]
    return Flattened("long", header_row, cells, errors, notices, blank_rows, year_from, more=more)


def _constant(text: str, count: int) -> pd.Categorical:
    """The same text on every row, as one category (not a million strings)."""
    return pd.Categorical.from_codes(np.zeros(count, dtype=np.int8), categories=[text])


NOTE_SEARCH_ROWS = 50  # notes sit under the table: only its last rows are looked at


def _drop_note_rows(data: pd.DataFrame) -> tuple[pd.DataFrame, list[int]]:
    """Rows from the first note line under the table ("填表人：…", "注：…") on are not data."""
    if "c0" not in data or len(data) == 0:
        return data, []
    start = max(0, len(data) - NOTE_SEARCH_ROWS)
    tail = data["c0"].iloc[start:].tolist()
    candidates = [start + k for k, text in enumerate(tail) if text is not None and not (isinstance(text, float) and np.isnan(text))
                  and is_note_row([text])]
    for k in candidates:
        rest = data.iloc[k, 1:].tolist()
        if all(v is None or (isinstance(v, float) and np.isnan(v)) or not str(v).strip() for v in rest):
            return data.iloc[:k], [int(r) for r in data.index[k:] if not all(
                v is None or (isinstance(v, float) and np.isnan(v)) or not str(v).strip() for v in data.loc[r].tolist())]
    return data, []


def _wide(grid: pd.DataFrame, header_row: int, header: list, roles: list, periods: list) -> Flattened:
    metric_index = roles.index("metric") if "metric" in roles else 0
    note_index = roles.index("note") if "note" in roles else None
    period_columns = [i for i, p in enumerate(periods) if p is not None and i != metric_index and roles[i] is None]
    ignored = [i for i in range(len(header)) if i not in period_columns and i not in (metric_index, note_index) and roles[i] is None]
    totals = [i for i in ignored if header[i] is not None and not pd.isna(header[i]) and normalize_name(header[i]) in TOTAL_WORDS]
    notices = _ignored_columns(header, [i for i in ignored if i not in totals])
    data, blank_rows = _data_rows(grid, header_row)
    data, notes = _drop_note_rows(data)
    if notes:
        notices.append(Notice("intake.warning.note_rows", {"rows": Listing.of(notes, limit=20)}))
    for i in totals:
        notices.append(Notice("intake.warning.total_column", {"column": _header_name(header[i], i)}))
        notices += _check_total_column(data, i, [c for c in period_columns if periods[c][1] is not None], metric_index)
    errors: list[Problem] = []
    parts = []
    first, last = year_bounds()
    metric_name = _header_name(header[metric_index], metric_index)
    for i in period_columns:
        name = _header_name(header[i], i)
        year, month = periods[i]
        if not first <= year <= last:
            errors.append(Problem("intake.error.year_range", header_row, name, str(header[i]).strip(), {"first": first, "last": last}))
            continue
        if month is not None and not 1 <= month <= 12:
            errors.append(Problem("intake.error.month_range", header_row, name, str(header[i]).strip(), {"month": month}))
            continue
        parts.append(
            pd.DataFrame(
                {
                    "row": data.index.to_numpy(),
                    "metric_text": data[f"c{metric_index}"].to_numpy(),
                    "metric_column": metric_name,
                    "value_text": data[f"c{i}"].to_numpy(),
                    "value_column": name,
                    "year": float(year),
                    "month": np.nan if month is None else float(month),
                    "note": data[f"c{note_index}"].to_numpy() if note_index is not None else None,
                }
            )
        )
    cells = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=CELL_COLUMNS)
    cells = cells.astype({"metric_text": "str", "value_text": "str", "note": "str", "year": "float64", "month": "float64"})
    cells.attrs["year_column"] = None  # in wide files the period is the value's column
    cells.attrs["month_column"] = None
    return Flattened("wide", header_row, cells, errors, notices, blank_rows, "column")


def _check_total_column(data: pd.DataFrame, total_index: int, month_columns: list[int], metric_index: int) -> list[Notice]:
    """A 合计 column beside month columns: each row's total against the sum of its months."""
    if not month_columns or data.empty:
        return []
    stated = parse_values(data[f"c{total_index}"], [""] * len(data))
    months = [parse_values(data[f"c{c}"], [""] * len(data)) for c in month_columns]
    summed = np.nansum(np.vstack([m["value"].to_numpy() for m in months]), axis=0)
    filled = np.any(np.vstack([~m["missing"].to_numpy() for m in months]), axis=0)
    value = stated["value"].to_numpy()
    usable = ~stated["missing"].to_numpy() & ~stated["bad"].to_numpy() & filled
    differs = usable & differs_from_sum(value, summed)
    names = data[f"c{metric_index}"].tolist()
    return [total_differs(row, names[k], value[k], summed[k]) for k, row in enumerate(data.index) if differs[k]]



def _ignored_columns(header: list, indexes: list[int]) -> list[Notice]:
    names = [_header_name(header[i], i) for i in indexes if header[i] is not None and not pd.isna(header[i])]
    return [Notice("intake.warning.ignored_columns", {"columns": quoted(names)})] if names else []
