"""Personal data in uploads: a person as a keyed hash; ID and phone numbers kept out of every message,
masked (with e-mail addresses) in what a file of people keeps (scrub), and found where an office workbook
holds them."""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from dataclasses import replace

import pandas as pd

from museum import settings
from museum.intake.problems import Problem

# 18-digit resident ID (last may be X), the old 15-digit one, a mainland mobile number; digits
# inside a longer run of digits are left alone (an item id of 19 digits is neither)
_ID_NUMBER = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])")
_PHONE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9])")
HASH_CHARS = 16  # 64 bits: no collision among a museum's few thousand volunteers
_SHORTEST = 11  # characters of the shortest such number (a mobile): shorter cells are not scanned


def is_resident_id(text: str) -> bool:
    """An 18-character resident ID by its birth date (characters 7–14): a 统一社会信用代码 of 18 digits
    ("12610100435200123X") carries an organisation code there, seldom a date. The check character is not
    required: an ID kept as a number by a spreadsheet has lost it ("610102199203154048")."""
    text = text.upper()
    if len(text) != 18 or not text[:17].isdigit():
        return False
    year, month, day = int(text[6:10]), int(text[10:12]), int(text[12:14])
    return 1900 <= year <= 2030 and 1 <= month <= 12 and 1 <= day <= 31


# Numbers that are personal wherever they stand (NFKC-folded text): an ID number (18 characters, 17 digits and a
# digit or X, or the old 15 digits; any longer run of digits — a bank card — too; or grouped 6-8-4), one that a
# spreadsheet shortened (6.10102199203154E+17), a mainland mobile (+86, spaces, dashes) and a landline with its
# area code ("029-87654321", "(0571)8765 4321", "029-8765432转801"), and an e-mail address.
_SCRUBBED = re.compile(
    r"(?<![0-9])[0-9]{6}[ -]?[0-9]{8}[ -]?[0-9]{3}[0-9Xx](?![0-9])"
    r"|(?<![0-9])[0-9]{15,}[Xx]?(?![0-9])"
    r"|(?<![0-9.])[0-9]\.[0-9]{4,}[Ee]\+?(?:1[4-9]|2[0-9])(?![0-9])"
    r"|(?<![0-9])(?:(?:\+|00)?86[\s-]*|[(]\+?86[)][\s-]*)?1[3-9][0-9](?:[\s-]*[0-9]){8}(?![0-9])"
    r"|(?<![0-9])(?:[(]0[1-9][0-9]{1,2}[)]|0[1-9][0-9]{1,2})[\s-]*[0-9]{3,4}[\s-]?[0-9]{4}"
    r"(?:[\s-]*(?:转|ext\.?|x)[\s-]*[0-9]{1,5})?(?![0-9])"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",                # an e-mail address too
    re.IGNORECASE)
MASK = "***"                                                    # in a kept cell, in place of such a number


def scrub(text):
    """`text` with every ID number, mobile, landline and e-mail address replaced by MASK; other values as they are."""
    if not isinstance(text, str):
        return text
    folded = unicodedata.normalize("NFKC", text).strip()
    masked = _SCRUBBED.sub(MASK, folded)
    return text if masked == folded else masked


def looks_personal(text) -> bool:
    """Whether `text` holds what scrub would mask."""
    return isinstance(text, str) and bool(_SCRUBBED.search(unicodedata.normalize("NFKC", text).strip()))


def scrubbed(problem: Problem) -> Problem:
    """`redacted(problem)`, with landlines and e-mail addresses masked too (scrub): for a file of people."""
    problem = redacted(problem)
    params = {k: scrub(v) for k, v in problem.params.items()}
    return replace(problem, value=scrub(problem.value), column=scrub(problem.column), params=params)


# In a whole workbook, a number counts as a person's only where it stands on its own: not inside a code or a
# hash of letters and digits ("…9f13912345678ab…"), and a mobile is no amount ("13900000000.00元"). An ID
# kept as a number shows as "6.10102199203154e+17".
_ALONE_BEFORE, _ALONE_AFTER = r"(?<![0-9A-Za-z])", r"(?![0-9A-Za-z]|[.．][0-9])"
_MOBILE_ALONE = re.compile(_ALONE_BEFORE + r"(?:\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}" + _ALONE_AFTER)
_ID_ALONE = re.compile(_ALONE_BEFORE + r"(?:[0-9]{17}[0-9Xx]|[0-9]{15})" + _ALONE_AFTER)
_ID_AS_NUMBER = re.compile(r"[1-9]\.[0-9]{9,}[eE]\+?17")
_CANDIDATE = re.compile(r"[0-9０-９][0-9０-９ -]{9,}[0-9０-９]|[eE]\+?17")  # what any of the above needs


def _personal_in(text: str) -> bool:
    folded = unicodedata.normalize("NFKC", text).strip()  # "１３９１２３４５６７８" is a mobile too
    if _MOBILE_ALONE.search(folded) or _ID_AS_NUMBER.fullmatch(folded):
        return True
    return any(len(found) == 15 or is_resident_id(found) for found in _ID_ALONE.findall(folded))


def first_personal_cell(sheets) -> tuple[str, int, int] | None:
    """(sheet, Excel row, column index) of the first cell of a workbook that holds a resident ID or mobile
    number (a contact line on a cover sheet, a 联系电话 note under a table), else None. Such a file is not
    kept: the bytes of an office sheet are stored as they are."""
    for sheet in sheets:
        for position, name in enumerate(sheet.cells.columns):
            column = sheet.cells[name]
            if not (column.dtype == object or pd.api.types.is_string_dtype(column)):
                continue
            text = column[column.str.len().fillna(0) >= _SHORTEST].dropna()
            text = text[text.str.contains(_CANDIDATE, na=False)] if len(text) else text  # vectorised: few cells remain
            hits = [row for row, cell in text.items() if _personal_in(str(cell))]
            if hits:
                return sheet.name, int(hits[0]), position
    return None


def person_key(identity: str) -> str:
    """The keyed hash (HMAC-SHA256 with the install's key) of an ID number, volunteer number or name."""
    text = unicodedata.normalize("NFKC", identity).strip().upper().replace(" ", "")
    return hmac.new(settings.people_key(), text.encode("utf-8"), hashlib.sha256).hexdigest()[:HASH_CHARS]


def redact(text: str | None) -> str | None:
    """`text` with every ID number and mobile number masked."""
    if text is None:
        return None
    folded = unicodedata.normalize("NFKC", text)
    # stars of the same length: a reader still sees that a number stood there, and where
    masked = _PHONE.sub(_stars, _ID_NUMBER.sub(_stars, folded))
    return text if masked == folded else masked


def _stars(match: re.Match) -> str:
    return "*" * len(match.group(0))


def redacted(problem: Problem) -> Problem:
    """A problem whose value, column and parameters name no ID number or phone number."""
    params = {k: redact(v) if isinstance(v, str) else v for k, v in problem.params.items()}
    return replace(problem, value=redact(problem.value), column=redact(problem.column), params=params)
