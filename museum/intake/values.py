"""Cell values to numbers and periods, column-wise: each distinct text is parsed once.

A million-row column usually holds far fewer distinct texts; plain numbers take a vectorised
path, everything else (千分位, 万/亿, 超/约 qualifiers, unit suffixes) goes through
`museum.numbers.parse_quantity`, once per distinct (text, metric unit).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import numpy as np
import pandas as pd

from museum.numbers import NotANumber, chinese_numeral, is_missing, parse_quantity

_YEAR = re.compile(r"^(\d{4})(?:\.0+)?\s*(?:年度?)?$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*(?:年|-|/|\.|_)\s*(\d{1,2})\s*(?:月份?)?(?:-01)?$")
_MONTH = re.compile(r"^(\d{1,2})(?:\.0+)?\s*(?:月份?)?$")
_CN_MONTH = re.compile(r"^([一二三四五六七八九十]+)\s*月份?$")
_PLAIN_NUMBER = re.compile(r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)$")


FIRST_YEAR = 2000


def year_bounds() -> tuple[int, int]:
    """Years an upload may carry: 2000 up to next year (plans and targets)."""
    return FIRST_YEAR, dt.date.today().year + 1


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip()


def parse_period(text) -> tuple[int, int | None] | None:
    """'2023', '2023年' -> (2023, None); '2024-03', '2024年3月', '2024/3' -> (2024, 3); else None.

    The month is returned as written (13 stays 13): range checks are the caller's.
    """
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return None
    folded = _fold(text)
    match = _YEAR.match(folded)
    if match:
        return int(match[1]), None
    match = _YEAR_MONTH.match(folded)
    if match:
        return int(match[1]), int(match[2])
    return None


def parse_year(text) -> int | None:
    period = parse_period(text)
    return period[0] if period and period[1] is None else None


def parse_month(text) -> int | None:
    """'3', '03', '3月', '三月', '十二月份', '2024-03' -> the month number; None when not a month."""
    folded = _fold(text)
    match = _MONTH.match(folded)
    if match:
        return int(match[1])
    match = _CN_MONTH.match(folded)
    if match:
        return chinese_numeral(match[1])
    period = parse_period(folded)
    if period and period[1] is not None:
        return period[1]
    return None


def map_distinct(series: pd.Series, parse) -> pd.Series:
    """`parse` applied to each distinct non-empty text once, spread back over the column."""
    codes, uniques = pd.factorize(series)
    parsed = np.array([parse(u) for u in uniques] + [None], dtype=object)
    return pd.Series(parsed[codes], index=series.index)  # code -1 (missing) takes the trailing None


def blank(series: pd.Series) -> pd.Series:
    """True where a cell is empty or only spaces."""
    return series.isna() | (series.str.strip() == "")


def parse_values(texts: pd.Series, units: pd.Series) -> pd.DataFrame:
    """Columns value (float, NaN when not reported), qualifier, unit (text left after the number),
    missing (not reported: empty, -, —, /) and bad (not a number).

    `units` is each row's metric unit (the suffix that may follow the number, e.g. 篇).
    """
    n = len(texts)
    value = np.full(n, np.nan)
    qualifier = np.full(n, "exact", dtype=object)
    leftover = np.full(n, "", dtype=object)
    missing = np.zeros(n, dtype=bool)
    bad = np.zeros(n, dtype=bool)

    codes, uniques = pd.factorize(texts)
    missing[codes == -1] = True
    unique_texts = pd.Series(uniques, dtype="str")
    stripped = unique_texts.str.strip()
    plain = stripped.str.match(_PLAIN_NUMBER.pattern).fillna(False).to_numpy(dtype=bool)
    plain_values = pd.to_numeric(stripped.where(plain), errors="coerce").to_numpy(dtype=float)
    is_plain_row = np.zeros(n, dtype=bool)
    known = codes >= 0
    is_plain_row[known] = plain[codes[known]]
    value[is_plain_row] = plain_values[codes[is_plain_row]]

    rest = np.flatnonzero(known & ~is_plain_row)
    if len(rest):
        pairs = pd.DataFrame({"code": codes[rest], "unit": units.to_numpy(dtype=object)[rest]})
        pair_codes, pair_uniques = pd.factorize(pd.MultiIndex.from_frame(pairs))
        results = []
        for code, unit in pair_uniques:
            text = uniques[code]
            if is_missing(text):
                results.append(("missing", np.nan, "exact", ""))
                continue
            try:
                quantity = parse_quantity(text, unit or "")
            except NotANumber:
                results.append(("bad", np.nan, "exact", ""))
                continue
            results.append(("ok", quantity.value, quantity.qualifier, quantity.unit))
        state = np.array([r[0] for r in results], dtype=object)[pair_codes]
        value[rest] = np.array([r[1] for r in results], dtype=float)[pair_codes]
        qualifier[rest] = np.array([r[2] for r in results], dtype=object)[pair_codes]
        leftover[rest] = np.array([r[3] for r in results], dtype=object)[pair_codes]
        missing[rest] = state == "missing"
        bad[rest] = state == "bad"
    bad |= ~missing & ~np.isfinite(np.where(missing | bad, 0.0, value))
    return pd.DataFrame(
        {"value": value, "qualifier": qualifier, "unit": leftover, "missing": missing, "bad": bad},
        index=texts.index,
    )
