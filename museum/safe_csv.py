"""Spreadsheet-safe exports: neutralise formula cells; CSV as UTF-8 with BOM (Excel reads it).

A cell whose text begins with = + - @ (or a tab / carriage return, or their full-width forms,
which some Chinese IMEs type) can be run as a formula when the file is opened in Excel or WPS
("CSV injection"). Such text gets a leading apostrophe, which spreadsheets show as plain text.
Plain numbers written as text ("-12", "+3.5%", "-1,234") are left alone: they are not formulas.
Every CSV or XLSX the project hands out goes through `neutralise_frame` first.
"""

from __future__ import annotations

import io
import re

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?%?")


def neutralise(value):
    """`value` made safe to open in a spreadsheet; non-text values are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every text cell and every column name neutralised."""
    safe = frame.copy()
    for column in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[column]) or pd.api.types.is_datetime64_any_dtype(safe[column])):
            safe[column] = safe[column].map(neutralise, na_action="ignore")
    safe.columns = [neutralise(str(c)) if isinstance(c, str) else c for c in safe.columns]
    return safe


def csv_bytes(frame: pd.DataFrame, *, index: bool = False) -> bytes:
    """`frame` as CSV bytes: neutralised, UTF-8 with a byte-order mark, CRLF line ends."""
    buffer = io.StringIO()
    neutralise_frame(frame).to_csv(buffer, index=index, lineterminator="\r\n")
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
