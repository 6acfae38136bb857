"""Cell texts of platform exports: figures ("1.2万", "4.41%", "14.73秒", "-", "-1") and times.

Each platform writes them its own way: 抖音 writes "-" for a figure it has not computed, 头条号 "-1";
视频号 writes rates as "4.41%" and durations as "14.73秒"; times come as `2025-03-27 14:47:18`,
`2025/03/25`, `2025-06-10 12:34`, `2025年06月10日`, `2025/6/10`, `20250301` or (小红书)
`2025年09月26日19时30分52秒`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from museum.numbers import MISSING_MARKS, NotANumber, Quantity, parse_quantity

MISSING = MISSING_MARKS | {"nan"}  # the marks of an office sheet, and what a platform writes for a blank figure
_TIME = re.compile(
    r"^(?P<y>\d{4})\s*[-/年.]\s*(?P<m>\d{1,2})\s*[-/月.]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:(?:[\sT]+|(?<=日))(?P<H>\d{1,2})\s*[:时]\s*(?P<M>\d{2})\s*分?(?:\s*:?\s*(?P<S>\d{2})(?:\.\d+)?\s*秒?)?)?$"
)
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:\.0+)?$")
_DURATION = re.compile(r"^(?P<n>[0-9.]+)\s*(?:秒|s|sec)$")


class BadCell(ValueError):
    """A cell that should hold a figure or a time and does not."""


def fold(text) -> str:
    return "" if text is None else unicodedata.normalize("NFKC", str(text)).strip()


def quantity(text, *, minus_one_missing: bool = False) -> Quantity | None:
    """A count or rate with its qualifier ("10w+", "10万+": at least, which a sum of it keeps); None when
    the platform says it has none."""
    folded = fold(text)
    if folded.lower() in MISSING or (minus_one_missing and folded in ("-1", "-1.0")):
        return None
    duration = _DURATION.match(folded)
    if duration:
        return Quantity(float(duration["n"]))
    try:
        found = parse_quantity(folded.replace("w", "万").replace("W", "万"), "%")
    except NotANumber as exc:
        raise BadCell(folded) from exc
    if found is not None and found.unit not in ("", "%", "次", "人", "秒"):
        raise BadCell(folded)
    return found


def figure(text, *, minus_one_missing: bool = False) -> float | None:
    """A count or rate as a number; None when the platform says it has none."""
    found = quantity(text, minus_one_missing=minus_one_missing)
    return None if found is None else float(found.value)


def moment(text) -> dt.datetime | None:
    """A publish time or a day; None for an empty cell; BadCell for anything else."""
    folded = fold(text)
    if folded.lower() in MISSING:
        return None
    match = _TIME.match(folded) or _COMPACT.match(folded)
    if not match:
        raise BadCell(folded)
    parts = match.groupdict()
    try:
        return dt.datetime(int(parts["y"]), int(parts["m"]), int(parts["d"]), int(parts.get("H") or 0),
                           int(parts.get("M") or 0), int(parts.get("S") or 0))
    except ValueError as exc:
        raise BadCell(folded) from exc
