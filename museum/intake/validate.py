"""The validation rules over flattened cells, column-wise: every problem is listed, not the first.

Input is one row per value cell (see layout.CELL_COLUMNS); output is the observations to write
(metric_id, year, month, value, qualifier, note, plus row and value_column for messages; an
office sheet has no report sentence), the errors (any error rejects the whole file) and notices.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from museum.catalog import Catalog, normalize_name
from museum import bounds
from museum.i18n import Listing, Name, Phrase, quoted
from museum.intake.problems import Notice, Problem
from museum.intake.values import blank, parse_values, year_bounds

# A row, column or metric cell with one of these is a total of the others: skipped (and checked where
# its parts are in the same sheet), never a metric. One list for every layout.
TOTAL_WORDS = {normalize_name(w) for w in ("合计", "总计", "小计", "总数", "全年", "累计", "total", "subtotal", "grand total", "sum")}
# Excel's error values: a cell that shows one holds no figure (a broken formula)
EXCEL_ERRORS = {"#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!",
                "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"}
EXCEL_ERRORS_LISTED = 20     # error cells told one by one; the rest are counted
MAX_PROBLEMS = 1000          # listed; the rest are counted ("还有 N 个问题")
EXACT_LIMIT = 2.0 ** 53      # a double holds every integer up to here, and no longer all of them


@dataclass
class Checked:
    observations: pd.DataFrame
    errors: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    skipped: int = 0
    more: int = 0            # problems found beyond the MAX_PROBLEMS listed


def _rows_text(rows) -> Listing:
    return Listing.of(sorted({int(r) for r in rows}), limit=20)


def _suggestion_text(cat: Catalog, ids: list[str]) -> Listing:
    return Listing.of(Phrase.of("intake.item.suggestion", name=Name(cat[i].name_zh, cat[i].name_en), id=i) for i in ids)


def check_cells(cells: pd.DataFrame, cat: Catalog, *, allow_implausible: bool = False, resolver=None,
                sheet: str | None = None) -> Checked:
    """Validate every cell; each rule lists at most MAX_PROBLEMS rows (the first ones) and counts
    the rest in `Checked.more`, so a file of 100,000 bad rows is refused as fast as one of ten.

    `resolver` (museum.intake.columns.ColumnResolver) places metric names the catalog does not
    know as written: with a unit ("科普图文（篇）", scaling the value) or a remembered alias.
    A value cell holding an Excel error (#REF!, #DIV/0!…) is not imported and is told, with
    its `sheet`, row and column, in a warning."""
    errors: list[Problem] = []
    notices: list[Notice] = []
    year_column = cells.attrs.get("year_column")
    month_column = cells.attrs.get("month_column")
    cells = cells.reset_index(drop=True)
    rows = cells["row"].to_numpy()
    metric_blank = blank(cells["metric_text"]).to_numpy()

    # metrics: every distinct text resolved once, then spread back by code
    codes, uniques = pd.factorize(cells["metric_text"])
    texts = uniques.tolist()
    resolved = [cat.resolve(text) for text in texts]
    scale_u = np.ones(len(texts) + 1)
    unit_error_u = np.zeros(len(texts) + 1, dtype=bool)
    if resolver is not None:
        for k, text in enumerate(texts):
            if resolved[k] is None and normalize_name(text) not in TOTAL_WORDS:
                match = resolver.resolve(text)
                if match.metric_id:  # a known name with its unit, or an alias ("" = ignored stays unknown)
                    resolved[k], scale_u[k], unit_error_u[k] = match.metric_id, match.scale, match.unit_error
    metric_categories = sorted({m for m in resolved if m is not None})
    position = {m: k for k, m in enumerate(metric_categories)}
    id_code_u = np.array([position.get(m, -1) for m in resolved] + [-1], dtype=np.int32)
    total_u = np.array([normalize_name(text) in TOTAL_WORDS for text in texts] + [False], dtype=bool)
    known_u = id_code_u >= 0
    ids_u = np.array(resolved + [None], dtype=object)
    unit_u = np.array([cat[m].unit_zh if m else "" for m in resolved] + [""], dtype=object)
    nonneg_u = np.array([cat[m].non_negative if m else False for m in resolved] + [False], dtype=bool)
    is_total = total_u[codes]
    metric_known = known_u[codes]
    metric_id_codes = id_code_u[codes]
    if is_total.any():
        notices.append(Notice("intake.warning.total_rows", {"rows": _rows_text(rows[is_total])}))

    parsed = parse_values(cells["value_text"], lambda at: unit_u[codes[at]])  # units only where a text needs one
    missing = parsed["missing"].to_numpy()
    considered = ~is_total & ~(metric_blank & missing)
    skipped = int((is_total | missing).sum())

    # plain arrays, made on the first message: a message for row i must not cost a pandas lookup
    # (100,000 bad rows), and a clean million-row file must not pay for the conversion
    arrays: dict = {}

    def metric_id_at(i: int) -> str | None:
        return ids_u[codes[i]]

    def column_array(column: str):
        if column not in arrays:
            arrays[column] = cells[column].to_numpy(dtype=object)
        return arrays[column]

    def text_at(column: str, i: int):
        value = column_array(column)[i]
        return None if value is None or (isinstance(value, float) and np.isnan(value)) else str(value).strip()

    hidden = [0]

    def add(key, mask, column, value, params=None):
        found = np.flatnonzero(mask)
        hidden[0] += max(0, len(found) - MAX_PROBLEMS)
        for i in found[:MAX_PROBLEMS]:
            p = params(i) if callable(params) else (params or {})
            errors.append(Problem(key, int(rows[i]), column(i) if callable(column) else column, value(i), p))

    metric_col = lambda i: str(column_array("metric_column")[i])  # noqa: E731
    value_col = lambda i: str(column_array("value_column")[i])  # noqa: E731
    value_at = lambda i: text_at("value_text", i)  # noqa: E731

    add("intake.error.no_metric", considered & metric_blank & ~missing, metric_col, lambda i: None)
    unknown = considered & ~metric_blank & ~metric_known
    if unknown.any():
        listed = np.flatnonzero(unknown)[:MAX_PROBLEMS]  # suggestions cost a fuzzy search each
        suggestions = {text: cat.suggest(text) for text in {text_at("metric_text", i) for i in listed}}
        suggested = np.zeros(len(cells), dtype=bool)
        for i in listed:
            suggested[i] = bool(suggestions[text_at("metric_text", i)])
        add(
            "intake.error.unknown_metric",
            unknown & suggested,
            metric_col,
            lambda i: text_at("metric_text", i),
            lambda i: {"suggestions": _suggestion_text(cat, suggestions[text_at("metric_text", i)])},
        )
        add("intake.error.unknown_metric_plain", unknown & ~suggested, metric_col, lambda i: text_at("metric_text", i))
    known = considered & metric_known
    bad = parsed["bad"].to_numpy() & considered
    excel_error = np.zeros(len(cells), dtype=bool)
    bad_index = np.flatnonzero(bad)
    if len(bad_index):
        shown = cells["value_text"].iloc[bad_index].fillna("").astype(str).str.strip().str.upper()
        excel_error[bad_index] = shown.isin(EXCEL_ERRORS).to_numpy(dtype=bool)
    if excel_error.any():
        errored = np.flatnonzero(excel_error)
        errored = errored[np.argsort(rows[errored], kind="stable")]
        for i in errored[:EXCEL_ERRORS_LISTED]:
            notices.append(Notice("intake.warning.excel_error", {"sheet": sheet or "—", "row": int(rows[i]), "column": value_col(i),
                                                                 "error": value_at(i)}))
        if len(errored) > EXCEL_ERRORS_LISTED:
            notices.append(Notice("intake.warning.excel_error_more", {"count": len(errored) - EXCEL_ERRORS_LISTED}))
        bad &= ~excel_error
        missing = missing | excel_error  # not a figure: skipped, never stored
        skipped += int((excel_error & ~is_total).sum())
    formula = np.zeros(len(cells), dtype=bool)
    bad_index = np.flatnonzero(bad)
    if len(bad_index):
        formula[bad_index] = cells["value_text"].iloc[bad_index].fillna("").str.lstrip().str.startswith("=").to_numpy(dtype=bool)
    add("intake.error.formula", formula, value_col, value_at)
    add("intake.error.not_a_number", bad & ~formula, value_col, value_at)

    leftover = parsed["unit"].array  # categorical: "" is the first category
    has_unit = known & ~bad & ~missing & (leftover.codes != 0)
    if has_unit.any():
        fits = np.ones(len(cells), dtype=bool)
        for i in np.flatnonzero(has_unit):
            fits[i] = _unit_fits(cat, metric_id_at(i), leftover[i])
        add(
            "intake.error.unit_mismatch",
            has_unit & ~fits,
            value_col,
            value_at,
            lambda i: {"unit": leftover[i], "expected": cat[metric_id_at(i)].unit_zh},
        )
    scale = None  # most files have no units to scale by: a million values need no multiplication
    if "scale" in cells or (scale_u != 1).any():
        scale = np.nan_to_num(cells["scale"].to_numpy(dtype="float64"), nan=1.0) if "scale" in cells else np.ones(len(cells))
        scale = scale * scale_u[codes]
    if unit_error_u.any():
        add("intake.error.unit_mismatch", unit_error_u[codes] & considered, metric_col, lambda i: text_at("metric_text", i),
            lambda i: {"unit": resolver.resolve(text_at("metric_text", i)).unit, "expected": cat[metric_id_at(i)].unit_zh})
    value = parsed["value"].to_numpy() if scale is None else np.round(parsed["value"].to_numpy() * scale, 10)
    sound = known & ~missing & ~bad
    add("intake.error.negative", sound & nonneg_u[codes] & (value < 0), value_col, value_at)
    magnitude = np.abs(value)  # finite wherever `sound`; NaN (every comparison false) only where it is not
    imprecise = sound & (magnitude >= EXACT_LIMIT)
    add("intake.error.imprecise", imprecise, value_col, value_at)
    bound_u = np.append(bounds.of(cat, resolved), np.inf)  # the one rule of every path (museum.bounds)
    beyond = (sound & ~imprecise & (magnitude > bound_u[codes])) if np.isfinite(bound_u).any() else np.zeros(len(cells), dtype=bool)
    if beyond.any():
        params = lambda i: {"bound": bounds.text(bound_u[codes[i]], cat[metric_id_at(i)].unit_zh)}  # noqa: E731
        if allow_implausible:
            notices.append(Notice("intake.warning.implausible_allowed", {"count": int(beyond.sum()), "rows": _rows_text(rows[beyond])}))
        else:
            add("intake.error.implausible", beyond, value_col, value_at, params)

    year = cells["year"].to_numpy(dtype="float64")
    month = cells["month"].to_numpy(dtype="float64")
    if year_column is not None:
        first, last = year_bounds()
        out = considered & ~np.isnan(year) & ((year < first) | (year > last))
        add("intake.error.year_range", out, year_column, lambda i: str(int(year[i])), {"first": first, "last": last})
    if month_column is not None:
        out = considered & ~np.isnan(month) & ((month < 1) | (month > 12))
        add("intake.error.month_range", out, month_column, lambda i: str(int(month[i])))

    # every cell with a value, a known metric and a period is a candidate observation
    usable = sound & ~np.isnan(year)
    if errors:
        usable &= ~np.isin(rows, [p.row for p in errors])
    index = np.flatnonzero(usable)
    # a clean file keeps every cell: its columns are taken as they are, not gathered row by row
    every = len(index) == len(cells)
    pick = (lambda array: array) if every else (lambda array: array.take(index))
    picked_month = pick(month)
    no_month = np.isnan(picked_month)
    candidates = pd.DataFrame(
        {
            "metric_id": pd.Categorical.from_codes(pick(metric_id_codes), categories=metric_categories),
            "year": pick(year).astype("int64"),
            "month": pd.arrays.IntegerArray(np.where(no_month, 0, picked_month).astype("int64"), no_month),
            "value": pick(value),
            "qualifier": pick(parsed["qualifier"].array),
            "note": cells["note"].reset_index(drop=True) if every else cells["note"].take(index).reset_index(drop=True),
            "row": pick(rows),
            "value_column": pick(cells["value_column"].astype("category").array),
        },
        copy=False,  # fresh arrays: no copy into one block per type (a million rows)
    )
    observations, conflict_errors, duplicates, unlisted = _deduplicate(candidates, lambda k: text_at("value_text", int(index[k])))
    hidden[0] += unlisted
    errors.extend(conflict_errors)
    if duplicates:
        notices.append(Notice("intake.warning.duplicate_rows", {"count": duplicates}))
    skipped += duplicates
    # each rule listed at most MAX_PROBLEMS (hidden[0] counts the rest); the file's list is cut once, in ingest.analyse
    return Checked(observations, _unique_sorted(errors), notices, skipped, hidden[0])


def _unit_fits(cat: Catalog, metric_id: str, unit: str) -> bool:
    metric = cat[metric_id]
    return unit in (metric.unit_zh, metric.unit_en) or (len(unit) >= 1 and unit in metric.unit_zh)


def _distinct_periods(candidates: pd.DataFrame) -> bool:
    """Whether no (metric, year, month) occurs twice, told from one integer per row: at once when
    the rows come sorted (as exported sheets usually do), else by hashing."""
    codes = candidates["metric_id"].cat.codes.to_numpy().astype("int64")
    years = candidates["year"].to_numpy()
    months = candidates["month"].fillna(0).to_numpy(dtype="int64")
    first, last = int(years.min()), int(years.max())
    if (last - first + 1) * 13 * (len(candidates["metric_id"].cat.categories) + 1) >= 2**62:
        return not candidates.duplicated(["metric_id", "year", "month"]).any()
    keys = (codes * (last - first + 1) + (years - first)) * 13 + months
    if len(keys) < 2 or bool((keys[1:] > keys[:-1]).all()):
        return True
    return not pd.Index(keys).has_duplicates


def _deduplicate(candidates: pd.DataFrame, text_of) -> tuple[pd.DataFrame, list[Problem], int, int]:
    """Identical repeats of a (metric, period) are dropped; different values for one are errors.

    Returns (kept, errors, identical repeats dropped, conflicting cells not listed)."""
    key = ["metric_id", "year", "month"]
    if candidates.empty or _distinct_periods(candidates):
        return candidates.reset_index(drop=True), [], 0, 0
    repeated = candidates.duplicated(key, keep=False).to_numpy()
    if not repeated.any():
        return candidates.reset_index(drop=True), [], 0, 0
    group = candidates[repeated]
    variants = group.groupby(key, dropna=False)[["value", "qualifier"]].transform(lambda s: s.nunique(dropna=False))
    conflicting = ((variants["value"] > 1) | (variants["qualifier"] > 1)).to_numpy()
    errors = []
    if conflicting.any():
        clash = group[conflicting]  # its index is each candidate's position (a fresh RangeIndex)
        for _, rows_of_key in clash.groupby(key, dropna=False):
            all_rows = sorted(int(r) for r in rows_of_key["row"])
            for row, column, k in zip(rows_of_key["row"], rows_of_key["value_column"], rows_of_key.index):
                if len(errors) >= MAX_PROBLEMS:
                    break  # the file is refused anyway; the first thousand say what to fix
                others = [r for r in all_rows if r != int(row)]
                text = text_of(int(k))
                if not others:  # two columns of one row hold the same metric (e.g. a column mapped onto it)
                    columns = quoted(dict.fromkeys(str(c) for c in rows_of_key["value_column"]))
                    errors.append(Problem("intake.error.conflict_columns", int(row), column, text, {"columns": columns}))
                    continue
                listed = Listing.of(others, limit=20)
                errors.append(Problem("intake.error.conflict", int(row), column, text, {"rows": listed}))
    kept = candidates.drop_duplicates(key, keep="first").reset_index(drop=True)
    # with conflicts the file is rejected anyway; identical repeats are only counted without them
    unlisted = int(conflicting.sum()) - len(errors) if conflicting.any() else 0
    return kept, errors, 0 if errors else len(candidates) - len(kept), unlisted


def _unique_sorted(errors: list[Problem]) -> list[Problem]:
    seen, result = set(), []
    for problem in errors:
        marker = (problem.key, problem.row, problem.column)
        if marker not in seen:
            seen.add(marker)
            result.append(problem)
    return sorted(result, key=lambda p: (p.row if p.row is not None else 0))
