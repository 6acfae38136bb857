"""Read an upload into sheets of text cells: CSV/TSV text, xlsx/xls/ods workbooks, HTML tables.

A grid is a DataFrame of strings (None for an empty cell) with columns c0, c1, …; its index
is the row number Excel shows for that line (blank lines count, as Excel shows them). The kind
of file is told by its bytes (museum.intake.decode.file_kind), never by its name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from museum.intake import htmltable, textgrid, workbook
from museum.intake.decode import check_size, decode, detect_delimiter, file_kind
from museum.intake.problems import FileRejected
from museum.intake.workbook import SheetGrid


@dataclass
class Book:
    """Every readable sheet of an upload (a text file is one sheet without a name)."""

    kind: str                         # text | xlsx | xls | ods | html
    encoding: str                     # utf-8 | utf-8-sig | gbk | gb18030 | utf-16 | xlsx | xls | ods | html
    sheets: list[SheetGrid] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    delimiter: str | None = None


def read_book(content: bytes, sheet: str | None = None) -> Book:
    """All visible sheets (or only `sheet`); FileRejected when the file cannot be read at all."""
    check_size(content)
    kind = file_kind(content)
    if kind in ("xlsx", "xls", "ods"):
        book = workbook.read_workbook(content, kind, sheet)
        return Book(kind, kind, book.sheets, book.hidden, book.names)
    decoded = decode(content)
    if kind == "html":
        grids = htmltable.read_tables(decoded.text)
        if not grids:
            raise FileRejected("intake.error.html_no_table")
        names = [f"table {i}" for i in range(1, len(grids) + 1)]
        if sheet is not None and sheet not in names:
            raise FileRejected("intake.error.unknown_sheet", sheet=sheet, sheets="、".join(names))
        chosen = [SheetGrid(n, g) for n, g in zip(names, grids) if sheet is None or n == sheet]
        return Book("html", "html", chosen, [], names)
    decoded = textgrid.normalise_line_ends(decoded)
    delimiter = detect_delimiter(decoded.head())
    cells = textgrid.read_text(decoded, delimiter)
    return Book("text", decoded.encoding, [SheetGrid(None, cells)], [], [], delimiter)
