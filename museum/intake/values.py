"""Cell values to numbers and periods, column-wise: each distinct text is parsed once.

A million-row column usually holds far fewer distinct texts; plain numbers take a vectorised
path, everything else (千分位, 万/亿, 超/约 qualifiers, unit suffixes) goes through
`museum.numbers.parse_quantity`, once per distinct (text, metric unit).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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


def _arrow_strings(series: pd.Series) -> pa.ChunkedArray | None:
    """The Arrow strings behind a text column (pandas' default string storage), without a copy;
    None for any other column (those take pandas' own path)."""
    dtype = series.dtype
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        return None
    found = pa.array(series.array)
    return found if isinstance(found, pa.ChunkedArray) else pa.chunked_array([found])


def factorize(series: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """(codes, uniques) as `pd.factorize` gives them (-1 for an empty cell, uniques in order of
    first appearance as a text Series); Arrow's hash table for Arrow strings, which is faster."""
    strings = _arrow_strings(series)
    if strings is None:
        codes, uniques = pd.factorize(series)
        return codes, pd.Series(uniques)
    if len(strings) == 0:
        return np.zeros(0, dtype=np.intp), pd.Series([], dtype="str")
    encoded = pc.dictionary_encode(strings)
    dictionaries = {(len(chunk.dictionary), chunk.dictionary.buffers()[-1].address) for chunk in encoded.chunks}
    if len(dictionaries) > 1:  # Arrow gives every chunk the one dictionary it built; if not, make it so
        encoded = encoded.unify_dictionaries()
    indices = [pc.fill_null(chunk.indices, -1).to_numpy(zero_copy_only=False) for chunk in encoded.chunks]
    codes = np.concatenate(indices).astype(np.int32, copy=False)  # positions into at most a million texts
    return codes, pd.Series(pd.arrays.ArrowStringArray(encoded.chunk(0).dictionary))


def numbers_distinct(series: pd.Series, parse) -> np.ndarray:
    """`parse` (returning an int or None) applied to each distinct text once: floats, NaN for None."""
    codes, uniques = factorize(series)
    parsed = np.array([np.nan if (v := parse(u)) is None else float(v) for u in uniques.tolist()] + [np.nan])
    return parsed[codes]


def blank_cell(cell) -> bool:
    """One cell of a grid is empty: None, NaN or only spaces (`blank` for a whole column)."""
    return cell is None or (isinstance(cell, float) and math.isnan(cell)) or not str(cell).strip()


def blank(series: pd.Series) -> pd.Series:
    """True where a cell is empty or only spaces."""
    strings = _arrow_strings(series)
    if strings is None:
        return series.isna() | (series.str.strip() == "")
    # Arrow's test for "only spaces" is the same Unicode set as its (and Python's) strip
    found = pc.or_kleene(pc.equal(pc.binary_length(strings), 0), pc.utf8_is_space(strings))
    found = pc.fill_null(found, True).to_numpy(zero_copy_only=False)
    return pd.Series(found, index=series.index)


# The shapes most cells take, parsed without parse_quantity. Anything else (signs, 十/百
# numerals, a unit after a multiplier, two qualifiers) goes to parse_quantity.
_SIMPLE = re.compile(
    r"^(?P<pre>超过|多于|大于|不少于|不低于|超|逾|将近|接近|大约|约|近)?"
    r"(?P<num>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
    r"(?P<mult>千万|百万|万|亿|千)?"
    r"(?P<post>以上|余|多|\+|左右|上下)?"
    r"(?P<unit>[\u4e00-\u9fff%A-Za-z²]*)$"
)
_AT_LEAST_WORDS = {"超过", "多于", "大于", "不少于", "不低于", "超", "逾", "以上", "余", "多", "+"}
_MULTIPLIER = {"万": 1e4, "亿": 1e8, "千": 1e3, "百万": 1e6, "千万": 1e7, None: 1.0}
_QUALIFIER_CHARS = set("左右上下余多以超约近逾")
_COMMA_INTEGER = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_CLEAN = re.compile(r"[,，\s']")
QUALIFIER_CODES = {"exact": 0, "at_least": 1, "approx": 2}
QUALIFIER_NAMES = ["exact", "at_least", "approx"]


def simple_quantity(text: str):
    """(value, qualifier, leftover unit) for the common shapes, else None (use parse_quantity).

    Reads the text the way parse_quantity does: NFKC (full-width digits), no 千分位 commas.
    """
    cleaned = _CLEAN.sub("", unicodedata.normalize("NFKC", text))
    match = _SIMPLE.match(cleaned)
    if not match:
        return None
    pre, post, mult, unit = match["pre"], match["post"], match["mult"], match["unit"]
    if (pre and post) or (mult and unit) or (_QUALIFIER_CHARS & set(unit)):
        return None
    word = pre or post
    qualifier = "at_least" if word in _AT_LEAST_WORDS else ("approx" if word else "exact")
    return round(float(match["num"]) * _MULTIPLIER[mult], 10), qualifier, unit


def parse_values(texts: pd.Series, units) -> pd.DataFrame:
    """Columns value (float, NaN when not reported), qualifier (categorical), unit (categorical:
    the text left after the number), missing (not reported: empty, -, —, /) and bad (not a number).

    `units` is each row's metric unit, the suffix that may follow the number (e.g. 篇): an
    array-like with one per row, or a function giving the units of the rows (positions) it is
    asked about, so that a caller need not spread them over a million rows for the few texts
    that need them. Every distinct text is parsed once: plain numbers column-wise, 千分位
    integers ("12,345") and the other common shapes with one regex each, the rest with
    parse_quantity once per distinct (text, unit).
    """
    codes, uniques = factorize(texts)
    count = len(uniques)
    # one slot per distinct text and a last one for an empty cell (code -1 picks it)
    u_value = np.full(count + 1, np.nan)
    u_qualifier = np.zeros(count + 1, dtype=np.int8)
    unit_names = {"": 0}  # the units left over, numbered: the column is categorical
    u_unit = np.zeros(count + 1, dtype=np.int32)
    plain = uniques.str.match(_PLAIN_NUMBER.pattern).fillna(False).to_numpy(dtype=bool)
    u_value[:count][plain] = pd.to_numeric(uniques[plain], errors="coerce").to_numpy(dtype=float)
    u_done = np.append(plain, True)
    text_list = uniques.tolist()
    for k in np.flatnonzero(~plain):
        text = text_list[k]
        if _COMMA_INTEGER.fullmatch(text):  # what simple_quantity makes of it, without its regexes
            u_value[k], u_done[k] = float(text.replace(",", "")), True
            continue
        found = simple_quantity(text)
        if found is not None:
            u_value[k], u_qualifier[k] = found[0], QUALIFIER_CODES[found[1]]
            u_unit[k] = unit_names.setdefault(found[2], len(unit_names))
            u_done[k] = True
    u_bad = u_done & ~np.isfinite(u_value)  # a number too large for a float is not one
    u_bad[count] = False  # an empty cell is missing, not bad

    value = u_value[codes]
    qualifier = u_qualifier[codes]
    unit = u_unit[codes]
    bad = u_bad[codes]
    missing = codes == -1

    hard = np.flatnonzero(~u_done[codes])
    if len(hard):
        hard_units = units(hard) if callable(units) else np.asarray(units, dtype=object)[hard]
        pairs = pd.DataFrame({"code": codes[hard], "unit": hard_units})
        pair_codes, pair_uniques = pd.factorize(pd.MultiIndex.from_frame(pairs))
        results = []
        for code, metric_unit in pair_uniques:
            text = text_list[code]
            if is_missing(text):
                results.append(("missing", np.nan, 0, 0))
                continue
            try:
                quantity = parse_quantity(text, metric_unit or "")
            except NotANumber:
                results.append(("bad", np.nan, 0, 0))
                continue
            results.append(("ok", quantity.value, QUALIFIER_CODES[quantity.qualifier], unit_names.setdefault(quantity.unit, len(unit_names))))
        state = np.array([r[0] for r in results], dtype=object)[pair_codes]
        value[hard] = np.array([r[1] for r in results], dtype=float)[pair_codes]
        qualifier[hard] = np.array([r[2] for r in results], dtype=np.int8)[pair_codes]
        unit[hard] = np.array([r[3] for r in results], dtype=np.int32)[pair_codes]
        missing[hard] = state == "missing"
        bad[hard] = (state == "bad") | ((state == "ok") & ~np.isfinite(value[hard]))
    return pd.DataFrame(
        {
            "value": value,
            "qualifier": pd.Categorical.from_codes(qualifier, categories=QUALIFIER_NAMES),
            "unit": pd.Categorical.from_codes(unit, categories=list(unit_names)),
            "missing": missing,
            "bad": bad,
        },
        index=texts.index,
        copy=False,  # fresh arrays: no copy into one block per type (a million rows)
    )
