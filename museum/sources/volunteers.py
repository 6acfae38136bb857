"""Volunteer rosters and service-hour exports (志愿汇, 全国志愿服务信息系统 …) read without keeping personal data.

No fixed format: the header is the first of a sheet's first rows that holds a person column
(姓名, 证件号码, 手机号, 志愿者编号) and service dates with hours, or registration dates; which
header text is which field lives in data/sources/volunteer_columns.csv. A person is a keyed hash
of the best identity the row has (museum.intake.people.person_key); names, ID numbers and phone
numbers are read only to make that hash and never leave this module: problems are redacted, and
the copy of the file that is stored (`stored_copy`) has those columns removed.

What is personal is decided twice, so that a header worded another way ("身份证号/护照号", "手机号码（+86）",
"紧急联系人电话", "监护人手机") or a number typed where it does not belong (备注: "紧急联系人15987650002") is
never kept: every column whose header names an identity document, a phone or other contact or a name
(`personal_header`) is left out of the stored copy, and every cell kept — in the copy and in the records
(team, activity) — has what looks like an ID number, a mobile or a landline replaced by MASK (`scrub`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import pandas as pd

from museum import safe_csv, settings
from museum.catalog import normalize_name
from museum.i18n import quoted
from museum.intake.columns import BRACKETED
from museum.intake.people import HASH_CHARS, MASK, looks_personal, person_key, scrub, scrubbed
from museum.intake.problems import Notice, Problem
from museum.intake.values import blank_cell, year_bounds
from museum.intake.workbook import SheetGrid
from museum.sources import cells

COLUMNS_FILE = settings.ROOT / "data" / "sources" / "volunteer_columns.csv"
SEARCH_ROWS = 20
PERSONAL = ("name", "id_number", "phone")                       # never stored, logged or shown
KEYED = "person_hash"                                           # the stored copy's column: a person's key as it is
IDENTITIES = (KEYED, "id_number", "volunteer_id", "phone", "name")  # a person's key, best first
HASH_HEADER = "志愿者（密钥哈希）"                                   # the stored copy's column in their place
_KEY_TEXT = re.compile(rf"[0-9a-f]{{{HASH_CHARS}}}")
TOTAL_MARKS = ("合计", "总计", "小计")
MAX_HOURS = 24                                                  # one service (one row) within one day
_LEADING_DAY = re.compile(r"^\s*\d{4}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}\s*日?")  # "2021-03-06 09:00-11:00"
_HOURS = re.compile(r"^(?P<n>[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>小时|时|h|hr|hrs|分钟|分|min)?$", re.IGNORECASE)

# Headers that name personal data, whatever the brackets or combination ("身份证号/护照号", "手机号码（+86）",
# "紧急联系人电话"): an identity document; a phone or other contact; someone else's (a contact's, a guardian's);
# a name. Matched on the folded header (normalize_name: lower case, no spaces).
_DOCUMENT = re.compile(r"身份证|证件|护照|港澳|台胞|回乡证|居住证|通行证|社保|医保|银行卡|卡号|passport|idcard|idno|idnumber|identity")
_PHONE_HEADER = re.compile(r"手机|电话|座机|联系方式|phone|mobile|(?<![a-z])tel(?![a-z])")
_CONTACT = re.compile(r"联系|联络|通讯|微信|wechat|(?<![a-z])qq|邮箱|邮件|e-?mail|住址|家庭地址|居住地|户籍|籍贯")
_OTHERS = re.compile(r"紧急|联系人|监护|家长|家属|亲属|父亲|母亲|配偶|guardian|emergency|parent")
_NAME_HEADER = re.compile(r"姓名|名字")
_KIND = re.compile(r"类型|种类|类别|type")
HEADER_CHARS = 40                                               # longer text is a note or a title, not a header



@lru_cache(maxsize=1)
def header_fields() -> dict[str, str]:
    """Normalised header text -> field."""
    with COLUMNS_FILE.open(encoding="utf-8", newline="") as handle:
        return {normalize_name(row["header"]): row["field"] for row in csv.DictReader(handle)}


@dataclass
class Found:
    sheet: SheetGrid
    header_row: int                      # the grid's row number (as Excel shows it)
    columns: dict[str, int]              # field -> position
    headers: dict[str, str]              # field -> the header text as the file has it
    personal: dict[int, str] = field(default_factory=dict)  # position -> header: other personal columns, never kept

    @cached_property
    def hours_in_minutes(self) -> bool:
        """The hours column's header says 分钟 ("服务时长（分钟）"): a bare number in it is minutes."""
        return "hours" in self.headers and known_field(self.headers["hours"])[1] == "分钟"


