"""Read an upload into a grid of text cells: CSV/TSV text or an .xlsx sheet.

The grid is a DataFrame of strings (None for an empty cell) with columns c0, c1, …; its index
is the row number Excel shows for that line (blank lines count, as Excel shows them).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from museum.intake.decode import check_size, decode, detect_delimiter, file_kind
from museum.intake.problems import FileRejected

MAX_XLSX_EXPANDED = 512 * 1024 * 1024  # an .xlsx that unpacks to more than this is refused
MAX_XLSX_RATIO = 200                   # … as is one whose parts compress more than this (zip bomb)


@dataclass
class Grid:
    cells: pd.DataFrame
    encoding: str                 # utf-8 | utf-8-sig | gbk | gb18030 | utf-16 | xlsx
    delimiter: str | None = None
    sheet: str | None = None
    sheet_names: list[str] = field(default_factory=list)


def read_grid(content: bytes, sheet: str | None = None) -> Grid:
    check_size(content)
    kind = file_kind(content)
    if kind == "xls":
        raise FileRejected("intake.error.legacy_xls")
    if kind == "xlsx":
        return read_xlsx(content, sheet)
    decoded = decode(content)
    delimiter = detect_delimiter(decoded.text)
    utf8 = content[3:] if decoded.encoding == "utf-8-sig" else content if decoded.encoding == "utf-8" else None
    cells = _read_fast(utf8 if utf8 is not None else decoded.text.encode("utf-8"), delimiter)
    if cells is None:
        cells = _read_exact(decoded.text, delimiter)
    return Grid(cells, decoded.encoding, delimiter)


def _read_fast(utf8: bytes, delimiter: str) -> pd.DataFrame | None:
    """pyarrow's multithreaded reader, when the file is regular enough for row numbers to hold.

    Blank lines (which pyarrow drops) and rows with a different field count fall back to the
    exact reader; so does anything else pyarrow refuses.
    """
    if b"\n\n" in utf8 or b"\n\r\n" in utf8 or utf8.startswith((b"\n", b"\r")):
        return None
    try:
        table = pacsv.read_csv(
            io.BytesIO(utf8),
            read_options=pacsv.ReadOptions(autogenerate_column_names=True, block_size=16 << 20),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=False),
            convert_options=pacsv.ConvertOptions(
                column_types={f"f{i}": pa.string() for i in range(_field_count(utf8, delimiter))},
                strings_can_be_null=True,
                null_values=[""],
                quoted_strings_can_be_null=True,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    frame = table.to_pandas()
    frame.columns = [f"c{i}" for i in range(frame.shape[1])]
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame


def _field_count(utf8: bytes, delimiter: str) -> int:
    first = utf8[: utf8.find(b"\n")] if b"\n" in utf8 else utf8
    return len(next(csv.reader([first.decode("utf-8").rstrip("\r")], delimiter=delimiter), []))


def _read_exact(text: str, delimiter: str) -> pd.DataFrame:
    """Python's csv module: every record (blank ones included) is one Excel row."""
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    width = max((len(r) for r in records), default=0)
    padded = [[(cell if cell != "" else None) for cell in r] + [None] * (width - len(r)) for r in records]
    frame = pd.DataFrame(padded, columns=[f"c{i}" for i in range(width)], dtype="str")
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame


def _cell_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        if value.day == 1 and value.time() == dt.time(0):
            return f"{value.year:04d}-{value.month:02d}"
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text if text.strip() else None


def _check_zip(content: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise FileRejected("intake.error.bad_xlsx") from exc
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        raise FileRejected("intake.error.bad_xlsx")
    expanded = sum(info.file_size for info in infos)
    ratios = [info.file_size / max(info.compress_size, 1) for info in infos if info.file_size > 1 << 20]
    if expanded > MAX_XLSX_EXPANDED or any(r > MAX_XLSX_RATIO for r in ratios):
        raise FileRejected("intake.error.zip_bomb", expanded_mb=f"{expanded / 1048576:.0f}")


def sheet_names(content: bytes) -> list[str]:
    """The sheets of an .xlsx upload (for the page's sheet choice)."""
    import openpyxl

    _check_zip(content)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        try:
            return list(workbook.sheetnames)
        finally:
            workbook.close()
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, zlib.error, ParseError) as exc:
        raise FileRejected("intake.error.bad_xlsx") from exc


def read_xlsx(content: bytes, sheet: str | None = None) -> Grid:
    """The first (or the named) sheet; formulas are read as their text, never evaluated."""
    import openpyxl

    _check_zip(content)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        try:
            names = list(workbook.sheetnames)
            if sheet is not None and sheet not in names:
                raise FileRejected("intake.error.unknown_sheet", sheet=sheet, sheets="、".join(names))
            worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
            if worksheet.max_row is None:
                worksheet.reset_dimensions()
            records = [[_cell_text(v) for v in row] for row in worksheet.iter_rows(values_only=True)]
        finally:
            workbook.close()
    except FileRejected:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError, zlib.error, ParseError) as exc:
        raise FileRejected("intake.error.bad_xlsx") from exc
    width = max((len(r) for r in records), default=0)
    padded = [r + [None] * (width - len(r)) for r in records]
    frame = pd.DataFrame(padded, columns=[f"c{i}" for i in range(width)], dtype="str")
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return Grid(frame, "xlsx", None, worksheet.title, names)
