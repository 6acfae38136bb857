"""HTML tables (a platform's "Excel" download that is really a web page) into text grids.

The standard library's parser is used: it expands only HTML's own character references and
never fetches or declares anything, so a hostile page cannot expand entities or reach out.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd

from museum.intake.problems import FileRejected
from museum.intake.workbook import MAX_CELLS, MAX_COLUMNS, MAX_ROWS


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str | None]]] = []
        self._stack: list[list] = []   # tables being read (nested tables are read separately)
        self._row: list | None = None
        self._cell: list[str] | None = None
        self._span = 1
        self.cells = 0

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._stack.append([])
        elif tag == "tr" and self._stack:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._span = min(int(span), MAX_COLUMNS) if span.isdigit() and int(span) > 0 else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            text = "".join(self._cell).strip()
            self._row.append(text or None)
            self._row.extend([None] * (self._span - 1))
            self.cells += self._span
            self._cell = None
            if len(self._row) > MAX_COLUMNS:
                raise FileRejected("intake.error.too_many_columns", sheet="HTML", columns=f"{len(self._row):,}", limit=MAX_COLUMNS)
            if self.cells > MAX_CELLS:
                raise FileRejected("intake.error.too_many_cells", sheet="HTML", cells=f"{self.cells:,}", limit=f"{MAX_CELLS:,}")
        elif tag == "tr" and self._row is not None and self._stack:
            self._stack[-1].append(self._row)
            self._row = None
            if len(self._stack[-1]) > MAX_ROWS:
                raise FileRejected("intake.error.too_many_rows", sheet="HTML", rows=f"{len(self._stack[-1]):,}", limit=f"{MAX_ROWS:,}")
        elif tag == "table" and self._stack:
            self.tables.append(self._stack.pop())

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def read_tables(text: str) -> list[pd.DataFrame]:
    """Every non-empty table of the page, in order, as a grid (index = row number from 1)."""
    parser = _Tables()
    parser.feed(text)
    parser.close()
    grids = []
    for rows in parser.tables:
        rows = [r for r in rows if r]
        if not rows:
            continue
        width = max(len(r) for r in rows)
        frame = pd.DataFrame([r + [None] * (width - len(r)) for r in rows], columns=[f"c{i}" for i in range(width)], dtype="str")
        frame.index = pd.RangeIndex(1, len(frame) + 1)
        grids.append(frame)
    return grids