@dataclass
class Record:
    row: int
    person: str
    team: str | None
    activity: str | None
    day: object | None                   # datetime.date of the service
    hours: float | None
    registered: object | None            # datetime.date of registration


@dataclass
class Read:
    records: list[Record] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


_MINUTES = ("分钟", "分", "min", "mins", "minutes")


def known_field(text) -> tuple[str | None, str]:
    """(field, unit) of a header the list of known headers names, as written or with a unit in brackets
    ("志愿服务时长（小时）", "服务时长（分钟）": hours, read in minutes); (None, "") for another header."""
    known = header_fields()
    found = known.get(normalize_name(text))
    if found:
        return found, ""
    match = BRACKETED.match(str(text).strip())
    if match and match["name"] and known.get(normalize_name(match["name"])) == "hours":
        unit = match["unit"].strip().lower()
        if unit in _MINUTES:
            return "hours", "分钟"
        if unit in ("小时", "时", "h", "hr", "hrs", "hours"):
            return "hours", ""
    return None, ""


def personal_header(text) -> str | None:
    """The identity a header names ("id_number", "phone", "name"), "other" for personal data that is no
    identity of the volunteer (a contact's phone, a guardian, an e-mail, the kind of ID), or None."""
    folded = normalize_name(text)
    others = _OTHERS.search(folded)
    if _DOCUMENT.search(folded):
        return "other" if others or _KIND.search(folded) else "id_number"
    if _PHONE_HEADER.search(folded):
        return "other" if others else "phone"
    if _CONTACT.search(folded):
        return "other"
    if _NAME_HEADER.search(folded):
        return "other" if others else "name"
    return None


def _fields_of(cells_in_row: list) -> tuple[dict[str, int], dict[str, str], dict[int, str], set[str]]:
    """field -> position and -> header text; position -> header of the other personal columns; and the
    fields told only by the wording of their header (personal_header), not by the list of known headers."""
    columns, headers, personal, guessed = {}, {}, {}, set()
    for position, cell in enumerate(cells_in_row):
        if blank_cell(cell):
            continue
        found = known_field(cell)[0]
        if found and found not in columns:
            columns[found], headers[found] = position, scrub(str(cell).strip())
        elif found in (*PERSONAL, KEYED):  # a second name, ID or phone column
            personal[position] = scrub(str(cell).strip())
    for position, cell in enumerate(cells_in_row):
        if blank_cell(cell) or position in columns.values() or position in personal or known_field(cell)[0]:
            continue
        text = str(cell).strip()
        if len(text) > HEADER_CHARS:
            continue
        kind = personal_header(text)
        if kind in PERSONAL and kind not in columns:
            columns[kind], headers[kind] = position, scrub(text)
            guessed.add(kind)
        elif kind is not None:
            personal[position] = scrub(text)
    return columns, headers, personal, guessed


def is_volunteer_header(columns: dict[str, int], guessed: set[str] = frozenset()) -> bool:
    """A person column, and service dates with hours or registration dates; or an ID or phone
    column at all (a list of people is read here, where its numbers are never echoed). A column told
    only by its header's wording (guessed) counts as a person column, never alone."""
    has_person = any(name in columns for name in IDENTITIES)
    dated = ("date" in columns and "hours" in columns) or "registered" in columns
    return (has_person and dated) or any(name in columns and name not in guessed for name in ("id_number", "phone"))


