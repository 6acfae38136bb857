"""Spreadsheets (xlsx, xls, xlsb, ods) into grids of text cells, with python-calamine, safely.

Before calamine sees a zip-based workbook its directory is checked (museum.intake.safety: size
unpacked, number of parts, compression ratio), every XML part is refused when it declares a DTD
(entity-expansion bombs), and each worksheet's real extent is measured from its cell references:
calamine allocates the whole rectangle up to the farthest cell, so a two-cell file with a cell in
XFD1048576 would ask for hundreds of GB. Caps on rows, columns and cells hold for every format.

Percent-formatted xlsx and ods cells are read as the percent shown ("97.5%", not 0.975): calamine
gives the stored fraction, so the cell styles (xlsx, attribute order r, s, as Excel, WPS and
openpyxl write them) or value types (ods) are read from the archive. Old .xls keeps its formats
in BIFF records calamine does not expose: a percent cell there is read as its fraction. Styles are never needed otherwise, so a broken stylesheet
(头条号 exports) does not stop the read.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile
from dataclasses import dataclass, field

import pandas as pd

from museum.errors import InputRejected
from museum.intake.problems import FileRejected

MAX_COLUMNS = 500            # no office sheet or platform export comes near this
MAX_ROWS = 1_048_576         # Excel's own limit
MAX_CELLS = 10_000_000       # rows x columns of one sheet (a million rows of ten columns)
PERCENT_FORMAT_IDS = {9, 10}  # built-in 0% and 0.00%


@dataclass
class SheetGrid:
    name: str
    cells: pd.DataFrame            # text cells, columns c0…, index = Excel row number
    hidden: bool = False


@dataclass
class Workbook:
    kind: str                      # xlsx | xls | ods
    sheets: list[SheetGrid] = field(default_factory=list)   # visible sheets, in workbook order
    hidden: list[str] = field(default_factory=list)         # names of hidden sheets (not read)
    names: list[str] = field(default_factory=list)          # every sheet name


def column_index(letters: bytes | str) -> int:
    number = 0
    for ch in letters if isinstance(letters, str) else letters.decode("ascii"):
        number = number * 26 + (ord(ch) - 64)
    return number


def cell_text(value, percent: bool = False) -> str | None:
    """A calamine value as the text a person sees in the cell."""
    kind = type(value)  # exact types first: this runs once per cell of every sheet
    if kind is str:
        return value if value.strip() else None
    if kind is float:
        if percent:
            shown = round(value * 100, 10)
            return (str(int(shown)) if shown.is_integer() else repr(shown)) + "%"
        return str(int(value)) if value.is_integer() else repr(value)
    if value is None:
        return None
    if kind is bool:
        return "TRUE" if value else "FALSE"
    if kind is int:
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    text = str(value)
    return text if text.strip() else None


def _refuse_extent(sheet: str, rows: int, columns: int) -> None:
    if columns > MAX_COLUMNS:
        raise FileRejected("intake.error.too_many_columns", sheet=sheet, columns=f"{columns:,}", limit=MAX_COLUMNS)
    if rows > MAX_ROWS:
        raise FileRejected("intake.error.too_many_rows", sheet=sheet, rows=f"{rows:,}", limit=f"{MAX_ROWS:,}")
    if rows * columns > MAX_CELLS:
        raise FileRejected("intake.error.too_many_cells", sheet=sheet, cells=f"{rows * columns:,}", limit=f"{MAX_CELLS:,}")


# --- xlsx: what the archive itself says ----------------------------------------------------------

_SHEET_TAG = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)/?>")
_REL_TAG = re.compile(rb"<Relationship\b([^>]*)/?>")
_ATTR = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')
_ROW_REF = re.compile(rb'<(?:\w+:)?row\b[^>]*?\sr="(\d+)"')
_CELL_REF = re.compile(rb'<(?:\w+:)?c\s+r="([A-Z]{1,3})(\d+)"')
_CELL_ANY = re.compile(rb"<(?:\w+:)?c[\s>/]")
_NUMFMT = re.compile(rb'<(?:\w+:)?numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"')
_CELLXFS = re.compile(rb"<(?:\w+:)?cellXfs\b[^>]*>(.*?)</(?:\w+:)?cellXfs>", re.S)
_XF = re.compile(rb"<(?:\w+:)?xf\b([^>]*)>")
# a cell holding an Excel error (#REF!, #DIV/0!, #N/A…): calamine reads it as empty; the grid keeps
# the error's text so that the reader is told the figure was not imported (museum.intake.validate)
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\s+r="([A-Z]{1,3})(\d+)"[^>]*?\st="e"[^>]*>(?:(?!</(?:\w+:)?c>).)*?<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>', re.S)
# a formula whose result was never saved (written by a program, not by Excel): nothing to show
_FORMULA_NO_VALUE = re.compile(rb'<(?:\w+:)?c\s+r="([A-Z]{1,3})(\d+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*>([^<]*)</(?:\w+:)?f>\s*(?:<(?:\w+:)?v>\s*</(?:\w+:)?v>\s*)?</(?:\w+:)?c>')


def _attrs(blob: bytes) -> dict[str, str]:
    return {k.decode().split(":")[-1]: html.unescape(v.decode("utf-8", "replace")) for k, v in _ATTR.findall(blob)}


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> the archive path of its worksheet XML."""
    try:
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return {}
    targets = {}
    for tag in _REL_TAG.findall(rels):
        attrs = _attrs(tag)
        target = attrs.get("Target", "")
        target = target[1:] if target.startswith("/") else "xl/" + target
        targets[attrs.get("Id")] = target
    parts = {}
    for tag in _SHEET_TAG.findall(workbook):
        attrs = _attrs(tag)
        if "name" in attrs and attrs.get("id") in targets:
            parts[attrs["name"]] = targets[attrs["id"]]
    return parts


