"""CSV/TSV text into a grid of text cells, bounded by what is really in the file.

pyarrow's reader takes regular files; anything else goes through Python's csv module one record
at a time, so the caps (columns, rows, cell length) stop the work as soon as a file passes them.
A quoted field may run over line ends (Excel writes a note typed with Alt+Enter so, platforms
their captions): it is read with its line breaks when it closes within MAX_SPAN_LINES lines and
its record has as many cells as the file's one-line records. Anything else is an error naming the
row where the quote opened: one stray quote must not swallow the rest of the file into one note.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from museum.intake.decode import Decoded
from museum.intake.problems import FileRejected
from museum.intake.workbook import MAX_CELLS, MAX_COLUMNS, MAX_ROWS

MAX_FIELD_CHARS = 32_767  # Excel's limit for one cell
MAX_SPAN_LINES = 100      # a note or a caption runs over a few lines; a stray quote over many more


def normalise_line_ends(decoded: Decoded) -> Decoded:
    """Old Mac Excel ends lines with CR only: read them as lines."""
    if decoded.utf8 is not None:  # CR and LF are single bytes in UTF-8: the bytes answer without the text
        cr_only = b"\r" in decoded.utf8 and b"\n" not in decoded.utf8
    else:
        cr_only = "\r" in decoded.text and "\n" not in decoded.text
    if cr_only:
        return Decoded(decoded.encoding, decoded.text.replace("\r", "\n"))
    return decoded


def read_text(decoded: Decoded, delimiter: str) -> pd.DataFrame:
    """The grid of a decoded text: from its UTF-8 bytes (the upload's own, when it is UTF-8) by
    pyarrow when the file is regular, else by the exact reader."""
    head = decoded.head()
    first_line = head[: head.find("\n")] if "\n" in head else decoded.text.split("\n", 1)[0]
    if first_line.count(delimiter) + 1 > MAX_COLUMNS:
        raise FileRejected("intake.error.too_many_columns", sheet="—", columns=f"{first_line.count(delimiter) + 1:,}", limit=MAX_COLUMNS)
    utf8 = decoded.utf8 if decoded.utf8 is not None else decoded.text.encode("utf-8")
    cells = _read_fast(utf8, delimiter, first_line)
    return cells if cells is not None else _read_exact(decoded.text, delimiter)


def _read_fast(utf8: bytes, delimiter: str, first_line: str) -> pd.DataFrame | None:
    """pyarrow's multithreaded reader, when the file is regular enough for row numbers to hold.

    Blank lines (which pyarrow drops), quoted line ends and rows with a different field count
    fall back to the exact reader; so does anything else pyarrow refuses.
    """
    if b"\n\n" in utf8 or b"\n\r\n" in utf8 or utf8.startswith((b"\n", b"\r")):
        return None
    try:
        width = len(next(csv.reader([first_line.rstrip("\r")], delimiter=delimiter), []))
    except csv.Error:
        return None  # a first line beyond the csv module's field limit: the exact reader says where
    try:
        table = pacsv.read_csv(
            io.BytesIO(utf8),
            # blocks of 4 MB keep both cores busy on a 30 MB file; large_string is pandas' own
            # storage for text, so the grid takes the columns as they are
            read_options=pacsv.ReadOptions(autogenerate_column_names=True, block_size=4 << 20),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=False),
            convert_options=pacsv.ConvertOptions(
                column_types={f"f{i}": pa.large_string() for i in range(width)},
                strings_can_be_null=True,
                null_values=[""],
                quoted_strings_can_be_null=True,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    if table.num_rows > MAX_ROWS or table.num_rows * table.num_columns > MAX_CELLS:
        return None  # the exact reader names the row where the cap is passed
    # a record spanning lines makes fewer rows than line ends (a lone CR, which pyarrow also ends
    # a row at, makes more)
    lines = utf8.count(b"\n") + (0 if utf8.endswith(b"\n") else 1)
    if table.num_rows != lines:
        return None  # a quoted line end: the exact reader names the row where the quote opened
    # a cell has at least as many bytes as characters: none over the limit in bytes, none over it at all
    longest = max((pc.max(pc.binary_length(column)).as_py() or 0 for column in table.columns), default=0)
    if longest > MAX_FIELD_CHARS:
        return None  # perhaps an over-long cell: the exact reader names its row
    frame = table.to_pandas()
    frame.columns = [f"c{i}" for i in range(frame.shape[1])]
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame


def _read_exact(text: str, delimiter: str) -> pd.DataFrame:
    """Python's csv module: every record (blank ones included) is one Excel row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, width, cells = [], 0, 0
    spanning: list[tuple[int, int, int, int]] = []  # (row, first line, lines, cells) of records over line ends
    line = 1  # the physical line where the next record starts
    try:
        for record in reader:
            row = len(records) + 1
            if reader.line_num > line:
                lines = reader.line_num - line + 1
                if lines > MAX_SPAN_LINES:
                    raise FileRejected("intake.error.quote_spans_lines", row=row, line=line, lines=lines)
                spanning.append((row, line, lines, len(record)))
            line = reader.line_num + 1
            if len(record) > MAX_COLUMNS:
                raise FileRejected("intake.error.too_many_columns", sheet="—", columns=f"{len(record):,}", limit=MAX_COLUMNS)
            for cell in record:
                if len(cell) > MAX_FIELD_CHARS:
                    raise FileRejected("intake.error.field_too_long", row=row, chars=f"{len(cell):,}", limit=f"{MAX_FIELD_CHARS:,}")
            width = max(width, len(record))
            cells += len(record)
            if row > MAX_ROWS or cells > MAX_CELLS:
                raise FileRejected("intake.error.too_many_rows", sheet="—", rows=f"{row:,}+", limit=f"{MAX_ROWS:,}")
            records.append([(cell if cell != "" else None) for cell in record])
    except csv.Error as exc:
        # the csv module's own limit (a field of 128 KB): a quote that never closed, or one huge line
        if reader.line_num > line:
            # the reader stopped at its limit: the quote runs on over at least this many lines
            raise FileRejected("intake.error.quote_spans_lines", row=len(records) + 1, line=line, lines=f"{reader.line_num - line + 1:,}+") from exc
        raise FileRejected("intake.error.field_too_long", row=len(records) + 1, chars=f"> {csv.field_size_limit():,}", limit=f"{MAX_FIELD_CHARS:,}") from exc
    _check_spanning(records, spanning)
    padded = [r + [None] * (width - len(r)) for r in records]
    frame = pd.DataFrame(padded, columns=[f"c{i}" for i in range(width)], dtype="str")
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame


def _check_spanning(records: list[list], spanning: list[tuple[int, int, int, int]]) -> None:
    """A record over line ends is a cell with line breaks when it has the header's cell count: the
    count most one-line records have (the header's, with its data rows). A stray quote that closes
    at a later stray quote merges rows and leaves a record of another count: refused where it opened."""
    if not spanning:
        return
    multi = {row for row, *_ in spanning}
    counts = Counter(len(r) for k, r in enumerate(records, start=1) if k not in multi and any(c is not None for c in r))
    header = counts.most_common(1)[0][0] if counts else None
    for row, line, lines, found in spanning:
        if found != header:
            raise FileRejected("intake.error.quote_spans_lines_width", row=row, line=line, lines=lines,
                               cells=found, header=header if header is not None else "?")