def recognise(sheets: list[SheetGrid]) -> Found | None:
    """The first sheet with a volunteer header in its first rows. A row that holds a phone or ID number
    itself ("联系电话 | 029-88886666" on a report's cover sheet) is a form's line, not a header."""
    for sheet in sheets:
        head = sheet.cells.head(SEARCH_ROWS)
        for row_number, row_cells in zip(head.index, head.values.tolist()):
            if any(isinstance(cell, str) and looks_personal(cell) for cell in row_cells):
                continue
            columns, headers, personal, guessed = _fields_of(row_cells)
            if is_volunteer_header(columns, guessed):
                return Found(sheet, int(row_number), columns, headers, personal)
    return None


def _text(found: Found, values: list, name: str) -> str | None:
    if name not in found.columns:
        return None
    value = values[found.columns[name]]
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def hours_of(text: str) -> float:
    """Service hours from a cell ("2", "2.5小时", "90分钟"); ValueError when it is none."""
    match = _HOURS.match(cells.fold(text))
    if not match:
        raise ValueError(text)
    value = float(match["n"])
    return value / 60 if (match["unit"] or "").lower() in ("分钟", "分", "min") else value


def _person(found: Found, values: list, stored_copy: bool = False) -> str | None:
    """The row's person: in this install's stored copy, its key as it is (so approving a pending upload, which
    reads that copy, counts the same people a direct commit does); else the keyed hash of the best identity the
    row has — in an upload, a column headed like the stored copy's is hashed too, so no number typed into it
    (a card number has 16 digits) is kept."""
    for name in IDENTITIES:
        text = _text(found, values, name)
        if text and name == KEYED and stored_copy and _KEY_TEXT.fullmatch(text):
            return text
        if text:
            return person_key(f"{name}:{text}")
    return None


def _day(found: Found, values: list, name: str, row: int, errors: list[Problem], required: bool):
    text = _text(found, values, name)
    if text is None:
        if required:
            errors.append(Problem("volunteers.error.no_date", row, found.headers[name], None))
        return None
    try:
        moment = cells.moment(text)
    except cells.BadCell:  # a service time is often a span ("2021-03-06 09:00-11:00"): its day is the date
        leading = _LEADING_DAY.match(cells.fold(text))
        try:
            moment = cells.moment(leading.group(0)) if leading else None
        except cells.BadCell:
            moment = None
    first, last = year_bounds()
    if moment is None or not first <= moment.year <= last:
        errors.append(Problem("volunteers.error.not_a_date", row, found.headers[name], text, {"first": first, "last": last}))
        return None
    return moment.date()


def _hours(found: Found, values: list, row: int, errors: list[Problem]) -> float | None:
    if "hours" not in found.columns:
        return None
    text = _text(found, values, "hours")
    if text is None:
        errors.append(Problem("volunteers.error.no_hours", row, found.headers["hours"], None))
        return None
    if found.hours_in_minutes and re.fullmatch(r"\s*[0-9]+(?:\.[0-9]+)?\s*", cells.fold(text)):
        text = f"{text}分钟"  # under 服务时长（分钟）
    try:
        hours = hours_of(text)
    except ValueError:
        errors.append(Problem("volunteers.error.not_hours", row, found.headers["hours"], text))
        return None
    if hours > MAX_HOURS:  # more than a day: another column's number (a phone, an id) in the hours column
        errors.append(Problem("volunteers.error.hours_over_day", row, found.headers["hours"], text, {"limit": MAX_HOURS}))
        return None
    return hours


def _skipped(found: Found, values: list) -> bool:
    """A row with none of the read fields (a template's numbered empty row), or a 合计 row."""
    texts = [_text(found, values, name) for name in found.columns]
    if not any(texts):
        return True
    return any(str(v).strip().replace(" ", "") in TOTAL_MARKS for v in values if v is not None and not (isinstance(v, float) and pd.isna(v)))


