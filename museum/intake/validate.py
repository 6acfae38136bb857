"""The validation rules over flattened cells, column-wise: every problem is listed, not the first.

Input is one row per value cell (see layout.CELL_COLUMNS); output is the observations to write
(metric_id, year, month, value, qualifier, note, sentence, plus row and value_column for
messages), the errors (any error rejects the whole file) and notices.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from museum.catalog import Catalog, normalize_name
from museum.intake.problems import Notice, Problem
from museum.intake.values import blank, map_distinct, parse_values, year_bounds

TOTAL_WORDS = {normalize_name(w) for w in ("合计", "总计", "小计", "总数", "total", "subtotal", "grand total", "sum")}


@dataclass
class Checked:
    observations: pd.DataFrame
    errors: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    skipped: int = 0


def _rows_text(rows) -> str:
    rows = sorted({int(r) for r in rows})
    shown = "、".join(str(r) for r in rows[:20])
    return shown + ("…" if len(rows) > 20 else "")


def _suggestion_text(cat: Catalog, ids: list[str]) -> str:
    return "、".join(f"{cat[i].name_zh} ({i})" for i in ids)


def check_cells(cells: pd.DataFrame, cat: Catalog) -> Checked:
    errors: list[Problem] = []
    notices: list[Notice] = []
    cells = cells.reset_index(drop=True)
    rows = cells["row"].to_numpy()
    metric_blank = blank(cells["metric_text"]).to_numpy()
    folded = map_distinct(cells["metric_text"], normalize_name)
    is_total = folded.isin(TOTAL_WORDS).to_numpy()
    if is_total.any():
        notices.append(Notice("intake.warning.total_rows", {"rows": _rows_text(rows[is_total])}))

    metric_ids = map_distinct(cells["metric_text"], cat.resolve).to_numpy(dtype=object)
    metric_series = pd.Series(metric_ids, dtype=object)
    units = metric_series.map({m.metric_id: m.unit_zh for m in cat}).fillna("")
    parsed = parse_values(cells["value_text"], units)
    missing = parsed["missing"].to_numpy()
    considered = ~is_total & ~(metric_blank & missing)
    skipped = int((is_total | missing).sum())

    def add(key, mask, column, value, params=None):
        for i in np.flatnonzero(mask):
            p = params(i) if callable(params) else (params or {})
            errors.append(Problem(key, int(rows[i]), column(i) if callable(column) else column, value(i), p))

    metric_text = cells["metric_text"].to_numpy(dtype=object)
    value_text = cells["value_text"].to_numpy(dtype=object)
    metric_column = cells["metric_column"].to_numpy(dtype=object)
    value_column = cells["value_column"].to_numpy(dtype=object)

    add("intake.error.no_metric", considered & metric_blank & ~missing, lambda i: metric_column[i], lambda i: None)
    unknown = considered & ~metric_blank & pd.isna(metric_ids)
    suggestions = {text: cat.suggest(text) for text in set(metric_text[unknown])}
    suggested = np.array([bool(suggestions.get(text)) for text in metric_text], dtype=bool) if unknown.any() else unknown
    add(
        "intake.error.unknown_metric",
        unknown & suggested,
        lambda i: metric_column[i],
        lambda i: str(metric_text[i]).strip(),
        lambda i: {"suggestions": _suggestion_text(cat, suggestions[metric_text[i]])},
    )
    add("intake.error.unknown_metric_plain", unknown & ~suggested, lambda i: metric_column[i], lambda i: str(metric_text[i]).strip())
    known = considered & ~pd.isna(metric_ids)
    bad = parsed["bad"].to_numpy() & considered
    formula = np.zeros(len(cells), dtype=bool)
    for i in np.flatnonzero(bad):
        formula[i] = str(value_text[i]).lstrip().startswith("=")
    add("intake.error.formula", formula, lambda i: value_column[i], lambda i: str(value_text[i]))
    add("intake.error.not_a_number", bad & ~formula, lambda i: value_column[i], lambda i: str(value_text[i]))

    leftover = parsed["unit"].to_numpy(dtype=object)
    has_unit = known & ~bad & ~missing & (leftover != "")
    if has_unit.any():
        fits = np.ones(len(cells), dtype=bool)
        for i in np.flatnonzero(has_unit):
            fits[i] = _unit_fits(cat, metric_ids[i], leftover[i])
        add(
            "intake.error.unit_mismatch",
            has_unit & ~fits,
            lambda i: value_column[i],
            lambda i: str(value_text[i]),
            lambda i: {"unit": leftover[i], "expected": cat[metric_ids[i]].unit_zh},
        )
    value = parsed["value"].to_numpy()
    non_negative = metric_series.map({m.metric_id: m.non_negative for m in cat}).fillna(False).to_numpy(dtype=bool)
    add("intake.error.negative", known & ~missing & ~bad & non_negative & (value < 0), lambda i: value_column[i], lambda i: str(value_text[i]))

    year = cells["year"].to_numpy(dtype="float64", na_value=np.nan)
    month = cells["month"].to_numpy(dtype="float64", na_value=np.nan)
    year_column = cells.attrs.get("year_column")
    month_column = cells.attrs.get("month_column")
    if year_column is not None:
        first, last = year_bounds()
        out = considered & ~np.isnan(year) & ((year < first) | (year > last))
        add("intake.error.year_range", out, year_column, lambda i: str(int(year[i])), {"first": first, "last": last})
    if month_column is not None:
        out = considered & ~np.isnan(month) & ((month < 1) | (month > 12))
        add("intake.error.month_range", out, month_column, lambda i: str(int(month[i])))

    # every cell with a value, a known metric and a period is a candidate observation
    with_error = np.zeros(len(cells), dtype=bool)
    if errors:
        error_rows = {p.row for p in errors}
        with_error = np.isin(rows, list(error_rows))
    usable = known & ~missing & ~bad & ~np.isnan(year) & ~with_error
    candidates = pd.DataFrame(
        {
            "metric_id": metric_ids[usable],
            "year": year[usable].astype("int64"),
            "month": pd.array(month[usable], dtype="Float64").astype("Int64"),
            "value": value[usable],
            "qualifier": parsed["qualifier"].to_numpy(dtype=object)[usable],
            "note": cells["note"].to_numpy(dtype=object)[usable],
            "sentence": None,
            "row": rows[usable],
            "value_column": value_column[usable],
        }
    )
    observations, conflict_errors, duplicates = _deduplicate(candidates, value_text[usable])
    errors.extend(conflict_errors)
    if duplicates:
        notices.append(Notice("intake.warning.duplicate_rows", {"count": duplicates}))
    skipped += duplicates
    errors = _unique_sorted(errors)
    return Checked(observations, errors, notices, skipped)


def _unit_fits(cat: Catalog, metric_id: str, unit: str) -> bool:
    metric = cat[metric_id]
    return unit in (metric.unit_zh, metric.unit_en) or (len(unit) >= 1 and unit in metric.unit_zh)


def _deduplicate(candidates: pd.DataFrame, texts) -> tuple[pd.DataFrame, list[Problem], int]:
    """Identical repeats of a (metric, period) are dropped; different values for one are errors."""
    key = ["metric_id", "year", "month"]
    if candidates.empty:
        return candidates, [], 0
    repeated = candidates.duplicated(key, keep=False).to_numpy()
    if not repeated.any():
        return candidates.reset_index(drop=True), [], 0
    group = candidates[repeated]
    variants = group.groupby(key, dropna=False)[["value", "qualifier"]].transform(lambda s: s.nunique(dropna=False))
    conflicting = ((variants["value"] > 1) | (variants["qualifier"] > 1)).to_numpy()
    errors = []
    if conflicting.any():
        clash = group[conflicting].copy()
        clash["text"] = np.asarray(texts, dtype=object)[repeated][conflicting]
        for _, rows_of_key in clash.groupby(key, dropna=False):
            all_rows = sorted(int(r) for r in rows_of_key["row"])
            for _, cell in rows_of_key.iterrows():
                others = "、".join(str(r) for r in all_rows if r != int(cell["row"]))
                errors.append(Problem("intake.error.conflict", int(cell["row"]), cell["value_column"], str(cell["text"]), {"rows": others}))
    kept = candidates.drop_duplicates(key, keep="first").reset_index(drop=True)
    # with conflicts the file is rejected anyway; identical repeats are only counted without them
    return kept, errors, 0 if errors else len(candidates) - len(kept)


def _unique_sorted(errors: list[Problem]) -> list[Problem]:
    seen, result = set(), []
    for problem in errors:
        marker = (problem.key, problem.row, problem.column)
        if marker not in seen:
            seen.add(marker)
            result.append(problem)
    return sorted(result, key=lambda p: (p.row if p.row is not None else 0))