def _percent_styles(archive: zipfile.ZipFile) -> set[int]:
    """Indexes of the cell formats (the `s` of a cell) that show a percent; empty if unreadable."""
    try:
        styles = archive.read("xl/styles.xml")
    except KeyError:
        return set()
    percent_ids = set(PERCENT_FORMAT_IDS)
    for number, code in _NUMFMT.findall(styles):
        visible = re.sub(rb'"[^"]*"|\\.', b"", html.unescape(code.decode("utf-8", "replace")).encode())
        if b"%" in visible:
            percent_ids.add(int(number))
    block = _CELLXFS.search(styles)
    if not block:
        return set()
    found = set()
    for index, tag in enumerate(_XF.findall(block.group(1))):
        fmt = _attrs(tag).get("numFmtId")
        if fmt and fmt.isdigit() and int(fmt) in percent_ids:
            found.add(index)
    return found


def _refuse_dtds(archive: zipfile.ZipFile) -> None:
    """No real workbook declares a DTD; one that does may be an entity-expansion bomb (read before
    calamine inflates anything: museum.intake.safety.part_with_dtd)."""
    from museum.intake import safety as upload_safety

    part = upload_safety.part_with_dtd(archive)
    if part is not None:
        raise FileRejected("intake.error.xml_entities", part=part)