def read(found: Found, *, stored_copy: bool = False) -> Read:
    """Every data row below the header as a record; problems redacted (no ID or phone number in them).
    stored_copy: the sheet is this install's own stored copy (see _person)."""
    result, grid = Read(), found.sheet.cells
    service = "date" in found.columns and "hours" in found.columns
    if not service and "registered" not in found.columns:
        result.errors.append(Problem("volunteers.error.undated", found.header_row, None, None))
        return result
    start = grid.index.get_loc(found.header_row) + 1
    for row, values in zip(grid.index[start:], grid.iloc[start:].values.tolist()):
        row = int(row)
        if _skipped(found, values):
            continue
        person = _person(found, values, stored_copy)
        if person is None:
            result.errors.append(Problem("volunteers.error.no_person", row, None, None))
            continue
        day = _day(found, values, "date", row, result.errors, required=service) if service else None
        hours = _hours(found, values, row, result.errors) if service else None
        registered = _day(found, values, "registered", row, result.errors, required=False) if "registered" in found.columns else None
        # a number in the team or activity is masked as in the stored copy: the database never holds it, and
        # approving a pending upload (which reads that copy) keys the same services
        result.records.append(Record(row, person, scrub(_text(found, values, "team")), scrub(_text(found, values, "activity")),
                                     day, hours, registered))
    result.errors = [scrubbed(problem) for problem in result.errors]
    if not result.errors and not result.records:
        result.errors.append(Problem("volunteers.error.no_rows", found.header_row + 1, None, None))
    return result


def _copy(found: Found, records: list[Record]) -> tuple[pd.DataFrame, int]:
    """The stored copy as a frame, and how many of its kept cells had a number masked."""
    grid = found.sheet.cells
    start = grid.index.get_loc(found.header_row)
    personal = {found.columns[name] for name in (*PERSONAL, KEYED) if name in found.columns} | set(found.personal)
    kept = [k for k in range(grid.shape[1]) if k not in personal]
    masked = 0

    def cell(value):
        nonlocal masked
        clean = scrub(value)
        masked += clean is not value
        return clean

    header = [cell(grid.iat[start, k]) for k in kept]
    by_row = {record.row: record.person for record in records}
    rows = [[by_row.get(int(row))] + [cell(values[k]) for k in kept]
            for row, values in zip(grid.index[start + 1:], grid.iloc[start + 1:].values.tolist())]
    frame = pd.DataFrame(rows, columns=[HASH_HEADER] + [h if h is not None else "" for h in header], dtype=object)
    return frame, masked


def stored_copy(found: Found, records: list[Record]) -> bytes:
    """The sheet from its header down as CSV, without the personal columns (those of `found.columns` and
    `found.personal`), every number that looks personal in the cells kept masked (scrub); each row's person as
    its keyed hash in their place (so a later reader can still count people). A stored copy read again (a
    pending upload approved) gives the same bytes: its key column is replaced by the same keys."""
    return safe_csv.to_csv_bytes(_copy(found, records)[0])


def masked_cells(found: Found, records: list[Record]) -> int:
    """How many cells of the stored copy had an ID, mobile or landline number or an e-mail address masked."""
    return _copy(found, records)[1]


def removed_columns(found: Found, stored_copy: bool = False) -> list[str]:
    """The headers of the columns the stored copy leaves out: names, ID and phone numbers, other personal
    columns, and (in an upload) a column headed like the stored copy's key, which is hashed again."""
    replaced = PERSONAL if stored_copy else (*PERSONAL, KEYED)
    named = [(found.columns[name], found.headers[name]) for name in replaced if name in found.headers]
    return [header for _, header in sorted([*named, *found.personal.items()])]


def notices(found: Found, records: list[Record], stored_copy: bool = False) -> list[Notice]:
    """What the person uploading is told about the personal data: the columns not kept, and the cells masked."""
    removed = removed_columns(found, stored_copy)
    said = [Notice("volunteers.notice.stored_copy", {"columns": quoted(removed) if removed else "—",
                                                      "people": len({r.person for r in records})})]
    masked = masked_cells(found, records)
    if masked:
        said.append(Notice("volunteers.notice.masked_cells", {"count": masked, "mark": MASK}))
    return said
