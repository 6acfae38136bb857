"""Spreadsheet-safe exports: neutralise formula cells; CSV as UTF-8 with BOM, XLSX by openpyxl.

A cell whose text begins with = + - @ (or a tab / carriage return, or their full-width forms,
which some Chinese IMEs type) can run as a formula when the file is opened in Excel or WPS
("CSV injection"). Such text gets a leading apostrophe, which spreadsheets show as plain text.
Plain numbers written as text ("-12", "+3.5%", "-1,234") are left alone: they are not formulas.
"""

from __future__ import annotations

import io
import re

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?%?")
XLSX_SHEET_NAME_MAX = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# control characters that XML (and so XLSX and DOCX) cannot hold at all; tab, LF and CR can stay
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def formula_like(value) -> bool:
    """Text a spreadsheet could take for a formula (numbers written as text are not)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value)


def neutralise(value):
    """`value` made safe to open in a spreadsheet; non-text values are returned unchanged."""
    return "'" + value if formula_like(value) else value


def mark_text(cell) -> None:
    """An openpyxl cell whose formula-like text stays text: a string cell with Excel's own quote
    prefix (what typing an apostrophe first does), so neither opening nor editing it runs it and
    the text ("=300天") shows as written."""
    if formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every text cell and every column name neutralised."""
    safe = frame.copy()
    for column in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[column]) or pd.api.types.is_datetime64_any_dtype(safe[column])):
            # built as object, not through Series.map, which would turn a column of 5528 and 59.27
            # into floats and write "5528.0"
            safe[column] = pd.Series([v if pd.isna(v) else neutralise(v) for v in safe[column]], index=safe.index,
                                     dtype=object)
    safe.columns = [neutralise(str(c)) if isinstance(c, str) else c for c in safe.columns]
    return safe


def xml_safe(value):
    """Text with the characters XML cannot store removed (a pasted \\x07 would break the file)."""
    return XML_ILLEGAL.sub("", value) if isinstance(value, str) else value


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """`frame` as CSV bytes: neutralised, UTF-8 with a byte-order mark (Excel reads it), CRLF."""
    buffer = io.StringIO()
    neutralise_frame(frame).to_csv(buffer, index=False, lineterminator="\r\n")
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def sheet_name(name: str) -> str:
    """A valid worksheet name: no []:*?/\\ and at most 31 characters."""
    return _SHEET_FORBIDDEN.sub("_", str(name))[:XLSX_SHEET_NAME_MAX] or "Sheet"


def to_xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """One worksheet per entry (in order), every text cell neutralised, header row frozen."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            title = sheet_name(name)
            safe = neutralise_frame(frame)
            for column in safe.columns:
                if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
                    safe[column] = safe[column].map(xml_safe, na_action="ignore")
            safe.to_excel(writer, sheet_name=title, index=False)
            worksheet = writer.sheets[title]
            worksheet.freeze_panes = "A2"
            for column_cells in worksheet.columns:
                longest = max((len(str(c.value)) if c.value is not None else 0) for c in column_cells)
                worksheet.column_dimensions[column_cells[0].column_letter].width = min(60, max(8, longest * 1.6 + 2))
    return buffer.getvalue()