def _xlsx_inspect(content: bytes) -> tuple[dict[str, set[tuple[int, int]]], dict[str, dict[tuple[int, int], str]]]:
    """Per sheet: the (row, column) of percent-formatted cells, and the cells calamine reads as
    empty that are not: formulas without a saved result ((row, column) -> "=…") and Excel error
    values ((row, column) -> "#REF!"); refuses sheets whose real extent passes the caps."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    _refuse_dtds(archive)
    percent_styles = _percent_styles(archive)
    style_pattern = None
    if percent_styles:
        alternatives = b"|".join(str(s).encode() for s in sorted(percent_styles))
        style_pattern = re.compile(rb'<(?:\w+:)?c\s+r="([A-Z]{1,3})(\d+)"\s+s="(?:' + alternatives + rb')"')
    percent, formulas = {}, {}
    for name, part in _sheet_parts(archive).items():
        try:
            xml = archive.read(part)
        except KeyError:
            continue
        last_row = _ROW_REF.search(xml, max(0, xml.rfind(b"<row ") - 1)) if b"<row " in xml else None
        refs = _CELL_REF.findall(xml)
        # rows come in order: the last row's number (or the last cell's) is the sheet's height
        max_row = max([int(last_row.group(1))] if last_row else [] + [int(r) for _, r in refs[-1:]], default=0)
        max_column = max((column_index(c) for c in set(c for c, _ in refs)), default=0)
        if not refs and _CELL_ANY.search(xml):
            # cells without references are placed one after another: the longest row decides
            chunks = re.split(rb"<(?:\w+:)?row\b", xml)
            max_column = max(len(_CELL_ANY.findall(chunk)) for chunk in chunks)
            max_row = max(max_row, len(chunks) - 1)
        _refuse_extent(name, max_row, max_column)
        if style_pattern is not None:
            percent[name] = {(int(r), column_index(c) - 1) for c, r in style_pattern.findall(xml)}
        if b"<f" in xml:
            formulas[name] = {(int(r), column_index(c) - 1): "=" + html.unescape(f.decode("utf-8", "replace"))
                              for c, r, f in _FORMULA_NO_VALUE.findall(xml)}
        if b't="e"' in xml:
            formulas.setdefault(name, {}).update({(int(r), column_index(c) - 1): html.unescape(v.decode("utf-8", "replace")).strip()
                                                  for c, r, v in _ERROR_CELL.findall(xml) if v.strip()})
    return percent, formulas


_ODS_REPEATED_ROW = re.compile(rb'<table:table-row\b[^>]*?table:number-rows-repeated="(\d+)"[^>]*>(.*?)</table:table-row>', re.S)
_ODS_REPEATED_CELL = re.compile(rb'<table:(?:covered-)?table-cell\b([^>]*?)table:number-columns-repeated="(\d+)"([^>]*?)(/?)>')


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _ods_percent_cells(xml: bytes) -> dict[str, set[tuple[int, int]]]:
    """Per sheet, the (row, column) of cells of value type "percentage" (read as the percent shown).

    Parsed with ElementTree only after `_refuse_dtds`: without a DTD there is no entity to expand.
    """
    from xml.etree import ElementTree

    found: dict[str, set[tuple[int, int]]] = {}
    sheet, row, column = None, 0, 0
    for event, element in ElementTree.iterparse(io.BytesIO(xml), events=("start", "end")):
        tag = element.tag
        if event == "start" and tag == _ODS_TABLE + "table":
            sheet, row = element.get(_ODS_TABLE + "name"), 0
        elif event == "start" and tag == _ODS_TABLE + "table-row":
            row, column = row + 1, 0
        elif event == "end" and tag == _ODS_TABLE + "table-row":
            row += int(element.get(_ODS_TABLE + "number-rows-repeated", "1")) - 1
            element.clear()
        elif event == "end" and tag in (_ODS_TABLE + "table-cell", _ODS_TABLE + "covered-table-cell"):
            repeat = int(element.get(_ODS_TABLE + "number-columns-repeated", "1"))
            if element.get(_ODS_OFFICE + "value-type") == "percentage":
                found.setdefault(sheet, set()).update((row, column + k) for k in range(min(repeat, MAX_COLUMNS)))
            column += repeat
    return found


def _ods_inspect(content: bytes) -> dict[str, set[tuple[int, int]]]:
    """OpenDocument writes runs of equal cells once with a repeat count: empty runs (LibreOffice
    pads every row to the sheet's width) are harmless, a long run of values is a bomb. Returns
    the percent cells of each sheet."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    _refuse_dtds(archive)
    try:
        xml = archive.read("content.xml")
    except KeyError:
        return {}
    for attrs_before, count, attrs_after, closed in _ODS_REPEATED_CELL.findall(xml):
        valued = b"office:value" in attrs_before + attrs_after or not closed
        if valued and int(count) > MAX_COLUMNS:
            _refuse_extent("ODS", 1, int(count))
    for count, body in _ODS_REPEATED_ROW.findall(xml):
        if b"office:value" in body or b"<text:p" in body:  # a run of rows that hold something
            width = sum(int(n) for _, n, _, _ in _ODS_REPEATED_CELL.findall(body)) + body.count(b"<table:table-cell")
            _refuse_extent("ODS", int(count), min(width, MAX_COLUMNS))
    return _ods_percent_cells(xml) if b'office:value-type="percentage"' in xml else {}


# --- every format ----------------------------------------------------------------------------


def _safety(content: bytes, kind: str) -> None:
    from museum.intake import safety as upload_safety

    try:
        upload_safety.check_zip_safety(content, kind=f".{kind}")
    except InputRejected as exc:
        raise FileRejected(exc.key, **exc.params) from exc


def open_workbook(content: bytes, kind: str):
    """The calamine workbook of checked bytes (zip limits, DTDs, extents); FileRejected if damaged."""
    import python_calamine

    percent: dict = {}
    formulas: dict = {}
    if kind in ("xlsx", "ods"):
        _safety(content, kind)
        try:
            if kind == "xlsx":
                percent, formulas = _xlsx_inspect(content)
            else:
                percent = _ods_inspect(content)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise FileRejected("intake.error.bad_xlsx") from exc
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))
    except python_calamine.PasswordError as exc:
        raise FileRejected("intake.error.encrypted") from exc
    except (python_calamine.CalamineError, ValueError, OSError) as exc:
        raise FileRejected("intake.error.bad_workbook", kind=f".{kind}") from exc
    return book, percent, formulas


