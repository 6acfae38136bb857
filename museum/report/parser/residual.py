"""Figures since the opening (not the year's) and the numbers no rule read (kept for review)."""

from __future__ import annotations

import re

from museum.report.parser.sentences import UNITS, UPPER_BOUND_AFTER_WORDS, UPPER_BOUND_WORDS, masked

_MEASURE = "个项场次篇条支所家名人件批期份种部位座站处台套册门天"
_MAGNITUDE = "十百千万亿"
_UNIT_RE = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
NUMBER = re.compile(
    r"(?P<pre>突破|超过|不少于|将近|接近|大约|超|逾|近|约|上|数|几|成|" + UPPER_BOUND_WORDS + r")?"
    r"(?P<number>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)"
    r"(?P<rest>[余多]?[万亿千]?[余多]?(?:" + _UNIT_RE + r"|[" + _MEASURE + r"])?(?:以上|左右|" + UPPER_BOUND_AFTER_WORDS + r")?)"
)
# "3至5万人次", "8-10场", "二至三场": a range is one item for review, written whole
RANGE = re.compile(
    r"(?P<low>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)\s*(?:至|到|~|～|-|—|－)\s*"
    r"(?P<high>\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)"
    r"[余多]?[万亿千]?[余多]?(?:" + _UNIT_RE + r"|[" + _MEASURE + r"])(?:以上|左右|" + UPPER_BOUND_AFTER_WORDS + r")?"
)
_NOT_AFTER_DIGITS = tuple("年月日号届时") + ("·", "/", "-", "—", ":", "：")
# "自2016年7月开馆以来…累计", "截至2021年8月累计…": not the report year's figures. A number no rule
# read ("12站", "万余人次", "上千场") is kept for review with its words, never dropped.
_SINCE = re.compile(r"以来")
_UNTIL = re.compile(r"(?:截至|截止)到?((?:19|20)\d{2})年(底|末|12月)?")
_CLAUSE_EDGE = "，,；;。"
_YEAR_AGAIN = re.compile(r"(?<=[，,；;])\s*(?:其中|同时|另外|此外)?\s*(?:全年|本年度?|今年|当年|年内|(?:19|20)\d{2}年)")


def cumulative_spans(view: str, year: int | None) -> list[tuple[int, int]]:
    """Where a sentence speaks of the time since the opening: from the clause of "以来" (or from
    "截至" a date other than the year's end) to a clause that names the year again ("全年…")."""
    starts = []
    for match in _SINCE.finditer(view):
        edge = max(view.rfind(ch, 0, match.start()) for ch in _CLAUSE_EDGE)
        starts.append(edge + 1)
    for match in _UNTIL.finditer(view):
        if not (int(match.group(1)) == year and match.group(2)):  # 截至本年年底: the year's own stock
            starts.append(match.start())
    spans = []
    for start in sorted(starts):
        back = _YEAR_AGAIN.search(view, start + 1)
        spans.append((start, back.start() if back else len(view)))
    return spans


def _at(text: str, index: int) -> str:
    return text[index] if 0 <= index < len(text) else " "


def _list_marker(scan: str, start: int, end: int) -> bool:
    if _at(scan, start - 1) in "(（" and _at(scan, end) in ")）":
        return True
    return _at(scan, end) == "、" or (_at(scan, end) in ".．" and not _at(scan, end + 1).isdigit())


def is_number(scan: str, match: re.Match) -> bool:
    """A year, a date, an ordinal, a list marker, a Latin name (top50) or the article 一 is no number."""
    start, end = match.start("number"), match.end("number")
    run, before = match.group("number"), _at(scan, start - 1)
    if before == "第" or _list_marker(scan, start, end):
        return False
    if run[0].isdigit():
        after = _at(scan, end)
        latin = (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())
        return not (latin or after in _NOT_AFTER_DIGITS or before in "·/-—")
    if set(run) <= set("一零〇") or before.isdigit():
        return False
    rest = match.group("rest")
    measured = bool(re.sub(r"(以上|左右)$", "", rest.lstrip("余多万亿千")))
    return measured or (any(ch in _MAGNITUDE for ch in run) and bool(match.group("pre") or rest[:1] in ("余", "多")))


def leftovers(view: str, covered: list[tuple[int, int]]) -> list[str]:
    """The numbers of a sentence outside the covered spans, each with its qualifier and unit."""
    scan = masked(view)
    found = []
    for match in RANGE.finditer(scan):
        if not any(a < match.end() and match.start() < b for a, b in covered) and _at(scan, match.start() - 1) != "第":
            found.append(view[match.start(): match.end()])
            covered = [*covered, (match.start(), match.end())]
    for match in NUMBER.finditer(scan):
        if not is_number(scan, match):
            continue
        start, end = match.start("number"), match.end("number")
        if any(a < end and start < b for a, b in covered):
            continue
        # 上/数/几/成 make a numeral a number without digits; before digits they are other words (线上3场)
        first = start if run_is_digits(match) and match.group("pre") in _DIGITLESS else match.start()
        found.append(view[first: match.end()])
    return found


_DIGITLESS = ("上", "数", "几", "成")


def run_is_digits(match: re.Match) -> bool:
    return match.group("number")[0].isdigit()
