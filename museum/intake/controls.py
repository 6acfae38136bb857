"""NUL and other control characters: removed from what a file brings in, refused in what a person types.

A NUL or an escape character in a note, an institution name or a video title is invisible on
the page, breaks the XML of every .docx/.xlsx export and can hide text from a search. Files are
cleaned where they are read (the intake says how many it removed); a typed text is refused with
the field named. Tab, line feed and carriage return are text (a note typed with Alt+Enter).
"""

from __future__ import annotations

import re

import pandas as pd

from museum.errors import InputRejected

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> tuple[str, int]:
    """`text` without control characters, and how many there were."""
    cleaned, count = CONTROL.subn("", text)
    return cleaned, count


def clean_grids(sheets) -> int:
    """Remove control characters from every text cell of the sheets (SheetGrid.cells, in place); the
    count removed. Each column is scanned once as one string, so a clean million-cell sheet costs
    a few milliseconds and only a sheet that has one is rewritten."""
    removed = 0
    for sheet in sheets:
        cells = sheet.cells
        for column in cells.columns:
            values = cells[column]
            if not pd.api.types.is_string_dtype(values) and values.dtype != object:
                continue
            if not CONTROL.search("\n".join(v for v in values if isinstance(v, str))):
                continue
            counted = [CONTROL.subn("", v) if isinstance(v, str) else (v, 0) for v in values]
            cells[column] = pd.Series([value for value, _ in counted], index=values.index, dtype=values.dtype)
            removed += sum(count for _, count in counted)
    return removed


def refuse_in_typed(text: str | None, field_zh: str, field_en: str) -> None:
    """InputRejected when a typed text holds a control character (it cannot have been meant)."""
    if text is not None and CONTROL.search(str(text)):
        raise InputRejected("intake.control_chars_typed", field_zh=field_zh, field_en=field_en)