def read_workbook(content: bytes, kind: str, only: str | None = None) -> Workbook:
    """Every visible worksheet (or the one named `only`) as a text grid; hidden sheets are listed, not read."""
    import python_calamine

    book, percent, formulas = open_workbook(content, kind)
    result = Workbook(kind)
    try:
        metadata = book.sheets_metadata
        result.names = [m.name for m in metadata]
        if only is not None and only not in result.names:
            raise FileRejected("intake.error.unknown_sheet", sheet=only, sheets="、".join(result.names))
        for meta in metadata:
            hidden = str(meta.visible).split(".")[-1] != "Visible"
            if str(meta.typ).split(".")[-1] != "WorkSheet":
                continue
            if hidden:
                result.hidden.append(meta.name)
                if only != meta.name:
                    continue
            if only is not None and meta.name != only:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            _refuse_extent(meta.name, sheet.height, sheet.width)
            records = sheet.to_python(skip_empty_area=False)
            shown = percent.get(meta.name, set())
            grid = [
                [cell_text(v, (r, c) in shown) for c, v in enumerate(row)]
                for r, row in enumerate(records, start=1)
            ]
            for (r, c), formula in formulas.get(meta.name, {}).items():
                if r <= len(grid):
                    grid[r - 1].extend([None] * (c + 1 - len(grid[r - 1])))
                    grid[r - 1][c] = formula
                else:
                    grid.extend([[] for _ in range(r - len(grid))])
                    grid[r - 1] = [None] * c + [formula]
            width = max((len(r) for r in grid), default=0)
            frame = pd.DataFrame([r + [None] * (width - len(r)) for r in grid], columns=[f"c{i}" for i in range(width)], dtype="str")
            frame.index = pd.RangeIndex(1, len(frame) + 1)
            result.sheets.append(SheetGrid(meta.name, frame, hidden))
    except python_calamine.CalamineError as exc:
        raise FileRejected("intake.error.bad_workbook", kind=f".{kind}") from exc
    finally:
        book.close()
    return result
